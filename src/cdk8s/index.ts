// Loaded before anything else, so that without the framework the error names cdk8s, the package to install.
import 'cdk8s';

export * from '../daemon';
export { validateDaemonSet, formatFieldError, FieldError, FieldErrorType } from '../validation';
export { ChartMetadata } from './chart-metadata';
export * from './daemon-construct';
export * from './master-tolerant';
export * from './node-daemon';
export * from './node-filtered-daemon';
export { WARNING_METADATA_TYPE } from './warnings';
