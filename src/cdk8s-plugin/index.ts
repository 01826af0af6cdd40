export { EverynodeValidation } from './everynode-validation';
export { EverynodeExpectations, EverynodeValidationProps } from './plugin-properties';
export { SynthValidationContext, SynthValidationReport, SynthViolatingResource, SynthViolation } from './synth-validation-contract';
