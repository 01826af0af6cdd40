import { daemonSet, Manifest, workload } from './fixtures';
import { findSelectorCollisions, SELECTED_BY_ANNOTATION, selectorCollisionFindings } from '../../src/collisions';

/** Each collision as `DaemonSet -> other`, by name. */
function collisions(objects: Manifest[]): string[] {
  return findSelectorCollisions(objects).map((c) => `${objects[c.daemonSet].metadata.name} -> ${objects[c.other].metadata.name}`);
}

describe('which pod templates a DaemonSet selects (the DaemonSet controller claims pods with LabelSelectorAsSelector in its namespace)', () => {
  const agent = () => daemonSet('agent', { namespace: 'ops' });

  it.each(['Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController', 'Pod'])(
    '%s pods with the DaemonSet\'s labels',
    (kind) => {
      expect(collisions([agent(), workload(kind, 'other', { app: 'agent', tier: 'x' }, { namespace: 'ops' })])).toEqual(['agent -> other']);
    },
  );

  it.each(['Deployment', 'CronJob', 'ReplicationController', 'Pod'])('not a %s whose pods lack one of the selector\'s labels', (kind) => {
    expect(collisions([agent(), workload(kind, 'other', { app: 'other' }, { namespace: 'ops' })])).toEqual([]);
  });

  test('not the DaemonSet\'s own template, nor a second definition of the same DaemonSet', () => {
    expect(collisions([agent(), agent()])).toEqual([]);
  });

  test('only in its own namespace (pods are claimed from the DaemonSet\'s namespace)', () => {
    expect(collisions([agent(), workload('Deployment', 'web', { app: 'agent' }, { namespace: 'web' })])).toEqual([]);
  });

  test('an object without a namespace is in `default`, as kubectl apply creates it', () => {
    expect(collisions([daemonSet('agent'), workload('Pod', 'debug', { app: 'agent' }, { namespace: 'default' })])).toEqual(['agent -> debug']);
    expect(collisions([daemonSet('agent', { namespace: 'default' }), workload('Pod', 'debug', { app: 'agent' })])).toEqual(['agent -> debug']);
  });

  test('a kind of the same name in another API group is not the workload (a custom resource)', () => {
    const volcanoJob = { ...workload('Job', 'batch-job', { app: 'agent' }, { namespace: 'ops' }), apiVersion: 'batch.volcano.sh/v1alpha1' };
    expect(collisions([agent(), volcanoJob])).toEqual([]);
  });

  test('kinds without pods are ignored', () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ops', labels: { app: 'agent' } }, spec: { selector: { app: 'agent' } } };
    expect(collisions([agent(), service])).toEqual([]);
  });
});

describe('selectors are read as metav1 LabelSelectorAsSelector reads them (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go)', () => {
  const withSelector = (selector: unknown) => daemonSet('agent', { labels: { app: 'agent', tier: 'node' }, selector });

  it.each<[string, unknown, Record<string, string>, boolean]>([
    ['In, value listed', { matchExpressions: [{ key: 'app', operator: 'In', values: ['agent', 'web'] }] }, { app: 'web' }, true],
    ['In, value not listed', { matchExpressions: [{ key: 'app', operator: 'In', values: ['agent'] }] }, { app: 'web' }, false],
    ['NotIn, label absent', { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, { app: 'agent' }, true],
    ['NotIn, value listed', { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, { app: 'agent', tier: 'web' }, false],
    ['Exists', { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: 'anything' }, true],
    ['DoesNotExist, label present', { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, { app: 'agent', canary: '' }, false],
    ['matchLabels and matchExpressions are ANDed', { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['node'] }] }, { app: 'agent', tier: 'web' }, false],
    // A selector that does not parse is an error: the controller claims no pod.
    ['an unknown operator (Gt is a node selector operator only)', { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, { app: '2' }, false],
    ['an invalid label value', { matchLabels: { app: 'not a value!' } }, { app: 'not a value!' }, false],
  ])('%s', (_name, selector, podLabels, selected) => {
    expect(collisions([withSelector(selector), workload('Pod', 'pod', podLabels)])).toEqual(selected ? ['agent -> pod'] : []);
  });

  test('a nil selector selects nothing', () => {
    expect(collisions([withSelector(null), workload('Pod', 'pod', { app: 'agent' })])).toEqual([]);
  });

  test('an empty selector would select everything, but the API server refuses it on a DaemonSet (ValidateDaemonSetSpec): no collision', () => {
    expect(collisions([withSelector({}), workload('Pod', 'pod', { app: 'agent' })])).toEqual([]);
    expect(collisions([withSelector({ matchLabels: {}, matchExpressions: [] }), workload('Pod', 'pod', { x: 'y' })])).toEqual([]);
  });

  test('label values compare as strings; a JSON null label is the empty string, as Go decodes it', () => {
    expect(collisions([withSelector({ matchLabels: { tier: '' } }), workload('Pod', 'pod', { tier: null } as any)])).toEqual(['agent -> pod']);
  });

  test('an inherited property is no label (untrusted input)', () => {
    const pod = workload('Pod', 'pod', {});
    pod.metadata.labels = Object.create({ app: 'agent' });
    expect(collisions([withSelector({ matchLabels: { app: 'agent' } }), pod])).toEqual([]);
  });
});

describe('two DaemonSets', () => {
  test('overlapping selectors: one collision for the pair, on the first, mutual', () => {
    const a = daemonSet('a', { labels: { app: 'agent', variant: 'a' }, selector: { matchLabels: { app: 'agent' } } });
    const b = daemonSet('b', { labels: { app: 'agent', variant: 'b' }, selector: { matchLabels: { app: 'agent' } } });
    expect(findSelectorCollisions([a, b])).toEqual([{ daemonSet: 0, other: 1, mutual: true, intended: false }]);
  });

  test('one selects the other\'s pods but not the other way round: on the one that selects', () => {
    const narrow = daemonSet('narrow', { labels: { app: 'agent', variant: 'gpu' } });
    const wide = daemonSet('wide', { labels: { app: 'agent' } });
    expect(findSelectorCollisions([narrow, wide])).toEqual([{ daemonSet: 1, other: 0, mutual: false, intended: false }]);
  });

  test('the marker does not make two DaemonSets intended', () => {
    const a = daemonSet('a', { labels: { app: 'agent' }, selector: { matchLabels: { app: 'agent' } } });
    const b = daemonSet('b', { labels: { app: 'agent' }, annotations: { [SELECTED_BY_ANNOTATION]: 'a' } });
    expect(selectorCollisionFindings([a, b])).toHaveLength(1);
  });
});

describe(`the ${SELECTED_BY_ANNOTATION} annotation marks a collision as intended`, () => {
  const agent = () => daemonSet('agent');
  const debugPod = (value: string) => workload('Pod', 'debug', { app: 'agent' }, { annotations: { [SELECTED_BY_ANNOTATION]: value } });

  test('naming the DaemonSet: found, marked intended, and no finding', () => {
    expect(findSelectorCollisions([agent(), debugPod('agent')])).toEqual([{ daemonSet: 0, other: 1, mutual: false, intended: true }]);
    expect(selectorCollisionFindings([agent(), debugPod('agent')])).toEqual([]);
  });

  test('a list of names, with spaces', () => {
    expect(selectorCollisionFindings([agent(), debugPod('other, agent')])).toEqual([]);
  });

  test('naming another DaemonSet: still an error', () => {
    expect(selectorCollisionFindings([agent(), debugPod('other')])).toHaveLength(1);
  });

  test('an inherited annotation is no marker', () => {
    const pod = workload('Pod', 'debug', { app: 'agent' });
    pod.metadata.annotations = Object.create({ [SELECTED_BY_ANNOTATION]: 'agent' });
    expect(selectorCollisionFindings([agent(), pod])).toHaveLength(1);
  });
});

test('a DaemonSet selecting many pods in a large input is found by label, not by comparing every pair', () => {
  const objects: Manifest[] = [];
  for (let i = 0; i < 2000; i++) objects.push(daemonSet(`agent-${i}`), workload('Deployment', `web-${i}`, { app: `web-${i}` }));
  objects.push(workload('Pod', 'debug', { app: 'agent-1999' }));
  const start = process.hrtime.bigint();
  expect(collisions(objects)).toEqual(['agent-1999 -> debug']);
  expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(1000);
});
