import { container, daemonSet, expectAccepted, Manifest, Mutator, podSpec, validate } from './daemon-set';
import { validateDaemonSet } from '../../src';

const SELECTOR = 'spec.selector';

/**
 * Mirrors `ValidateDaemonSetUpdate` plus the apps/v1 registry strategy, which adds
 * `ValidateImmutableField(newDaemonSet.Spec.Selector, oldDaemonSet.Spec.Selector, ...)`:
 * the selector is compared with apiequality.Semantic.DeepEqual (maps are unordered).
 */
describe('ValidateDaemonSetUpdate: spec.selector is immutable', () => {
  it.each<[string, Mutator]>([
    ['a changed matchLabels value', (ds) => {
      ds.spec.selector.matchLabels.app = 'agent-v2';
      ds.spec.template.metadata.labels.app = 'agent-v2';
    }],
    ['an added matchLabels key', (ds) => {
      ds.spec.selector.matchLabels.zone = 'a';
      ds.spec.template.metadata.labels.zone = 'a';
    }],
    ['a removed matchLabels key', (ds) => {
      ds.spec.selector.matchLabels = { tier: 'node' };
    }],
    ['an added matchExpression', (ds) => {
      ds.spec.selector.matchExpressions = [{ key: 'app', operator: 'Exists' }];
    }],
    ['an equivalent selector written as an expression', (ds) => {
      ds.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }] };
    }],
    ['a removed selector', (ds) => {
      delete ds.spec.selector;
    }],
  ])('rejects %s with spec.selector Invalid "field is immutable"', (_, mutate) => {
    // The previous DaemonSet selects { app: agent, tier: node }.
    const withTier: Mutator = (ds) => {
      ds.spec.selector.matchLabels.tier = 'node';
      ds.spec.template.metadata.labels.tier = 'node';
    };
    const errors = validate((ds) => { withTier(ds); mutate(ds); }, daemonSet(withTier));
    expect(errors).toContainEqual(expect.objectContaining({ field: SELECTOR, type: 'Invalid', message: 'field is immutable' }));
  });

  it('reports the new selector as the value, before any other error', () => {
    const errors = validate((ds) => {
      ds.spec.selector.matchLabels.app = 'other';
    }, daemonSet());
    expect(errors[0]).toEqual({ field: SELECTOR, type: 'Invalid', message: 'field is immutable', value: { matchLabels: { app: 'other' } } });
  });

  it('is not checked on create (no previous DaemonSet)', () => {
    const errors = validate((ds) => {
      ds.spec.selector.matchLabels.app = 'other';
      ds.spec.template.metadata.labels.app = 'other';
    });
    expect(errors).toEqual([]);
  });
});

describe('ValidateDaemonSetUpdate: the same selector in another order is unchanged', () => {
  const selector = {
    matchLabels: { 'app': 'agent', 'tier': 'node', 'app.kubernetes.io/part-of': 'observability' },
    matchExpressions: [{ key: 'track', operator: 'In', values: ['stable'] }],
  };
  const withSelector = (s: Manifest): Mutator => (ds) => {
    ds.spec.selector = s;
    ds.spec.template.metadata.labels = { 'app': 'agent', 'tier': 'node', 'app.kubernetes.io/part-of': 'observability', 'track': 'stable' };
  };
  const previous = daemonSet(withSelector(selector));

  it.each<[string, Manifest]>([
    ['matchLabels keys in another order', {
      matchLabels: { 'app.kubernetes.io/part-of': 'observability', 'tier': 'node', 'app': 'agent' },
      matchExpressions: selector.matchExpressions,
    }],
    ['matchExpressions and matchLabels swapped', {
      matchExpressions: selector.matchExpressions,
      matchLabels: selector.matchLabels,
    }],
    ['the fields of a requirement in another order', {
      matchLabels: selector.matchLabels,
      matchExpressions: [{ values: ['stable'], operator: 'In', key: 'track' }],
    }],
  ])('accepts %s', (_, reordered) => {
    expectAccepted(validate(withSelector(reordered), previous), SELECTOR);
  });
});

describe('ValidateDaemonSetUpdate: other fields may change', () => {
  it.each<[string, Mutator]>([
    ['a new image', (ds) => { container(ds).image = 'busybox:1.37'; }],
    ['extra template labels', (ds) => { ds.spec.template.metadata.labels.version = 'v2'; }],
    ['template annotations', (ds) => { ds.spec.template.metadata.annotations = { 'kubectl.kubernetes.io/restartedAt': '2024-01-01T00:00:00Z' }; }],
    ['metadata labels', (ds) => { ds.metadata.labels = { team: 'platform' }; }],
    ['the update strategy', (ds) => { ds.spec.updateStrategy = { type: 'OnDelete' }; }],
    ['tolerations', (ds) => { podSpec(ds).tolerations = [{ operator: 'Exists' }]; }],
    ['minReadySeconds and revisionHistoryLimit', (ds) => { ds.spec.minReadySeconds = 30; ds.spec.revisionHistoryLimit = 3; }],
    ['nothing', () => undefined],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate, daemonSet()), SELECTOR);
  });

  it('still validates the new DaemonSet on update', () => {
    const errors = validate((ds) => { podSpec(ds).restartPolicy = 'Never'; }, daemonSet());
    expect(errors).toEqual([expect.objectContaining({ field: 'spec.template.spec.restartPolicy', type: 'NotSupported' })]);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'agent'],
  ])('treats a previous DaemonSet that is %s as a create', (_, previous) => {
    const manifest = daemonSet((ds) => { ds.spec.selector.matchLabels.app = 'x'; ds.spec.template.metadata.labels.app = 'x'; });
    expect(validateDaemonSet(manifest, previous)).toEqual([]);
  });
});

describe('ValidateImmutableField compares with apiequality.Semantic.DeepEqual', () => {
  it.each<[string, Manifest]>([
    ['an empty matchExpressions list', { matchLabels: { app: 'agent' }, matchExpressions: [] }],
    ['a null matchExpressions', { matchLabels: { app: 'agent' }, matchExpressions: null }],
  ])('treats %s as equal to an absent one', (_, selector) => {
    const previous = daemonSet();
    const next = daemonSet((ds) => { ds.spec.selector = selector; });
    expectAccepted(validateDaemonSet(next, previous), SELECTOR);
  });
});
