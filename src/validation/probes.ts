import { FieldError, FieldPath } from './field-error';
import { httpHeaderNameErrors, inclusiveRange, portNameErrors } from './names';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const SCHEMES = ['HTTP', 'HTTPS'];
const NON_NEGATIVE = 'must be greater than or equal to 0';

/**
 * The kinds of handler each place accepts: a probe has no `sleep`, a lifecycle hook no `grpc` (the
 * v1 types have no such field).
 */
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/**
 * The probe's counters after defaulting: SetDefaults_Probe replaces a zero timeout, period,
 * success or failure threshold before validation, so `successThreshold: 0` reads as 1.
 */
function probeNumber(probe: JsonObject, key: string, zeroDefault: number): number | undefined {
  const value = numberAt(probe[key]);
  if (value === undefined) return zeroDefault || undefined;
  return value === 0 ? zeroDefault : value;
}

/**
 * Mirrors `ValidatePortNumOrName` in pkg/apis/core/validation/validation.go: a number must be a
 * port, a string a port name (so `"8080"` is refused).
 */
function validatePortNumOrName(port: unknown, path: FieldPath): FieldError[] {
  if (typeof port === 'string') return portNameErrors(port).map((message) => path.invalid(port, message));
  const number = numberAt(port) ?? 0;
  return number >= 1 && number <= 65535 && Number.isInteger(number) ? [] : [path.invalid(number, inclusiveRange(1, 65535))];
}

/**
 * Mirrors `validateHTTPGetAction` in pkg/apis/core/validation/validation.go. An empty path and
 * scheme are defaulted to `/` and HTTP (SetDefaults_HTTPGetAction).
 */
function validateHttpGet(action: JsonObject, path: FieldPath): FieldError[] {
  const errors = validatePortNumOrName(action.port, path.child('port'));
  const scheme = action.scheme;
  if (scheme !== undefined && scheme !== null && scheme !== '' && !SCHEMES.includes(String(scheme))) {
    errors.push(path.child('scheme').notSupported(scheme, SCHEMES));
  }
  for (const raw of listAt(action.httpHeaders)) {
    const name = stringAt(objectAt(raw)?.name) ?? '';
    errors.push(...httpHeaderNameErrors(name).map((message) => path.child('httpHeaders').invalid(name, message)));
  }
  return errors;
}

/**
 * Mirrors `validateSleepAction` in pkg/apis/core/validation/validation.go with zero allowed
 * (PodLifecycleSleepActionAllowZero, on by default since 1.33): the pause must fit in the grace
 * period, or the pod is killed mid-sleep.
 */
function validateSleep(action: JsonObject, gracePeriod: number, path: FieldPath): FieldError[] {
  const seconds = numberAt(action.seconds) ?? 0;
  if (seconds >= 0 && seconds <= gracePeriod) return [];
  return [path.invalid(seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)];
}

/** Mirrors `validateHandler` in pkg/apis/core/validation/validation.go: exactly one kind of handler. */
function validateHandler(handler: JsonObject, kinds: readonly string[], gracePeriod: number, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const action = objectAt(handler[kind]);
    if (!action) continue;
    const actionPath = path.child(kind);
    if (count++ > 0) {
      errors.push(actionPath.forbidden('may not specify more than 1 handler type'));
      continue;
    }
    if (kind === 'exec' && listAt(action.command).length === 0) errors.push(actionPath.child('command').required());
    if (kind === 'httpGet') errors.push(...validateHttpGet(action, actionPath));
    if (kind === 'tcpSocket') errors.push(...validatePortNumOrName(action.port, actionPath.child('port')));
    if (kind === 'grpc') errors.push(...validatePortNumOrName(numberAt(action.port) ?? 0, actionPath.child('port')));
    if (kind === 'sleep') errors.push(...validateSleep(action, gracePeriod, actionPath));
  }
  if (count === 0) errors.push(path.required('must specify a handler type'));
  return errors;
}

/** Mirrors `validateProbe` in pkg/apis/core/validation/validation.go. */
function validateProbe(probe: JsonObject, gracePeriod: number, path: FieldPath): FieldError[] {
  const errors = validateHandler(probe, PROBE_HANDLERS, gracePeriod, path);
  const counters: Array<[string, number]> = [
    ['initialDelaySeconds', 0],
    ['timeoutSeconds', 1],
    ['periodSeconds', 10],
    ['successThreshold', 1],
    ['failureThreshold', 3],
  ];
  for (const [key, zeroDefault] of counters) {
    const value = probeNumber(probe, key, zeroDefault);
    if (value !== undefined && value < 0) errors.push(path.child(key).invalid(value, NON_NEGATIVE));
  }
  const probeGrace = numberAt(probe.terminationGracePeriodSeconds);
  if (probeGrace !== undefined && probeGrace <= 0) {
    errors.push(path.child('terminationGracePeriodSeconds').invalid(probeGrace, 'must be greater than 0'));
  }
  return errors;
}

/**
 * Mirrors `validateLivenessProbe`, `validateReadinessProbe` and `validateStartupProbe` in
 * pkg/apis/core/validation/validation.go: a liveness or startup probe succeeds on one success; a
 * readiness probe never kills, so it takes no grace period.
 */
export function validateContainerProbes(container: JsonObject, gracePeriod: number, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = objectAt(container[key]);
    if (!probe) continue;
    const probePath = path.child(key);
    errors.push(...validateProbe(probe, gracePeriod, probePath));
    const successThreshold = probeNumber(probe, 'successThreshold', 1);
    if (key !== 'readinessProbe' && successThreshold !== 1) {
      errors.push(probePath.child('successThreshold').invalid(successThreshold, 'must be 1'));
    }
    if (key === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      errors.push(probePath.child('terminationGracePeriodSeconds').invalid(probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  return errors;
}

/** Mirrors `validateLifecycle` in pkg/apis/core/validation/validation.go: postStart and preStop hooks. */
export function validateLifecycle(lifecycle: JsonObject, gracePeriod: number, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  for (const key of ['postStart', 'preStop']) {
    const handler = objectAt(lifecycle[key]);
    if (handler) errors.push(...validateHandler(handler, LIFECYCLE_HANDLERS, gracePeriod, path.child(key)));
  }
  return errors;
}
