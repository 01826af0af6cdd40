import { FieldError, FieldPath } from './field-error';
import { dns1123LabelErrors, dns1123SubdomainErrors } from './names';
import { validateNodeAffinity } from './node-affinity';
import { validateAnnotations, validateLabels } from './object-meta';
import { validateTolerations } from './tolerations';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

function dnsLabelErrors(value: string, path: FieldPath): FieldError[] {
  return dns1123LabelErrors(value).map((message) => path.invalid(value, message));
}

function validatePortNumber(value: unknown, path: FieldPath): FieldError[] {
  const port = numberAt(value);
  if (port !== undefined && Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [path.invalid(value, 'must be between 1 and 65535, inclusive')];
}

/** Mirrors `validateContainerPorts`, with the host-network rule of `validateHostNetwork`. */
function validatePorts(ports: unknown, hostNetwork: boolean, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  listAt(ports).forEach((raw, i) => {
    const port = objectAt(raw) ?? {};
    const portPath = path.index(i);
    if (port.containerPort === undefined || port.containerPort === null || port.containerPort === 0) {
      errors.push(portPath.child('containerPort').required());
    } else {
      errors.push(...validatePortNumber(port.containerPort, portPath.child('containerPort')));
    }
    if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) {
      errors.push(...validatePortNumber(port.hostPort, portPath.child('hostPort')));
      if (hostNetwork && port.hostPort !== port.containerPort) {
        errors.push(portPath.child('hostPort').invalid(port.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }
    // An empty protocol is defaulted to TCP (SetDefaults_ContainerPort).
    const protocol = stringAt(port.protocol);
    if (port.protocol !== undefined && port.protocol !== null && protocol !== '' && (protocol === undefined || !PROTOCOLS.includes(protocol))) {
      errors.push(portPath.child('protocol').notSupported(port.protocol, PROTOCOLS));
    }
  });
  return errors;
}

/** Mirrors the parts of `validateContainers` / `validateInitContainers` that node agents get wrong. */
function validateContainerList(
  containers: readonly unknown[],
  path: FieldPath,
  seenNames: Set<string>,
  volumeNames: Set<string>,
  hostNetwork: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  containers.forEach((raw, i) => {
    const container = objectAt(raw) ?? {};
    const containerPath = path.index(i);
    const name = stringAt(container.name) ?? '';
    if (name.length === 0) {
      errors.push(containerPath.child('name').required());
    } else {
      errors.push(...dnsLabelErrors(name, containerPath.child('name')));
      if (seenNames.has(name)) errors.push(containerPath.child('name').duplicate(name));
      seenNames.add(name);
    }
    errors.push(...validatePorts(container.ports, hostNetwork, containerPath.child('ports')));
    listAt(container.volumeMounts).forEach((rawMount, j) => {
      const mount = objectAt(rawMount) ?? {};
      const mountPath = containerPath.child('volumeMounts').index(j);
      const volumeName = stringAt(mount.name) ?? '';
      if (volumeName.length === 0) errors.push(mountPath.child('name').required());
      else if (!volumeNames.has(volumeName)) errors.push(mountPath.child('name').notFound(volumeName));
      if (!stringAt(mount.mountPath)) errors.push(mountPath.child('mountPath').required());
    });
  });
  return errors;
}

function validateVolumes(volumes: unknown, path: FieldPath): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  listAt(volumes).forEach((raw, i) => {
    const name = stringAt(objectAt(raw)?.name) ?? '';
    const namePath = path.index(i).child('name');
    if (name.length === 0) {
      errors.push(namePath.required());
      return;
    }
    errors.push(...dnsLabelErrors(name, namePath));
    if (names.has(name)) errors.push(namePath.duplicate(name));
    names.add(name);
  });
  return { errors, names };
}

function validateOptionalName(value: unknown, path: FieldPath): FieldError[] {
  const name = stringAt(value);
  if (!name) return [];
  return dns1123SubdomainErrors(name).map((message) => path.invalid(name, message));
}

/**
 * Mirrors the parts of `ValidatePodTemplateSpec` / `ValidatePodSpec` that decide whether a
 * DaemonSet's template is accepted: containers, volumes, ports, tolerations, node selection.
 */
export function validatePodTemplate(template: JsonObject | undefined, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const metadata = objectAt(template?.metadata);
  // ObjectMeta is embedded in PodTemplateSpec, so upstream names these `template.labels`.
  errors.push(...validateLabels(metadata?.labels, path.child('labels')));
  errors.push(...validateAnnotations(metadata?.annotations, path.child('annotations')));

  const specPath = path.child('spec');
  const spec = objectAt(template?.spec) ?? {};
  const hostNetwork = spec.hostNetwork === true;

  const { errors: volumeErrors, names: volumeNames } = validateVolumes(spec.volumes, specPath.child('volumes'));
  errors.push(...volumeErrors);

  // As validateContainers then validateInitContainers: an init container that repeats a
  // container's name is the duplicate, and the host-network port rule covers containers only.
  const containers = listAt(spec.containers);
  const containerNames = new Set<string>();
  if (containers.length === 0) errors.push(specPath.child('containers').required());
  errors.push(...validateContainerList(containers, specPath.child('containers'), containerNames, volumeNames, hostNetwork));
  errors.push(...validateContainerList(listAt(spec.initContainers), specPath.child('initContainers'), containerNames, volumeNames, false));

  if (listAt(spec.ephemeralContainers).length > 0) {
    errors.push(specPath.child('ephemeralContainers').forbidden('ephemeral containers not allowed in pod template'));
  }
  const restartPolicy = spec.restartPolicy;
  if (restartPolicy !== undefined && !RESTART_POLICIES.includes(String(restartPolicy))) {
    errors.push(specPath.child('restartPolicy').notSupported(restartPolicy, RESTART_POLICIES));
  }
  const dnsPolicy = spec.dnsPolicy;
  if (dnsPolicy !== undefined && !DNS_POLICIES.includes(String(dnsPolicy))) {
    errors.push(specPath.child('dnsPolicy').notSupported(dnsPolicy, DNS_POLICIES));
  }
  errors.push(...validateOptionalName(spec.priorityClassName, specPath.child('priorityClassName')));
  errors.push(...validateOptionalName(spec.serviceAccountName, specPath.child('serviceAccountName')));
  errors.push(...validateLabels(spec.nodeSelector, specPath.child('nodeSelector')));
  errors.push(...validateTolerations(spec.tolerations, specPath.child('tolerations')));
  const nodeAffinity = objectAt(objectAt(spec.affinity)?.nodeAffinity);
  errors.push(...validateNodeAffinity(nodeAffinity, specPath.child('affinity', 'nodeAffinity')));
  return errors;
}
