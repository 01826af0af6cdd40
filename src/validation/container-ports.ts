import { FieldError, FieldPath } from './field-error';
import { inclusiveRange, portNameErrors } from './names';
import { listAt, numberAt, objectAt, stringAt } from '../json/shape';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = inclusiveRange(1, 65535);

const isUnset = (value: unknown) => value === undefined || value === null;

/** `IsValidPortNum`: 1 to 65535. A non-number here was already refused by the decode pass. */
function validatePortNumber(value: unknown, path: FieldPath): FieldError[] {
  const port = numberAt(value);
  if (port !== undefined && Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [path.invalid(value, PORT_RANGE)];
}

/** The protocol after defaulting: the API server fills in TCP for an empty one (SetDefaults_ContainerPort). */
function protocolOf(port: { readonly protocol?: unknown }): unknown {
  return isUnset(port.protocol) || port.protocol === '' ? 'TCP' : port.protocol;
}

/**
 * Mirrors `validateContainerPorts` in pkg/apis/core/validation/validation.go: unique valid names,
 * ports in range, a known protocol. A port name that is invalid is not counted for uniqueness, as
 * upstream.
 */
export function validateContainerPorts(ports: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  listAt(ports).forEach((raw, i) => {
    const port = objectAt(raw) ?? {};
    const portPath = path.index(i);
    const name = stringAt(port.name) ?? '';
    if (name.length > 0) {
      const messages = portNameErrors(name);
      if (messages.length > 0) errors.push(...messages.map((message) => portPath.child('name').invalid(name, message)));
      else if (names.has(name)) errors.push(portPath.child('name').duplicate(name));
      else names.add(name);
    }
    if (isUnset(port.containerPort) || port.containerPort === 0) errors.push(portPath.child('containerPort').required());
    else errors.push(...validatePortNumber(port.containerPort, portPath.child('containerPort')));
    if (!isUnset(port.hostPort) && port.hostPort !== 0) errors.push(...validatePortNumber(port.hostPort, portPath.child('hostPort')));
    const protocol = protocolOf(port);
    if (!PROTOCOLS.includes(String(protocol)) || typeof protocol !== 'string') {
      errors.push(portPath.child('protocol').notSupported(protocol, PROTOCOLS));
    }
  });
  return errors;
}

/**
 * Mirrors `AccumulateUniqueHostPorts` through `checkHostPortConflicts` in
 * pkg/apis/core/validation/validation.go: no two ports may claim the same protocol, host IP and
 * host port. Regular containers share one set; each init container is checked alone (they run one
 * at a time), and upstream then names it `initContainers[0]` whatever its index, because it passes
 * a one-element list. That path is kept.
 */
export function validateHostPortConflicts(containers: readonly unknown[], path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((raw, i) => {
    listAt(objectAt(raw)?.ports).forEach((rawPort, j) => {
      const port = objectAt(rawPort) ?? {};
      const hostPort = numberAt(port.hostPort);
      if (hostPort === undefined || hostPort === 0) return;
      const key = `${String(protocolOf(port))}/${stringAt(port.hostIP) ?? ''}/${hostPort}`;
      if (seen.has(key)) errors.push(path.index(i).child('ports').index(j).child('hostPort').duplicate(key));
      else seen.add(key);
    });
  });
  return errors;
}

/**
 * Mirrors `validatePodHostNetworkDeps` in pkg/apis/core/validation/validation.go: with the host's
 * network a port is the host's port, so a hostPort other than containerPort cannot be honoured. In
 * a template an unset hostPort is allowed; it is filled in when the pod is created. Init containers
 * are not checked upstream.
 */
export function validateHostNetworkPorts(containers: readonly unknown[], hostNetwork: boolean, path: FieldPath): FieldError[] {
  if (!hostNetwork) return [];
  const errors: FieldError[] = [];
  containers.forEach((raw, i) => {
    listAt(objectAt(raw)?.ports).forEach((rawPort, j) => {
      const port = objectAt(rawPort) ?? {};
      const hostPort = port.hostPort ?? 0;
      if (hostPort !== 0 && hostPort !== (port.containerPort ?? 0)) {
        errors.push(path.index(i).child('ports').index(j).child('hostPort').invalid(port.hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errors;
}
