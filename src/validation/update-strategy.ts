import { FieldError, FieldPath } from './field-error';
import { intOrPercentValue } from './int-or-percent';
import { percentErrors } from './names';
import { JsonObject, objectAt } from '../json/shape';

const STRATEGY_TYPES = ['RollingUpdate', 'OnDelete'];
/** Mirrors `ValidatePositiveIntOrPercent` and `IsNotMoreThan100Percent`. */
function validateIntOrPercent(value: unknown, path: FieldPath): FieldError[] {
  if (typeof value === 'string') {
    const messages = percentErrors(value);
    if (messages.length > 0) return messages.map((message) => path.invalid(value, message));
    if (intOrPercentValue(value) > 100) return [path.invalid(value, 'must not be greater than 100%')];
    return [];
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    return value < 0 ? [path.invalid(value, 'must be greater than or equal to 0')] : [];
  }
  return [path.invalid(value, "must be an integer or percentage (e.g '5%')")];
}

/** Mirrors `ValidateRollingUpdateDaemonSet`: exactly one of maxUnavailable and maxSurge is non-zero. */
function validateRollingUpdate(rollingUpdate: JsonObject, path: FieldPath): FieldError[] {
  const errors = [
    ...validateIntOrPercent(rollingUpdate.maxUnavailable, path.child('maxUnavailable')),
    ...validateIntOrPercent(rollingUpdate.maxSurge, path.child('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(rollingUpdate.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(rollingUpdate.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) {
    errors.push(path.child('maxSurge').invalid(rollingUpdate.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errors.push(path.child('maxUnavailable').required('cannot be 0 when maxSurge is 0'));
  }
  return errors;
}

/** Mirrors `ValidateDaemonSetUpdateStrategy`; expects API-server defaults to be applied. */
export function validateUpdateStrategy(strategy: JsonObject | undefined, path: FieldPath): FieldError[] {
  const type = strategy?.type;
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    const rollingUpdate = objectAt(strategy?.rollingUpdate);
    if (!rollingUpdate) return [path.child('rollingUpdate').required()];
    return validateRollingUpdate(rollingUpdate, path.child('rollingUpdate'));
  }
  return [path.notSupported(strategy ?? {}, STRATEGY_TYPES)];
}
