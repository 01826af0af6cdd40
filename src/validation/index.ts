export { validateDaemonSet } from './validate-daemon-set';
export { FieldError, FieldErrorType, formatFieldError } from './field-error';
