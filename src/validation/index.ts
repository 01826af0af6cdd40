export { checkDaemonSet, DaemonSetCheck, validateDaemonSet } from './check-daemon-set';
export { ValidationOptions } from './kubernetes-version-rules';
export { FieldError, FieldErrorType, formatFieldError } from './field-error';
export { ValidationWarning, WarningCode, formatWarning } from './validation-warning';
export { findDuplicateObjects, duplicateObjectFindings, DuplicateObject, describeObject, objectIdentity } from './duplicate-objects';
export { Finding, FindingCode } from './finding';
export { withApiServerDefaults } from './defaults';
export { scaledIntOrPercent } from './int-or-percent';
export { labelValueErrors, qualifiedNameErrors } from './names';
export { labelSelectorAsSelector } from './label-selector';
export {
  describeRequirement,
  LabelRequirement,
  parseInt64,
  parseLabelRequirement,
  requirementMatches,
  requirementMatchesValue,
  requirementValueMatcher,
} from './label-requirement';
