import { daemonSet, workload } from './fixtures';
import { checkSelectorCollisions } from '../../src';
import { SELECTED_BY_ANNOTATION, selectorCollisionFindings } from '../../src/collisions';

describe('SelectorCollision findings say which objects, which labels, and what the controller does', () => {
  test('a Deployment: its pods are owned, so adopted only once orphaned (ClaimPods ignores pods another controller owns)', () => {
    const findings = selectorCollisionFindings([
      daemonSet('node-agent', { namespace: 'ops' }),
      workload('Deployment', 'agent-api', { 'app': 'node-agent', 'app.kubernetes.io/component': 'api' }, { namespace: 'ops' }),
    ]);
    expect(findings).toEqual([{
      code: 'SelectorCollision',
      severity: 'error',
      objects: ['DaemonSet ops/node-agent', 'Deployment ops/agent-api'],
      message: 'DaemonSet ops/node-agent selects the pods of Deployment ops/agent-api: its selector app=node-agent matches their labels app=node-agent. '
        + 'The DaemonSet controller leaves them alone while their ReplicaSet owns them, but adopts any that lose their owner '
        + '(kubectl delete --cascade=orphan) and then deletes them or replaces them with its own. Give them labels the selector does not match, '
        + `or annotate the Deployment with ${SELECTED_BY_ANNOTATION}: node-agent if this is intended`,
    }]);
  });

  test('a CronJob: the owner is its Job', () => {
    const [finding] = selectorCollisionFindings([daemonSet('agent'), workload('CronJob', 'report', { app: 'agent' })]);
    expect(finding.objects).toEqual(['DaemonSet default/agent', 'CronJob default/report']);
    expect(finding.message).toContain('leaves them alone while their Job owns them');
  });

  test('a ReplicationController', () => {
    const [finding] = selectorCollisionFindings([daemonSet('agent'), workload('ReplicationController', 'legacy', { app: 'agent' })]);
    expect(finding.message).toContain('while the ReplicationController owns them');
  });

  test('a bare Pod: nothing owns it, so the controller adopts it at once', () => {
    const [finding] = selectorCollisionFindings([daemonSet('agent'), workload('Pod', 'debug', { app: 'agent' })]);
    expect(finding.message).toBe(
      'DaemonSet default/agent selects Pod default/debug: its selector app=agent matches the pod\'s labels app=agent. The pod has no owner, '
      + 'so the DaemonSet controller adopts it as one of its daemon pods and then deletes it or replaces it with its own. '
      + `Give it labels the selector does not match, or annotate the Pod with ${SELECTED_BY_ANNOTATION}: agent if this is intended (a pod made by hand for a test)`,
    );
  });

  test('matchExpressions: the selector as written, and the labels it looks at, present or not', () => {
    const agent = daemonSet('agent', {
      labels: { app: 'agent' },
      selector: { matchLabels: { app: 'agent' }, matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }, { key: 'tier', operator: 'NotIn', values: ['web', 'db'] }] },
    });
    const [finding] = selectorCollisionFindings([agent, workload('StatefulSet', 'cache', { app: 'agent', tier: 'cache' })]);
    expect(finding.message).toContain(
      'its selector app=agent, canary DoesNotExist, tier NotIn [web,db] matches their labels app=agent, no canary, tier=cache.',
    );
  });

  test('two DaemonSets that select each other\'s pods: both selectors and both sets of labels', () => {
    const findings = selectorCollisionFindings([
      daemonSet('fluent-bit', { namespace: 'logging', labels: { app: 'logs', impl: 'fluent-bit' }, selector: { matchLabels: { app: 'logs' } } }),
      daemonSet('vector', { namespace: 'logging', labels: { app: 'logs', impl: 'vector' }, selector: { matchLabels: { app: 'logs' } } }),
    ]);
    expect(findings).toEqual([{
      code: 'SelectorCollision',
      severity: 'error',
      objects: ['DaemonSet logging/fluent-bit', 'DaemonSet logging/vector'],
      message: 'DaemonSet logging/fluent-bit and DaemonSet logging/vector select each other\'s pods: '
        + 'fluent-bit\'s selector app=logs matches the labels app=logs of vector\'s pods, and vector\'s selector app=logs matches the labels app=logs of fluent-bit\'s. '
        + 'Each DaemonSet controller leaves the other\'s pods alone while the other owns them, but when either DaemonSet is deleted with --cascade=orphan '
        + '(the only way to change its selector), the other adopts its pods and deletes them or replaces them with its own. '
        + 'Give the two DaemonSets selectors that tell their pods apart',
    }]);
  });

  test('a DaemonSet whose selector matches another\'s pods, not the other way round', () => {
    const [finding] = selectorCollisionFindings([
      daemonSet('gpu-agent', { labels: { app: 'agent', variant: 'gpu' } }),
      daemonSet('agent', { labels: { app: 'agent' } }),
    ]);
    expect(finding.objects).toEqual(['DaemonSet default/agent', 'DaemonSet default/gpu-agent']);
    expect(finding.message).toBe(
      'DaemonSet default/agent selects the pods of DaemonSet default/gpu-agent: its selector app=agent matches their labels app=agent. '
      + 'The DaemonSet controller leaves them alone while gpu-agent owns them, but when gpu-agent is deleted with --cascade=orphan '
      + '(the only way to change its selector), agent adopts its pods and deletes them or replaces them with its own. '
      + 'Give the two DaemonSets selectors that tell their pods apart',
    );
  });

  test('where each object comes from, when the caller knows', () => {
    const [finding] = selectorCollisionFindings([daemonSet('agent'), workload('Pod', 'debug', { app: 'agent' })], (i) => `'chart/${['a', 'b'][i]}'`);
    expect(finding.message).toMatch(/^DaemonSet default\/agent \('chart\/a'\) selects Pod default\/debug \('chart\/b'\): /);
    expect(finding.objects).toEqual(['DaemonSet default/agent', 'Pod default/debug']);
  });

  test('an object defined twice is one finding (the DuplicateObject finding reports the repeat)', () => {
    const pod = workload('Pod', 'debug', { app: 'agent' });
    expect(selectorCollisionFindings([daemonSet('agent'), pod, pod])).toHaveLength(1);
  });

  test('other namespaces: none', () => {
    expect(selectorCollisionFindings([daemonSet('agent', { namespace: 'a' }), daemonSet('agent-copy', { namespace: 'b', labels: { app: 'agent' } })])).toEqual([]);
  });
});

test('checkSelectorCollisions (the core entry\'s) reads manifests as evaluatePlacement does: arrays and List objects, unwrapped', () => {
  const list = { apiVersion: 'v1', kind: 'List', items: [daemonSet('agent'), { kind: 'PodList', items: [workload('Pod', 'debug', { app: 'agent' })] }] };
  expect(checkSelectorCollisions([list]).map((f) => f.objects)).toEqual([['DaemonSet default/agent', 'Pod default/debug']]);
  expect(checkSelectorCollisions(daemonSet('agent'))).toEqual([]);
});
