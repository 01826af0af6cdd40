import { validateContainerPorts, validateHostPortConflicts } from './container-ports';
import { validateEnv, validateEnvFrom } from './env-vars';
import { append } from './error-list';
import { FieldError, FieldPath } from './field-error';
import { dns1123LabelErrors } from './names';
import { validateContainerProbes, validateLifecycle } from './probes';
import { validateResourceRequirements } from './resources';
import { validateContainerSecurityContext } from './security-context';
import { validateVolumeDevices, validateVolumeMounts } from './volume-mounts';
import { VolumeSources } from './volumes';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/** What every container's rules need to know about the pod around it. */
export interface PodContext {
  /** The volumes that passed validation, by name. */
  readonly volumes: VolumeSources;
  /** `terminationGracePeriodSeconds` after defaulting (30). */
  readonly gracePeriod: number;
  /** The pod's `restartPolicy` after defaulting (Always). */
  readonly restartPolicy: string;
  /** False when the pod runs in its own user namespace (`hostUsers: false`). */
  readonly hostUsers: boolean;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_RESTART_POLICIES = ['NotRequired', 'RestartContainer'];

/**
 * An empty enum string is replaced by its default before validation (SetDefaults_Container), so
 * only a wrong value is an error.
 */
function validateDefaultedEnum(value: unknown, supported: readonly string[], path: FieldPath): FieldError[] {
  if (value === undefined || value === null || value === '') return [];
  return supported.includes(String(value)) && typeof value === 'string' ? [] : [path.notSupported(value, supported)];
}

/**
 * Mirrors `validateResizePolicy` in pkg/apis/core/validation/validation.go. Its errors name the
 * list, not the entry, except for duplicates.
 */
function validateResizePolicy(policies: unknown, restartPolicy: string, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  listAt(policies).forEach((raw, i) => {
    const policy = objectAt(raw) ?? {};
    const resourceName = stringAt(policy.resourceName) ?? '';
    const restart = stringAt(policy.restartPolicy) ?? '';
    if (seen.has(resourceName)) errors.push(path.index(i).duplicate(resourceName));
    seen.add(resourceName);
    if (resourceName === '') errors.push(path.required());
    else if (!RESIZE_RESOURCES.includes(resourceName)) errors.push(path.notSupported(resourceName, RESIZE_RESOURCES));
    if (restart === '') errors.push(path.required());
    else if (!RESIZE_RESTART_POLICIES.includes(restart)) errors.push(path.notSupported(restart, RESIZE_RESTART_POLICIES));
    if (restartPolicy === 'Never' && restart !== 'NotRequired') {
      errors.push(path.invalid(restart, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errors;
}

/**
 * Mirrors `validateContainerCommon` in pkg/apis/core/validation/validation.go: what every kind of
 * container must satisfy. The image is only required here; leading or trailing spaces are refused
 * for pods, not for templates.
 */
function validateContainerCommon(container: JsonObject, pod: PodContext, path: FieldPath, errors: FieldError[]): void {
  const name = stringAt(container.name) ?? '';
  if (name.length === 0) errors.push(path.child('name').required());
  else for (const message of dns1123LabelErrors(name)) errors.push(path.child('name').invalid(name, message));
  if ((stringAt(container.image) ?? '').length === 0) errors.push(path.child('image').required());
  // Each rule below reads one optional field that most containers leave unset, and finds nothing
  // without it: no path is made for an absent field.
  if (isSet(container.terminationMessagePolicy)) {
    append(errors, validateDefaultedEnum(container.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, path.child('terminationMessagePolicy')));
  }
  if (isSet(container.ports)) append(errors, validateContainerPorts(container.ports, path.child('ports')));
  if (isSet(container.env)) append(errors, validateEnv(container.env, path.child('env')));
  if (isSet(container.envFrom)) append(errors, validateEnvFrom(container.envFrom, path.child('envFrom')));
  if (listAt(container.volumeMounts).length > 0) append(errors, validateVolumeMounts(container, pod.volumes, path.child('volumeMounts')));
  if (listAt(container.volumeDevices).length > 0) append(errors, validateVolumeDevices(container, pod.volumes, path.child('volumeDevices')));
  if (isSet(container.imagePullPolicy)) append(errors, validateDefaultedEnum(container.imagePullPolicy, PULL_POLICIES, path.child('imagePullPolicy')));
  const resources = objectAt(container.resources);
  if (resources) append(errors, validateResourceRequirements(resources, path.child('resources')));
  if (isSet(container.resizePolicy)) append(errors, validateResizePolicy(container.resizePolicy, pod.restartPolicy, path.child('resizePolicy')));
  const securityContext = objectAt(container.securityContext);
  if (securityContext) append(errors, validateContainerSecurityContext(securityContext, pod.hostUsers, path.child('securityContext')));
}

/** The hooks and probes that regular containers and sidecars may have, and plain init containers may not. */
function validateHooksAndProbes(container: JsonObject, pod: PodContext, path: FieldPath, errors: FieldError[]): void {
  const lifecycle = objectAt(container.lifecycle);
  if (lifecycle) append(errors, validateLifecycle(lifecycle, pod.gracePeriod, path.child('lifecycle')));
  if (isSet(container.livenessProbe) || isSet(container.readinessProbe) || isSet(container.startupProbe)) {
    append(errors, validateContainerProbes(container, pod.gracePeriod, path));
  }
}

const isSet = (value: unknown) => value !== undefined && value !== null;

/**
 * Mirrors `validateContainers` in pkg/apis/core/validation/validation.go: at least one, unique
 * names, hooks and probes, no per-container restart policy, and no two containers on the same host
 * port.
 */
export function validateContainers(containers: readonly unknown[], pod: PodContext, path: FieldPath): FieldError[] {
  if (containers.length === 0) return [path.required()];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  let ports = false;
  for (let i = 0; i < containers.length; i++) {
    const container = objectAt(containers[i]) ?? {};
    const containerPath = path.index(i);
    validateContainerCommon(container, pod, containerPath, errors);
    const name = stringAt(container.name) ?? '';
    if (names.has(name)) errors.push(containerPath.child('name').duplicate(name));
    else names.add(name);
    validateHooksAndProbes(container, pod, containerPath, errors);
    if (isSet(container.restartPolicy)) errors.push(containerPath.child('restartPolicy').forbidden('may not be set for non-init containers'));
    ports ||= isSet(container.ports);
  }
  // Only a host port can conflict, and a pod without ports has none.
  if (ports) append(errors, validateHostPortConflicts(containers, path));
  return errors;
}

/**
 * Mirrors `validateInitContainers` in pkg/apis/core/validation/validation.go. An init container
 * with `restartPolicy: Always` is a sidecar: it keeps running, so it may have hooks and probes; any
 * other init container may not. Names must differ from the regular containers' too.
 */
export function validateInitContainers(
  initContainers: readonly unknown[],
  containers: readonly unknown[],
  pod: PodContext,
  path: FieldPath,
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(containers.map((raw) => stringAt(objectAt(raw)?.name) ?? ''));
  initContainers.forEach((raw, i) => {
    const container = objectAt(raw) ?? {};
    const containerPath = path.index(i);
    validateContainerCommon(container, pod, containerPath, errors);
    const restartPolicy = container.restartPolicy;
    if (isSet(restartPolicy) && restartPolicy !== 'Always') {
      errors.push(containerPath.child('restartPolicy').notSupported(restartPolicy, ['Always']));
    }
    const name = stringAt(container.name) ?? '';
    if (names.has(name)) errors.push(containerPath.child('name').duplicate(name));
    else if (name.length > 0) names.add(name);
    errors.push(...validateHostPortConflicts([container], path));
    if (restartPolicy === 'Always') {
      validateHooksAndProbes(container, pod, containerPath, errors);
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isSet(container[key])) errors.push(containerPath.child(key).forbidden('may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errors;
}
