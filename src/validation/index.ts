export { checkDaemonSet, DaemonSetCheck, validateDaemonSet } from './check-daemon-set';
export { FieldError, FieldErrorType, formatFieldError } from './field-error';
export { ValidationWarning, WarningCode, formatWarning } from './validation-warning';
export { findDuplicateObjects, duplicateObjectFindings, DuplicateObject, describeObject, objectIdentity } from './duplicate-objects';
export { Finding, FindingCode } from './finding';
