import { FieldError, FieldPath } from './field-error';
import { validateLocalDescendingPath } from './paths';
import { containersWithPaths } from './pod-os';
import { validateTolerations } from './tolerations';
import { JsonObject, objectAt, stringAt, stringEntries } from '../json/shape';

const MIRROR_POD = 'kubernetes.io/config.mirror';
const TOLERATIONS = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const INT32 = /^(0|-\d+|[1-9]\d*)$/;

/**
 * Mirrors `ValidateSeccompProfile` in pkg/apis/core/validation/validation.go: the values the
 * deprecated seccomp annotations could take.
 */
function validateSeccompAnnotation(value: string, path: FieldPath): FieldError[] {
  if (['runtime/default', 'docker/default', 'unconfined'].includes(value)) return [];
  if (value.startsWith('localhost/')) return validateLocalDescendingPath(value.slice('localhost/'.length), path);
  return [path.invalid(value, 'must be a valid seccomp profile')];
}

/** Mirrors `ValidateAppArmorProfileFormat` in pkg/apis/core/validation/validation.go: the old annotation's profile names. */
function validateAppArmorAnnotation(value: string): string | undefined {
  if (['', 'runtime/default', 'unconfined'].includes(value) || value.startsWith('localhost/')) return undefined;
  return `invalid AppArmor profile name: ${JSON.stringify(value)}`;
}

/**
 * Mirrors `ValidatePodSpecificAnnotations` with `ValidateSeccompPodAnnotations` in
 * pkg/apis/core/validation/validation.go and `ValidateAppArmorPodAnnotations`: the annotations that
 * the kubelet or scheduler read as pod settings. A tolerations annotation that is not JSON is
 * reported with the parser's words, not Go's.
 */
export function validatePodSpecificAnnotations(annotations: unknown, spec: JsonObject, specPath: FieldPath, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const entries = new Map(stringEntries(annotations));
  if (entries.has(MIRROR_POD) && !stringAt(spec.nodeName)) {
    errors.push(path.key(MIRROR_POD).invalid(entries.get(MIRROR_POD), 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const tolerations = entries.get(TOLERATIONS);
  if (tolerations) {
    try {
      const parsed: unknown = JSON.parse(tolerations);
      if (Array.isArray(parsed)) errors.push(...validateTolerations(parsed, path.child(TOLERATIONS)));
      else if (parsed !== null) errors.push(path.invalid(TOLERATIONS, 'must be a JSON list of tolerations'));
    } catch (e) {
      errors.push(path.invalid(TOLERATIONS, e instanceof Error ? e.message : String(e)));
    }
  }
  if (entries.has(DELETION_COST)) {
    const cost = entries.get(DELETION_COST) ?? '';
    const value = Number(cost);
    if (!INT32.test(cost) || value < -(2 ** 31) || value > 2 ** 31 - 1) errors.push(path.key(DELETION_COST).invalid(cost, 'must be a 32bit integer'));
  }
  for (const [key, value] of entries) {
    if (key === SECCOMP_POD || key.startsWith(SECCOMP_CONTAINER_PREFIX)) errors.push(...validateSeccompAnnotation(value, path.child(key)));
  }
  const containerNames = new Set(containersWithPaths(spec, specPath).map(([container]) => stringAt(container.name) ?? ''));
  for (const [key, value] of entries) {
    if (!key.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
    const container = key.slice(APPARMOR_CONTAINER_PREFIX.length);
    if (!containerNames.has(container)) errors.push(path.key(key).invalid(container, 'container not found'));
    const message = validateAppArmorAnnotation(value);
    if (message) errors.push(path.key(key).invalid(value, message));
  }
  return errors;
}

/**
 * Which part of a profile field an old-style annotation contradicts, if any. The annotations
 * spell the types `unconfined`, `runtime/default` (seccomp also `docker/default`) and `localhost/<file>`.
 */
function annotationMismatch(annotation: string, profile: JsonObject, runtimeDefaults: readonly string[]): 'type' | 'localhostProfile' | undefined {
  switch (profile.type) {
    case 'Unconfined':
      return annotation === 'unconfined' ? undefined : 'type';
    case 'RuntimeDefault':
      return runtimeDefaults.includes(annotation) ? undefined : 'type';
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) return 'type';
      return annotation.slice('localhost/'.length) === profile.localhostProfile ? undefined : 'localhostProfile';
    default:
      return undefined;
  }
}

/**
 * Mirrors `validateSeccompAnnotationsAndFields` in pkg/apis/core/validation/validation.go: where
 * both the old annotation and the field are set, they must agree.
 */
export function validateSeccompAnnotationsMatchFields(annotations: unknown, spec: JsonObject, specPath: FieldPath): FieldError[] {
  const entries = new Map(stringEntries(annotations));
  const errors: FieldError[] = [];
  const check = (annotation: string | undefined, profile: JsonObject | undefined, path: FieldPath) => {
    if (annotation === undefined || !profile) return;
    const mismatch = annotationMismatch(annotation, profile, ['runtime/default', 'docker/default']);
    if (mismatch === 'type') errors.push(path.child('type').forbidden('seccomp type in annotation and field must match'));
    if (mismatch === 'localhostProfile') errors.push(path.child('localhostProfile').forbidden('seccomp profile in annotation and field must match'));
  };
  check(entries.get(SECCOMP_POD), objectAt(objectAt(spec.securityContext)?.seccompProfile), specPath.child('securityContext', 'seccompProfile'));
  for (const [container, containerPath] of containersWithPaths(spec, specPath)) {
    const profile = objectAt(objectAt(container.securityContext)?.seccompProfile);
    const annotation = entries.get(`${SECCOMP_CONTAINER_PREFIX}${stringAt(container.name) ?? ''}`);
    check(annotation, profile, containerPath.child('securityContext', 'seccompProfile'));
  }
  return errors;
}

/**
 * Mirrors `validateAppArmorAnnotationsAndFieldsMatchOnCreate` in
 * pkg/apis/core/validation/validation.go: a container's AppArmor annotation must agree with its
 * profile (or the pod's). Windows pods are skipped, as upstream.
 */
export function validateAppArmorAnnotationsMatchFields(annotations: unknown, spec: JsonObject, specPath: FieldPath): FieldError[] {
  if (objectAt(spec.os)?.name === 'windows') return [];
  const entries = new Map(stringEntries(annotations));
  const podProfile = objectAt(objectAt(spec.securityContext)?.appArmorProfile);
  const errors: FieldError[] = [];
  for (const [container, containerPath] of containersWithPaths(spec, specPath)) {
    const profile = objectAt(objectAt(container.securityContext)?.appArmorProfile) ?? podProfile;
    const annotation = entries.get(`${APPARMOR_CONTAINER_PREFIX}${stringAt(container.name) ?? ''}`);
    if (!profile || annotation === undefined) continue;
    const path = containerPath.child('securityContext', 'appArmorProfile');
    const mismatch = annotationMismatch(annotation, profile, ['runtime/default']);
    if (mismatch === 'type') errors.push(path.child('type').forbidden('apparmor type in annotation and field must match'));
    if (mismatch === 'localhostProfile') errors.push(path.child('localhostProfile').forbidden('apparmor profile in annotation and field must match'));
  }
  return errors;
}
