import { FieldError, FieldPath } from './field-error';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

const OS_NAMES = ['linux', 'windows'];
const WINDOWS_FORBIDDEN = 'cannot be set for a windows pod';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

const isSet = (value: unknown) => value !== undefined && value !== null;

/** Every container of the spec with its path, init containers first, as `VisitContainersWithPath` walks them. */
export function containersWithPaths(spec: JsonObject, specPath: FieldPath): Array<[JsonObject, FieldPath]> {
  const found: Array<[JsonObject, FieldPath]> = [];
  for (const key of CONTAINER_LISTS) {
    const list = listAt(spec[key]);
    if (list.length === 0) continue;
    const listPath = specPath.child(key);
    for (let i = 0; i < list.length; i++) found.push([objectAt(list[i]) ?? {}, listPath.index(i)]);
  }
  return found;
}

/** Mirrors `validateLinux` in pkg/apis/core/validation/validation.go: Windows options mean nothing on Linux. */
function validateLinux(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const message = 'windows options cannot be set for a linux pod';
  if (isSet(objectAt(spec.securityContext)?.windowsOptions)) errors.push(path.child('securityContext', 'windowsOptions').forbidden(message));
  for (const [container, containerPath] of containersWithPaths(spec, path)) {
    if (isSet(objectAt(container.securityContext)?.windowsOptions)) {
      errors.push(containerPath.child('securityContext', 'windowsOptions').forbidden(message));
    }
  }
  return errors;
}

/**
 * Mirrors `validateWindows` in pkg/apis/core/validation/validation.go: Linux-only security settings
 * on a Windows pod.
 */
function validateWindows(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const context = objectAt(spec.securityContext);
  const contextPath = path.child('securityContext');
  if (context) {
    for (const key of ['appArmorProfile', 'seLinuxOptions']) {
      if (isSet(context[key])) errors.push(contextPath.child(key).forbidden(WINDOWS_FORBIDDEN));
    }
  }
  // In v1 these live on the pod spec; upstream reads them from its internal security context.
  if (isSet(spec.hostUsers)) errors.push(path.child('hostUsers').forbidden(WINDOWS_FORBIDDEN));
  if (spec.hostPID === true) errors.push(path.child('hostPID').forbidden(WINDOWS_FORBIDDEN));
  if (spec.hostIPC === true) errors.push(path.child('hostIPC').forbidden(WINDOWS_FORBIDDEN));
  if (context) {
    for (const key of ['seccompProfile', 'fsGroup', 'fsGroupChangePolicy']) {
      if (isSet(context[key])) errors.push(contextPath.child(key).forbidden(WINDOWS_FORBIDDEN));
    }
    if (listAt(context.sysctls).length > 0) errors.push(contextPath.child('sysctls').forbidden(WINDOWS_FORBIDDEN));
  }
  if (isSet(spec.shareProcessNamespace)) errors.push(path.child('shareProcessNamespace').forbidden(WINDOWS_FORBIDDEN));
  if (context) {
    for (const key of ['runAsUser', 'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy']) {
      if (isSet(context[key])) errors.push(contextPath.child(key).forbidden(WINDOWS_FORBIDDEN));
    }
  }
  const containerKeys = [
    'appArmorProfile',
    'seLinuxOptions',
    'seccompProfile',
    'capabilities',
    'readOnlyRootFilesystem',
    'privileged',
    'allowPrivilegeEscalation',
    'procMount',
    'runAsUser',
    'runAsGroup',
  ];
  for (const [container, containerPath] of containersWithPaths(spec, path)) {
    const containerContext = objectAt(container.securityContext);
    if (!containerContext) continue;
    for (const key of containerKeys) {
      if (isSet(containerContext[key])) errors.push(containerPath.child('securityContext', key).forbidden(WINDOWS_FORBIDDEN));
    }
  }
  return errors;
}

/**
 * Mirrors `validateOS` in pkg/apis/core/validation/validation.go and then `validateLinux` /
 * `validateWindows`, which only run when the OS itself is valid. The unsupported-value error names
 * `os`, not `os.name`, as upstream.
 */
export function validatePodOs(spec: JsonObject, path: FieldPath): FieldError[] {
  const os = objectAt(spec.os);
  if (!os) return [];
  const name = stringAt(os.name) ?? '';
  if (name.length === 0) return [path.child('os', 'name').required('cannot be empty')];
  if (!OS_NAMES.includes(name)) return [path.child('os').notSupported(name, OS_NAMES)];
  return name === 'linux' ? validateLinux(spec, path) : validateWindows(spec, path);
}

/**
 * Mirrors `validateWindowsHostProcessPod` in pkg/apis/core/validation/validation.go: HostProcess
 * containers run on the Windows host itself, so a pod has them all or none, and uses the host's
 * network. Whether the cluster allows privileged pods at all is a cluster setting and is not
 * checked.
 */
export function validateWindowsHostProcess(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const podHostProcess = objectAt(objectAt(spec.securityContext)?.windowsOptions)?.hostProcess;
  const podValue = typeof podHostProcess === 'boolean' ? podHostProcess : undefined;
  let containers = 0;
  let hostProcessContainers = 0;
  // The lists are walked as containersWithPaths walks them, with a container's path made only for
  // an error: this runs for every pod, and nearly none sets hostProcess.
  for (const key of CONTAINER_LISTS) {
    const list = listAt(spec[key]);
    for (let i = 0; i < list.length; i++) {
      containers++;
      const own = objectAt(objectAt(objectAt(list[i])?.securityContext)?.windowsOptions)?.hostProcess;
      const ownValue = typeof own === 'boolean' ? own : undefined;
      if (podValue !== undefined && ownValue !== undefined && podValue !== ownValue) {
        errors.push(
          path
            .child(key)
            .index(i)
            .child('securityContext', 'windowsOptions', 'hostProcess')
            .invalid(ownValue, `pod hostProcess value must be identical if both are specified, was ${podValue}`),
        );
      }
      if (ownValue === true || (ownValue === undefined && podValue === true)) hostProcessContainers++;
    }
  }
  if (hostProcessContainers > 0) {
    if (hostProcessContainers !== containers) {
      errors.push(path.invalid('', 'If pod contains any hostProcess containers then all containers must be HostProcess containers'));
    }
    if (spec.hostNetwork !== true) {
      errors.push(path.child('hostNetwork').invalid(false, 'hostNetwork must be true if pod contains any hostProcess containers'));
    }
  }
  return errors;
}
