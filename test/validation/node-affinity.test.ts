import { expectAccepted, expectError, ExpectedError, Manifest, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';

const NODE_AFFINITY = `${TEMPLATE_SPEC}.affinity.nodeAffinity`;
const REQUIRED = `${NODE_AFFINITY}.requiredDuringSchedulingIgnoredDuringExecution`;
const TERM = `${REQUIRED}.nodeSelectorTerms[0]`;
const EXPRESSION = `${TERM}.matchExpressions[0]`;
const FIELD = `${TERM}.matchFields[0]`;
const PREFERRED = `${NODE_AFFINITY}.preferredDuringSchedulingIgnoredDuringExecution`;

/** Validates the minimal DaemonSet with `spec.template.spec.affinity.nodeAffinity` set. */
function validateNodeAffinity(nodeAffinity: Manifest) {
  return validate((ds) => { podSpec(ds).affinity = { nodeAffinity }; });
}

/** Validates a required node affinity with one term holding the one requirement given. */
function validateRequiredTerm(term: Manifest) {
  return validateNodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } });
}

describe('ValidateNodeSelectorRequirement: required matchExpressions', () => {
  // A Gt/Lt value that is not an integer is accepted upstream (the term then matches no node):
  // it is a warning (test/validation/warnings.test.ts), never an error.
  it.each<[string, Manifest]>([
    ['In with values', { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }],
    ['NotIn with values', { key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows', 'darwin'] }],
    ['Exists', { key: 'node-role.kubernetes.io/worker', operator: 'Exists' }],
    ['DoesNotExist', { key: 'node.kubernetes.io/exclude-agents', operator: 'DoesNotExist' }],
    ['Exists with an empty values list', { key: 'gpu', operator: 'Exists', values: [] }],
    ['Gt with one integer', { key: 'cpu-count', operator: 'Gt', values: ['3'] }],
    ['Lt with one integer', { key: 'cpu-count', operator: 'Lt', values: ['100'] }],
    ['Gt with a non-integer', { key: 'cpu-count', operator: 'Gt', values: ['abc'] }],
    ['Lt with a decimal', { key: 'cpu-count', operator: 'Lt', values: ['1.5'] }],
  ])('accepts %s', (_, requirement) => {
    expectAccepted(validateRequiredTerm({ matchExpressions: [requirement] }), NODE_AFFINITY);
  });

  it.each<[string, Manifest, ExpectedError]>([
    ['In without values', { key: 'kubernetes.io/os', operator: 'In' },
      { field: `${EXPRESSION}.values`, type: 'Required', words: ["must be specified when `operator` is 'In' or 'NotIn'"] }],
    ['NotIn with an empty values list', { key: 'kubernetes.io/os', operator: 'NotIn', values: [] },
      { field: `${EXPRESSION}.values`, type: 'Required', words: ["'In' or 'NotIn'"] }],
    ['Exists with values', { key: 'gpu', operator: 'Exists', values: ['true'] },
      { field: `${EXPRESSION}.values`, type: 'Forbidden', words: ["may not be specified when `operator` is 'Exists' or 'DoesNotExist'"] }],
    ['DoesNotExist with values', { key: 'gpu', operator: 'DoesNotExist', values: ['true'] },
      { field: `${EXPRESSION}.values`, type: 'Forbidden', words: ["'Exists' or 'DoesNotExist'"] }],
    ['Gt without values', { key: 'cpu-count', operator: 'Gt' },
      { field: `${EXPRESSION}.values`, type: 'Required', words: ["must be specified single value when `operator` is 'Lt' or 'Gt'"] }],
    ['Lt with two values', { key: 'cpu-count', operator: 'Lt', values: ['1', '2'] },
      { field: `${EXPRESSION}.values`, type: 'Required', words: ["single value when `operator` is 'Lt' or 'Gt'"] }],
    // Required terms check every value as a label value, so a negative bound is refused.
    ['Gt with a negative integer', { key: 'offset', operator: 'Gt', values: ['-1'] },
      { field: `${EXPRESSION}.values[0]`, type: 'Invalid', words: ['a valid label must be an empty string'] }],
    ['In with a value that is no label value', { key: 'pool', operator: 'In', values: ['a b'] },
      { field: `${EXPRESSION}.values[0]`, type: 'Invalid', words: ['a valid label must be an empty string'] }],
    ['an unknown operator', { key: 'kubernetes.io/os', operator: 'Equals', values: ['linux'] },
      { field: `${EXPRESSION}.operator`, type: 'Invalid', words: ['not a valid selector operator'] }],
    ['no operator', { key: 'kubernetes.io/os', values: ['linux'] },
      { field: `${EXPRESSION}.operator`, type: 'Invalid', words: ['not a valid selector operator'] }],
    ['a key with a space', { key: 'disk type', operator: 'Exists' },
      { field: `${EXPRESSION}.key`, type: 'Invalid', words: ['name part must consist of alphanumeric characters'] }],
    ['an empty key', { key: '', operator: 'Exists' },
      { field: `${EXPRESSION}.key`, type: 'Invalid', words: ['name part must be non-empty'] }],
  ])('rejects %s', (_, requirement, expected) => {
    expectError(validateRequiredTerm({ matchExpressions: [requirement] }), expected);
  });
});

describe('ValidateNodeSelector: required nodeSelectorTerms', () => {
  it.each<[string, Manifest]>([
    ['an empty list', { nodeSelectorTerms: [] }],
    ['a missing list', {}],
  ])('rejects %s of nodeSelectorTerms', (_, required) => {
    const errors = validateNodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: required });
    expect(errors).toEqual([
      { field: `${REQUIRED}.nodeSelectorTerms`, type: 'Required', message: 'must have at least one node selector term' },
    ]);
  });

  it('accepts terms ORed together and reports errors with the term index', () => {
    const errors = validateNodeAffinity({
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] },
          { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In' }] },
        ],
      },
    });
    expect(errors).toEqual([
      expect.objectContaining({ field: `${REQUIRED}.nodeSelectorTerms[1].matchExpressions[0].values`, type: 'Required' }),
    ]);
  });

  it.each<[string, Manifest]>([
    ['affinity: {}', {}],
    ['nodeAffinity: {}', { nodeAffinity: {} }],
    ['an empty preferred list', { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } }],
  ])('accepts %s', (_, affinity) => {
    expectAccepted(validate((ds) => { podSpec(ds).affinity = affinity; }), `${TEMPLATE_SPEC}.affinity`);
  });
});

describe('ValidateNodeFieldSelectorRequirement: required matchFields', () => {
  it.each<[string, Manifest]>([
    ['In on metadata.name', { key: 'metadata.name', operator: 'In', values: ['node-1'] }],
    ['NotIn on metadata.name', { key: 'metadata.name', operator: 'NotIn', values: ['node-1.eu-west-1.compute.internal'] }],
  ])('accepts %s', (_, requirement) => {
    expectAccepted(validateRequiredTerm({ matchFields: [requirement] }), NODE_AFFINITY);
  });

  it.each<[string, Manifest, ExpectedError]>([
    ['key metadata.labels', { key: 'metadata.labels', operator: 'In', values: ['node-1'] },
      { field: `${FIELD}.key`, type: 'Invalid', words: ['not a valid field selector key'] }],
    ['key spec.nodeName', { key: 'spec.nodeName', operator: 'In', values: ['node-1'] },
      { field: `${FIELD}.key`, type: 'Invalid', words: ['not a valid field selector key'] }],
    ['a label key', { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] },
      { field: `${FIELD}.key`, type: 'Invalid', words: ['not a valid field selector key'] }],
    ['operator Exists', { key: 'metadata.name', operator: 'Exists' },
      { field: `${FIELD}.operator`, type: 'Invalid', words: ['not a valid selector operator'] }],
    ['operator Gt', { key: 'metadata.name', operator: 'Gt', values: ['1'] },
      { field: `${FIELD}.operator`, type: 'Invalid', words: ['not a valid selector operator'] }],
    ['In with two values', { key: 'metadata.name', operator: 'In', values: ['node-1', 'node-2'] },
      { field: `${FIELD}.values`, type: 'Required', words: ["must be only one value when `operator` is 'In' or 'NotIn' for node field selector"] }],
    ['NotIn without values', { key: 'metadata.name', operator: 'NotIn', values: [] },
      { field: `${FIELD}.values`, type: 'Required', words: ['must be only one value'] }],
    ['a node name that is not a DNS subdomain', { key: 'metadata.name', operator: 'In', values: ['Node_1'] },
      { field: `${FIELD}.values[0]`, type: 'Invalid', words: ['lowercase RFC 1123 subdomain'] }],
  ])('rejects %s', (_, requirement, expected) => {
    expectError(validateRequiredTerm({ matchFields: [requirement] }), expected);
  });
});

describe('validatePreferredSchedulingTerms: weight and preference', () => {
  const preference = { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] };

  it.each([[1], [50], [100]])('accepts weight %j', (weight) => {
    expectAccepted(validateNodeAffinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference }] }), PREFERRED);
  });

  it.each<[string, unknown]>([
    ['0', 0],
    ['101', 101],
    ['-5', -5],
    ['missing', undefined],
  ])('rejects weight %s', (_, weight) => {
    const errors = validateNodeAffinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight, preference }] });
    expectError(errors, { field: `${PREFERRED}[0].weight`, type: 'Invalid', words: ['must be in the range 1-100'] });
  });

  it('validates the preference term like a required term', () => {
    const errors = validateNodeAffinity({
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 10, preference },
        { weight: 20, preference: { matchExpressions: [{ key: 'disktype', operator: 'Exists', values: ['ssd'] }] } },
      ],
    });
    expect(errors).toEqual([
      expect.objectContaining({ field: `${PREFERRED}[1].preference.matchExpressions[0].values`, type: 'Forbidden' }),
    ]);
  });
});
