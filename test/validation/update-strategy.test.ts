import { expectAccepted, expectError, ExpectedError, Manifest, validate } from './daemon-set';

const STRATEGY = 'spec.updateStrategy';
const ROLLING = `${STRATEGY}.rollingUpdate`;
const MAX_UNAVAILABLE = `${ROLLING}.maxUnavailable`;
const MAX_SURGE = `${ROLLING}.maxSurge`;
const BAD_PERCENT = "a valid percent string must be a numeric string followed by an ending '%'";

/** Validates the minimal DaemonSet with `spec.updateStrategy` set to `strategy`. */
function validateStrategy(strategy: Manifest) {
  return validate((ds) => { ds.spec.updateStrategy = strategy; });
}

/** Validates a RollingUpdate strategy with `rollingUpdate` set to `rollingUpdate`. */
function validateRollingUpdate(rollingUpdate: Manifest) {
  return validateStrategy({ type: 'RollingUpdate', rollingUpdate });
}

describe('ValidateDaemonSetUpdateStrategy: updateStrategy.type', () => {
  it.each<[string, Manifest]>([
    ['RollingUpdate', { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } }],
    ['OnDelete', { type: 'OnDelete' }],
    ['OnDelete with a rollingUpdate (ignored)', { type: 'OnDelete', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } }],
  ])('accepts %s', (_, strategy) => {
    expectAccepted(validateStrategy(strategy), STRATEGY);
  });

  it.each([['Recreate'], ['rollingUpdate'], ['Rolling']])('rejects type %s as NotSupported', (type) => {
    const errors = validateStrategy({ type });
    // ValidateDaemonSetUpdateStrategy reports field.NotSupported(fldPath, strategy, ...): the
    // whole strategy, at spec.updateStrategy.
    expectError(errors, { field: STRATEGY, type: 'NotSupported', words: ['"RollingUpdate"', '"OnDelete"'] });
    expect(errors[0].value).toEqual({ type });
    expect(errors).toHaveLength(1);
  });
});

describe('SetDefaults_DaemonSet: a missing or partial strategy is defaulted before validation', () => {
  it.each<[string, Manifest]>([
    ['a missing updateStrategy', undefined],
    ['an empty updateStrategy', {}],
    ['a RollingUpdate without rollingUpdate', { type: 'RollingUpdate' }],
    ['an empty rollingUpdate', { type: 'RollingUpdate', rollingUpdate: {} }],
    ['a rollingUpdate without a type', { rollingUpdate: { maxUnavailable: 2 } }],
    ['null maxUnavailable and maxSurge', { rollingUpdate: { maxUnavailable: null, maxSurge: null } }],
  ])('accepts %s (maxUnavailable 1, maxSurge 0)', (_, strategy) => {
    expectAccepted(validateStrategy(strategy), STRATEGY);
  });

  it('rejects a manifest with only maxSurge: 1, because maxUnavailable defaults to 1', () => {
    const errors = validateStrategy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } });
    expect(errors).toEqual([
      { field: MAX_SURGE, type: 'Invalid', message: 'may not be set when maxUnavailable is non-zero', value: 1 },
    ]);
  });

  it('rejects a manifest with only maxUnavailable: 0, because maxSurge defaults to 0', () => {
    const errors = validateStrategy({ rollingUpdate: { maxUnavailable: 0 } });
    expectError(errors, { field: MAX_UNAVAILABLE, type: 'Required', words: ['cannot be 0 when maxSurge is 0'] });
  });
});

describe('ValidateRollingUpdateDaemonSet: maxUnavailable and maxSurge (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent)', () => {
  it.each<[string, Manifest]>([
    ['{maxUnavailable: 0, maxSurge: 1}', { maxUnavailable: 0, maxSurge: 1 }],
    ["{maxUnavailable: '10%'}", { maxUnavailable: '10%' }],
    ["{maxUnavailable: '100%'}", { maxUnavailable: '100%' }],
    ['{maxUnavailable: 5, maxSurge: 0}', { maxUnavailable: 5, maxSurge: 0 }],
    ["{maxUnavailable: '0%', maxSurge: '25%'}", { maxUnavailable: '0%', maxSurge: '25%' }],
    ["{maxUnavailable: 0, maxSurge: '100%'}", { maxUnavailable: 0, maxSurge: '100%' }],
    ["{maxUnavailable: 2, maxSurge: '0%'}", { maxUnavailable: 2, maxSurge: '0%' }],
  ])('accepts %s', (_, rollingUpdate) => {
    expectAccepted(validateRollingUpdate(rollingUpdate), ROLLING);
  });

  it.each<[string, Manifest, ExpectedError]>([
    ['a negative maxUnavailable', { maxUnavailable: -1 }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: ['must be greater than or equal to 0'] }],
    ['a negative maxSurge', { maxUnavailable: 0, maxSurge: -1 }, { field: MAX_SURGE, type: 'Invalid', words: ['must be greater than or equal to 0'] }],
    ["maxUnavailable '10' (no %)", { maxUnavailable: '10' }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxUnavailable 'abc'", { maxUnavailable: 'abc', maxSurge: 1 }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxUnavailable '1.5%'", { maxUnavailable: '1.5%' }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxUnavailable '-10%'", { maxUnavailable: '-10%' }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxUnavailable '10 %'", { maxUnavailable: '10 %' }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxSurge '10'", { maxUnavailable: 0, maxSurge: '10' }, { field: MAX_SURGE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxSurge 'abc'", { maxUnavailable: 1, maxSurge: 'abc' }, { field: MAX_SURGE, type: 'Invalid', words: [BAD_PERCENT] }],
    ["maxUnavailable '101%'", { maxUnavailable: '101%' }, { field: MAX_UNAVAILABLE, type: 'Invalid', words: ['must not be greater than 100%'] }],
    ["maxSurge '101%'", { maxUnavailable: 0, maxSurge: '101%' }, { field: MAX_SURGE, type: 'Invalid', words: ['must not be greater than 100%'] }],
    // IntOrString decodes a JSON string as text and anything else as an int32 (intstr.UnmarshalJSON).
    ['a fractional maxUnavailable', { maxUnavailable: 1.5 },
      { field: MAX_UNAVAILABLE, type: 'TypeInvalid', words: ['cannot unmarshal number 1.5 into Go struct field', 'of type intstr.IntOrString'] }],
    ['a boolean maxSurge', { maxUnavailable: 1, maxSurge: true },
      { field: MAX_SURGE, type: 'TypeInvalid', words: ['cannot unmarshal bool into Go struct field', 'of type intstr.IntOrString'] }],
  ])('rejects %s', (_, rollingUpdate, expected) => {
    expectError(validateRollingUpdate(rollingUpdate), expected);
  });

  it.each<[string, Manifest]>([
    ['0 and 0', { maxUnavailable: 0, maxSurge: 0 }],
    ["'0%' and '0%'", { maxUnavailable: '0%', maxSurge: '0%' }],
    ["0 and '0%'", { maxUnavailable: 0, maxSurge: '0%' }],
  ])('rejects both zero (%s) with maxUnavailable Required', (_, rollingUpdate) => {
    const errors = validateRollingUpdate(rollingUpdate);
    expect(errors).toEqual([{ field: MAX_UNAVAILABLE, type: 'Required', message: 'cannot be 0 when maxSurge is 0' }]);
  });

  it.each<[string, Manifest]>([
    ['1 and 1', { maxUnavailable: 1, maxSurge: 1 }],
    ["'10%' and '10%'", { maxUnavailable: '10%', maxSurge: '10%' }],
    ["2 and '50%'", { maxUnavailable: 2, maxSurge: '50%' }],
  ])('rejects both non-zero (%s) with maxSurge Invalid', (_, rollingUpdate) => {
    const errors = validateRollingUpdate(rollingUpdate);
    expect(errors).toEqual([
      { field: MAX_SURGE, type: 'Invalid', message: 'may not be set when maxUnavailable is non-zero', value: rollingUpdate.maxSurge },
    ]);
  });
});

describe('SetDefaults_DaemonSet with JSON null', () => {
  it('accepts updateStrategy.type: null as RollingUpdate', () => {
    expectAccepted(validateStrategy({ type: null }), STRATEGY);
  });
});

describe('getIntOrPercentValue reads a string that is not a percent with strconv.Atoi', () => {
  it.each([['1.5%'], ['10abc']])('so %s counts as 0, and both being 0 is reported too', (value) => {
    const errors = validateRollingUpdate({ maxUnavailable: value });
    expectError(errors, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] });
    expectError(errors, { field: MAX_UNAVAILABLE, type: 'Required', words: ['cannot be 0 when maxSurge is 0'] });
  });
});

describe('SetDefaults_DaemonSet defaults a nil maxUnavailable only', () => {
  it('keeps "" as a value, which is not a valid percent', () => {
    const errors = validateRollingUpdate({ maxUnavailable: '' });
    expectError(errors, { field: MAX_UNAVAILABLE, type: 'Invalid', words: [BAD_PERCENT] });
  });
});
