export * from '../daemon';
export { validateDaemonSet, formatFieldError, FieldError, FieldErrorType } from '../validation';
export * from './daemon-construct';
export * from './master-tolerant';
export * from './node-daemon';
export * from './node-filtered-daemon';
