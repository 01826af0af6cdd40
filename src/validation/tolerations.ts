import { FieldError, FieldPath } from './field-error';
import { labelValueErrors, qualifiedNameErrors } from './names';
import { listAt, objectAt, stringAt } from '../json/shape';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const TOLERATION_OPERATORS = ['Equal', 'Exists'];

/** Mirrors `ValidateTolerations` in pkg/apis/core/validation/validation.go. */
export function validateTolerations(tolerations: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  listAt(tolerations).forEach((raw, i) => {
    const itemPath = path.index(i);
    const toleration = objectAt(raw) ?? {};
    const key = stringAt(toleration.key) ?? '';
    const operator = stringAt(toleration.operator) ?? '';
    const value = stringAt(toleration.value) ?? '';
    const effect = stringAt(toleration.effect) ?? '';

    if (key.length > 0) {
      for (const message of qualifiedNameErrors(key)) errors.push(itemPath.child('key').invalid(key, message));
    }
    if (key.length === 0 && operator !== 'Exists') {
      errors.push(
        itemPath
          .child('operator')
          .invalid(operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'),
      );
    }
    if (toleration.tolerationSeconds !== undefined && toleration.tolerationSeconds !== null && effect !== 'NoExecute') {
      errors.push(itemPath.child('effect').invalid(effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === '' || operator === 'Equal') {
      const messages = labelValueErrors(value);
      if (messages.length > 0) errors.push(itemPath.child('operator').invalid(value, messages.join(';')));
    } else if (operator === 'Exists') {
      if (value.length > 0) {
        errors.push(itemPath.child('operator').invalid(toleration, "value must be empty when `operator` is 'Exists'"));
      }
    } else {
      errors.push(itemPath.child('operator').notSupported(operator, TOLERATION_OPERATORS));
    }
    if (effect.length > 0 && !TAINT_EFFECTS.includes(effect)) {
      errors.push(itemPath.child('effect').notSupported(effect, TAINT_EFFECTS));
    }
  });
  return errors;
}
