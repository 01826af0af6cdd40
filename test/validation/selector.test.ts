import { errorsAt, expectAccepted, expectError, expectNoErrorAt, Manifest, Mutator, validate } from './daemon-set';
import { FieldErrorType } from '../../src/validation';

const SELECTOR = 'spec.selector';
const TEMPLATE_LABELS = 'spec.template.metadata.labels';
const DOES_NOT_MATCH = '`selector` does not match template `labels`';

/** Sets `spec.selector.matchExpressions` to the one requirement given. */
function withExpression(requirement: Manifest): Mutator {
  return (ds: Manifest) => { ds.spec.selector = { matchExpressions: [requirement] }; };
}

describe('ValidateDaemonSetSpec: spec.selector is required and must not be empty', () => {
  it.each<[string, unknown]>([
    ['missing', undefined],
    // JSON null decodes to Go's zero value: no selector at all.
    ['null', null],
  ])('rejects a %s selector with spec.selector Required', (_, selector) => {
    const errors = validate((ds) => {
      if (selector === undefined) delete ds.spec.selector;
      else ds.spec.selector = selector;
    });
    expect(errorsAt(errors, SELECTOR)).toEqual([expect.objectContaining({ field: SELECTOR, type: 'Required' })]);
  });

  it.each<[string, unknown, string]>([
    ['a string', 'app=agent', 'string'],
    ['a list', [{ app: 'agent' }], 'array'],
  ])('refuses %s selector when decoding, with the type it expects', (_, selector, jsonKind) => {
    const errors = validate((ds) => { ds.spec.selector = selector; });
    expect(errors).toEqual([{
      field: SELECTOR,
      type: 'TypeInvalid',
      value: selector,
      message: `json: cannot unmarshal ${jsonKind} into Go struct field DaemonSetSpec.spec.selector of type v1.LabelSelector`,
    }]);
  });

  it('reports that a missing selector matches no template labels (LabelSelectorAsSelector(nil) is Nothing)', () => {
    const errors = validate((ds) => { delete ds.spec.selector; });
    expectError(errors, { field: TEMPLATE_LABELS, type: 'Invalid', words: [DOES_NOT_MATCH] });
  });

  it.each<[string, Manifest]>([
    ['{}', {}],
    ['empty matchLabels and matchExpressions', { matchLabels: {}, matchExpressions: [] }],
  ])('rejects the empty selector %s', (_, selector) => {
    const errors = validate((ds) => { ds.spec.selector = selector; });
    expectError(errors, { field: SELECTOR, type: 'Invalid', words: ['empty selector is invalid for daemonset'] });
    // An empty selector selects everything, so it does match the template.
    expectNoErrorAt(errors, TEMPLATE_LABELS);
  });

  it.each<[string, Manifest]>([
    ['matchLabels only', { matchLabels: { app: 'agent' } }],
    ['matchExpressions only', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }],
    ['both', { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }] }],
  ])('accepts a selector with %s', (_, selector) => {
    expectAccepted(validate((ds) => { ds.spec.selector = selector; }), SELECTOR);
  });
});

describe('ValidateLabelSelector: spec.selector.matchLabels', () => {
  it.each<[string, Record<string, string>, string]>([
    ['a bad key', { 'bad key': 'agent' }, 'name part must consist of alphanumeric characters'],
    ['a bad value', { app: 'node agent' }, 'a valid label must be an empty string'],
  ])('rejects matchLabels with %s at spec.selector.matchLabels', (_, matchLabels, word) => {
    const errors = validate((ds) => {
      ds.spec.selector = { matchLabels };
      ds.spec.template.metadata.labels = { ...matchLabels };
    });
    expectError(errors, { field: 'spec.selector.matchLabels', type: 'Invalid', words: [word] });
  });
});

describe('ValidateLabelSelector / ValidateLabelSelectorRequirement: spec.selector.matchExpressions', () => {
  const REQUIREMENT = 'spec.selector.matchExpressions[0]';

  it.each<[string, Manifest]>([
    ['In with values', { key: 'app', operator: 'In', values: ['agent'] }],
    ['NotIn with values', { key: 'app', operator: 'NotIn', values: ['other'] }],
    ['Exists without values', { key: 'app', operator: 'Exists' }],
    ['Exists with an empty values list', { key: 'app', operator: 'Exists', values: [] }],
    ['DoesNotExist without values', { key: 'canary', operator: 'DoesNotExist' }],
    ['a prefixed key', { key: 'example.com/app', operator: 'DoesNotExist' }],
  ])('accepts %s', (_, requirement) => {
    expectAccepted(validate(withExpression(requirement)), SELECTOR);
  });

  it.each<[string, Manifest, string, FieldErrorType, string[]]>([
    ['In without values', { key: 'app', operator: 'In' }, 'values', 'Required', ["must be specified when `operator` is 'In' or 'NotIn'"]],
    ['In with an empty values list', { key: 'app', operator: 'In', values: [] }, 'values', 'Required', ["'In' or 'NotIn'"]],
    ['NotIn without values', { key: 'app', operator: 'NotIn' }, 'values', 'Required', ["'In' or 'NotIn'"]],
    ['Exists with values', { key: 'app', operator: 'Exists', values: ['agent'] }, 'values', 'Forbidden', ["may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    ['DoesNotExist with values', { key: 'canary', operator: 'DoesNotExist', values: ['x'] }, 'values', 'Forbidden', ["'Exists' or 'DoesNotExist'"]],
    ['an unknown operator', { key: 'app', operator: 'Equals', values: ['agent'] }, 'operator', 'Invalid', ['not a valid selector operator']],
    ['a lower-case operator', { key: 'app', operator: 'in', values: ['agent'] }, 'operator', 'Invalid', ['not a valid selector operator']],
    ['node-affinity operator Gt', { key: 'app', operator: 'Gt', values: ['1'] }, 'operator', 'Invalid', ['not a valid selector operator']],
    ['no operator', { key: 'app', values: ['agent'] }, 'operator', 'Invalid', ['not a valid selector operator']],
    ['a bad key', { key: 'bad key', operator: 'Exists' }, 'key', 'Invalid', ['name part must consist of alphanumeric characters']],
    ['an empty key', { key: '', operator: 'Exists' }, 'key', 'Invalid', ['name part must be non-empty']],
    ['a bad value', { key: 'app', operator: 'In', values: ['node agent'] }, 'values[0]', 'Invalid', ['a valid label must be an empty string']],
  ])('rejects %s at matchExpressions[0].%s', (_, requirement, child, type, words) => {
    const errors = validate(withExpression(requirement));
    expectError(errors, { field: `${REQUIREMENT}.${child}`, type, words });
  });

  it('reports the index of the offending requirement', () => {
    const errors = validate((ds) => {
      ds.spec.selector.matchExpressions = [
        { key: 'app', operator: 'Exists' },
        { key: 'tier', operator: 'In' },
      ];
    });
    expect(errors).toEqual([expect.objectContaining({ field: 'spec.selector.matchExpressions[1].values', type: 'Required' })]);
  });

  it('does not also report a template mismatch when the selector does not parse (LabelSelectorAsSelector fails)', () => {
    const errors = validate(withExpression({ key: 'app', operator: 'In' }));
    expectNoErrorAt(errors, TEMPLATE_LABELS);
  });
});

describe('ValidateDaemonSetSpec: the selector must match the template labels', () => {
  it.each<[string, Record<string, string> | undefined]>([
    ['the same labels', { app: 'agent' }],
    ['extra template labels', { app: 'agent', version: 'v1', tier: 'node' }],
  ])('accepts %s', (_, labels) => {
    expectAccepted(validate((ds) => { ds.spec.template.metadata.labels = labels; }), TEMPLATE_LABELS);
  });

  it.each<[string, Mutator]>([
    ['a different value', (ds) => { ds.spec.template.metadata.labels = { app: 'other' }; }],
    ['a missing key', (ds) => { ds.spec.template.metadata.labels = { name: 'agent' }; }],
    ['no template labels', (ds) => { delete ds.spec.template.metadata.labels; }],
    ['no template metadata', (ds) => { delete ds.spec.template.metadata; }],
    ['a selector with more labels than the template', (ds) => { ds.spec.selector.matchLabels.tier = 'node'; }],
  ])('rejects %s at spec.template.metadata.labels', (_, mutate) => {
    expectError(validate(mutate), { field: TEMPLATE_LABELS, type: 'Invalid', words: [DOES_NOT_MATCH] });
  });

  it('reports the template labels as the value', () => {
    const errors = validate((ds) => { ds.spec.template.metadata.labels = { app: 'other' }; });
    expect(errors).toEqual([expect.objectContaining({ field: TEMPLATE_LABELS, value: { app: 'other' } })]);
  });
});

describe('ValidateDaemonSetSpec: matchExpressions selectors must match the template labels', () => {
  // Template labels are { app: 'agent' }.
  it.each<[string, Manifest]>([
    ['In listing the value', { key: 'app', operator: 'In', values: ['other', 'agent'] }],
    ['NotIn not listing the value', { key: 'app', operator: 'NotIn', values: ['other'] }],
    ['NotIn on an absent key', { key: 'canary', operator: 'NotIn', values: ['true'] }],
    ['Exists on a present key', { key: 'app', operator: 'Exists' }],
    ['DoesNotExist on an absent key', { key: 'canary', operator: 'DoesNotExist' }],
  ])('accepts %s', (_, requirement) => {
    expectAccepted(validate(withExpression(requirement)), TEMPLATE_LABELS);
  });

  it.each<[string, Manifest]>([
    ['In not listing the value', { key: 'app', operator: 'In', values: ['other'] }],
    ['In on an absent key', { key: 'canary', operator: 'In', values: ['true'] }],
    ['NotIn listing the value', { key: 'app', operator: 'NotIn', values: ['agent'] }],
    ['Exists on an absent key', { key: 'canary', operator: 'Exists' }],
    ['DoesNotExist on a present key', { key: 'app', operator: 'DoesNotExist' }],
  ])('rejects %s', (_, requirement) => {
    expectError(validate(withExpression(requirement)), { field: TEMPLATE_LABELS, type: 'Invalid', words: [DOES_NOT_MATCH] });
  });

  it('requires matchLabels and every expression to hold together', () => {
    const errors = validate((ds) => {
      ds.spec.selector = {
        matchLabels: { app: 'agent' },
        matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }, { key: 'tier', operator: 'Exists' }],
      };
    });
    expectError(errors, { field: TEMPLATE_LABELS, type: 'Invalid', words: [DOES_NOT_MATCH] });
  });
});

describe('ValidateDaemonSetSpec skips the template match when the selector does not parse', () => {
  it('reports a bad matchLabels key, not a mismatch', () => {
    const errors = validate((ds) => {
      ds.spec.selector = { matchLabels: { 'bad key': 'agent' } };
      ds.spec.template.metadata.labels = { 'bad key': 'agent' };
    });
    expectError(errors, { field: `${SELECTOR}.matchLabels`, type: 'Invalid' });
    expect(errorsAt(errors, TEMPLATE_LABELS).filter((e) => e.message.includes(DOES_NOT_MATCH))).toEqual([]);
  });
});
