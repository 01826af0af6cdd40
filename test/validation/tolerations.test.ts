import { expectAccepted, expectError, ExpectedError, Manifest, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';

const TOLERATIONS = `${TEMPLATE_SPEC}.tolerations`;
const FIRST = `${TOLERATIONS}[0]`;

/** Validates the minimal DaemonSet with the tolerations given. */
function validateTolerations(...tolerations: Manifest[]) {
  return validate((ds) => { podSpec(ds).tolerations = tolerations; });
}

describe('ValidateTolerations: accepted tolerations', () => {
  it.each<[string, Manifest]>([
    ['an empty key with Exists (tolerates every taint)', { operator: 'Exists' }],
    ['an empty key with Exists and an effect', { operator: 'Exists', effect: 'NoExecute' }],
    ['Exists on a key', { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    ['Equal with a value', { key: 'dedicated', operator: 'Equal', value: 'agents', effect: 'NoSchedule' }],
    ['Equal with an empty value', { key: 'dedicated', operator: 'Equal', value: '' }],
    ['no operator (Equal) with a value', { key: 'dedicated', value: 'agents' }],
    ['an empty effect (matches every effect)', { key: 'dedicated', operator: 'Exists', effect: '' }],
    ['PreferNoSchedule', { key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }],
    ['tolerationSeconds with NoExecute', { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    ['a 63-character value', { key: 'dedicated', operator: 'Equal', value: 'v'.repeat(63) }],
  ])('accepts %s', (_, toleration) => {
    expectAccepted(validateTolerations(toleration), TOLERATIONS);
  });

  it('accepts an empty list and a missing list', () => {
    expect(validateTolerations()).toEqual([]);
    expect(validate((ds) => { delete podSpec(ds).tolerations; })).toEqual([]);
  });
});

describe('ValidateTolerations: rejected tolerations', () => {
  it.each<[string, Manifest, ExpectedError]>([
    ['an empty key with Equal', { operator: 'Equal', value: 'x' },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ['operator must be Exists when `key` is empty'] }],
    ['an empty key with no operator', { effect: 'NoSchedule' },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ['operator must be Exists when `key` is empty', 'match all values and all keys'] }],
    ['Exists with a value', { key: 'dedicated', operator: 'Exists', value: 'agents' },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ["value must be empty when `operator` is 'Exists'"] }],
    ['tolerationSeconds with NoSchedule', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 },
      { field: `${FIRST}.effect`, type: 'Invalid', words: ["effect must be 'NoExecute' when `tolerationSeconds` is set"] }],
    ['tolerationSeconds without an effect', { key: 'dedicated', operator: 'Exists', tolerationSeconds: 60 },
      { field: `${FIRST}.effect`, type: 'Invalid', words: ["effect must be 'NoExecute'"] }],
    ['tolerationSeconds 0 with PreferNoSchedule', { key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule', tolerationSeconds: 0 },
      { field: `${FIRST}.effect`, type: 'Invalid', words: ["effect must be 'NoExecute'"] }],
    ['a key with a space', { key: 'dedicated node', operator: 'Exists' },
      { field: `${FIRST}.key`, type: 'Invalid', words: ['name part must consist of alphanumeric characters'] }],
    ['a key with an empty name part', { key: 'example.com/', operator: 'Exists' },
      { field: `${FIRST}.key`, type: 'Invalid', words: ['name part must be non-empty'] }],
    ['a key with two slashes', { key: 'a/b/c', operator: 'Exists' },
      { field: `${FIRST}.key`, type: 'Invalid', words: ['a qualified name'] }],
    ['operator In', { key: 'dedicated', operator: 'In', value: 'agents' },
      { field: `${FIRST}.operator`, type: 'NotSupported', words: ['supported values: "Equal", "Exists"'] }],
    ['operator exists (lower case)', { key: 'dedicated', operator: 'exists' },
      { field: `${FIRST}.operator`, type: 'NotSupported', words: ['"Equal", "Exists"'] }],
    ['effect NoScheduleNow', { key: 'dedicated', operator: 'Exists', effect: 'NoScheduleNow' },
      { field: `${FIRST}.effect`, type: 'NotSupported', words: ['"NoSchedule", "PreferNoSchedule", "NoExecute"'] }],
    ['effect noexecute (lower case)', { key: 'dedicated', operator: 'Exists', effect: 'noexecute' },
      { field: `${FIRST}.effect`, type: 'NotSupported', words: ['"NoExecute"'] }],
    ['an Equal value with a space', { key: 'dedicated', operator: 'Equal', value: 'node agents' },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ['a valid label must be an empty string'] }],
    ['an Equal value with a slash', { key: 'dedicated', value: 'team/agents' },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ['a valid label must be an empty string'] }],
    ['an Equal value of 64 characters', { key: 'dedicated', operator: 'Equal', value: 'v'.repeat(64) },
      { field: `${FIRST}.operator`, type: 'Invalid', words: ['must be no more than 63 characters'] }],
  ])('rejects %s', (_, toleration, expected) => {
    expectError(validateTolerations(toleration), expected);
  });

  it('reports the offending value of an Equal toleration', () => {
    const errors = validateTolerations({ key: 'dedicated', value: 'node agents' });
    expect(errors).toEqual([expect.objectContaining({ field: `${FIRST}.operator`, value: 'node agents' })]);
  });

  it('reports the index of the offending toleration', () => {
    const errors = validateTolerations({ operator: 'Exists' }, { key: 'dedicated', operator: 'Exists', effect: 'Sometimes' });
    expect(errors).toEqual([expect.objectContaining({ field: `${TOLERATIONS}[1].effect`, type: 'NotSupported', value: 'Sometimes' })]);
  });
});
