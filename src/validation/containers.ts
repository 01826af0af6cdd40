import { validateContainerPorts, validateHostPortConflicts } from './container-ports';
import { validateEnv, validateEnvFrom } from './env-vars';
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
function validateContainerCommon(container: JsonObject, pod: PodContext, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const name = stringAt(container.name) ?? '';
  if (name.length === 0) errors.push(path.child('name').required());
  else errors.push(...dns1123LabelErrors(name).map((message) => path.child('name').invalid(name, message)));
  if ((stringAt(container.image) ?? '').length === 0) errors.push(path.child('image').required());
  errors.push(...validateDefaultedEnum(container.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES, path.child('terminationMessagePolicy')));
  errors.push(...validateContainerPorts(container.ports, path.child('ports')));
  errors.push(...validateEnv(container.env, path.child('env')));
  errors.push(...validateEnvFrom(container.envFrom, path.child('envFrom')));
  errors.push(...validateVolumeMounts(container, pod.volumes, path.child('volumeMounts')));
  errors.push(...validateVolumeDevices(container, pod.volumes, path.child('volumeDevices')));
  errors.push(...validateDefaultedEnum(container.imagePullPolicy, PULL_POLICIES, path.child('imagePullPolicy')));
  errors.push(...validateResourceRequirements(objectAt(container.resources), path.child('resources')));
  errors.push(...validateResizePolicy(container.resizePolicy, pod.restartPolicy, path.child('resizePolicy')));
  errors.push(...validateContainerSecurityContext(objectAt(container.securityContext), pod.hostUsers, path.child('securityContext')));
  return errors;
}

/** The hooks and probes that regular containers and sidecars may have, and plain init containers may not. */
function validateHooksAndProbes(container: JsonObject, pod: PodContext, path: FieldPath): FieldError[] {
  const lifecycle = objectAt(container.lifecycle);
  return [
    ...(lifecycle ? validateLifecycle(lifecycle, pod.gracePeriod, path.child('lifecycle')) : []),
    ...validateContainerProbes(container, pod.gracePeriod, path),
  ];
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
  containers.forEach((raw, i) => {
    const container = objectAt(raw) ?? {};
    const containerPath = path.index(i);
    errors.push(...validateContainerCommon(container, pod, containerPath));
    const name = stringAt(container.name) ?? '';
    if (names.has(name)) errors.push(containerPath.child('name').duplicate(name));
    else names.add(name);
    errors.push(...validateHooksAndProbes(container, pod, containerPath));
    if (isSet(container.restartPolicy)) errors.push(containerPath.child('restartPolicy').forbidden('may not be set for non-init containers'));
  });
  errors.push(...validateHostPortConflicts(containers, path));
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
    errors.push(...validateContainerCommon(container, pod, containerPath));
    const restartPolicy = container.restartPolicy;
    if (isSet(restartPolicy) && restartPolicy !== 'Always') {
      errors.push(containerPath.child('restartPolicy').notSupported(restartPolicy, ['Always']));
    }
    const name = stringAt(container.name) ?? '';
    if (names.has(name)) errors.push(containerPath.child('name').duplicate(name));
    else if (name.length > 0) names.add(name);
    errors.push(...validateHostPortConflicts([container], path));
    if (restartPolicy === 'Always') {
      errors.push(...validateHooksAndProbes(container, pod, containerPath));
    } else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isSet(container[key])) errors.push(containerPath.child(key).forbidden('may not be set for init containers without restartPolicy=Always'));
      }
    }
  });
  return errors;
}
