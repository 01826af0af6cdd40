import { agent, rollingUpdate, workers } from './fixtures';
import { diffPlacement, evaluatePlacement, InputError, node } from '../../src';

const NO_EXECUTE = { key: 'maintenance', value: 'true', effect: 'NoExecute' } as const;
const NO_SCHEDULE = { key: 'maintenance', value: 'true', effect: 'NoSchedule' } as const;

/** Five nodes: three general workers and two GPU workers. */
const POOLS = [...workers(3), ...workers(2, 'gpu', 'gpu')];

function only(before: unknown, after: unknown, nodes: unknown = POOLS, nodesAfter?: unknown) {
  const diff = diffPlacement(before, after, nodes, nodesAfter);
  expect(diff.daemonSets).toHaveLength(1);
  return diff.daemonSets[0];
}

describe('nodes that gain and lose a pod', () => {
  test('a narrower node filter loses the nodes it leaves, with the reasons `place` gives', () => {
    const after = agent('logs', { nodeSelector: { pool: 'general' } });
    const diff = only(agent('logs'), after);
    const placed = evaluatePlacement([after], POOLS).daemonSets[0].placements;
    expect(diff.gained).toEqual([]);
    expect(diff.lost).toEqual([
      { node: 'gpu-1', reasons: placed[3].reasons },
      { node: 'gpu-2', reasons: placed[4].reasons },
    ]);
    expect(diff.lost[0].reasons).toEqual([expect.objectContaining({ code: 'NodeSelectorMismatch' })]);
  });

  test('a wider node filter gains the nodes it reaches, in inventory order', () => {
    const diff = only(agent('logs', { nodeSelector: { pool: 'gpu' } }), agent('logs'));
    expect(diff.gained).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(diff.lost).toEqual([]);
  });

  test('an untolerated NoSchedule taint keeps the running pod (shouldContinueRunning) while the template stays', () => {
    const tainted = [...workers(2), node('worker-3').labels({ pool: 'general' }).taint(NO_SCHEDULE).toJSON()];
    const diff = only(agent('logs'), agent('logs'), workers(3), tainted);
    expect(diff.lost).toEqual([]);
    expect(diff.change).toBe('unchanged');
  });

  test('an untolerated NoExecute taint evicts the pod', () => {
    const tainted = [...workers(2), node('worker-3').labels({ pool: 'general' }).taint(NO_EXECUTE).toJSON()];
    const diff = only(agent('logs'), agent('logs'), workers(3), tainted);
    expect(diff.lost).toEqual([
      { node: 'worker-3', reasons: [{ code: 'UntoleratedTaint', message: expect.stringContaining('maintenance=true:NoExecute') }] },
    ]);
  });

  test('a rolling update deletes the pod on a node whose NoSchedule taint it does not tolerate, and creates none there', () => {
    const tainted = [...workers(2), node('worker-3').labels({ pool: 'general' }).taint(NO_SCHEDULE).toJSON()];
    const diff = only(agent('logs'), agent('logs', { image: 'registry.example/agent:2.0' }), workers(3), tainted);
    expect(diff.lost.map((pod) => pod.node)).toEqual(['worker-3']);
    expect(diff.rollout).toMatchObject({ podsReplaced: 2, waves: 2 });
  });

  test('lost pods come in inventory order, whatever reasons tell them apart', () => {
    // Nodes alternate between two taints the DaemonSet after does not tolerate: each reason is a
    // verdict of its own, whose nodes interleave with the other's.
    const tainted = [1, 2, 3, 4, 5, 6].map((i) =>
      node(`worker-${i}`).labels({ pool: 'general' }).taint({ key: i % 2 === 0 ? 'even' : 'odd', value: 'true', effect: 'NoExecute' }).toJSON());
    const tolerating = agent('logs', { tolerations: [{ operator: 'Exists' }] });
    const diff = only(tolerating, agent('logs'), tainted);
    expect(diff.lost.map((pod) => [pod.node, pod.reasons[0].message])).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => [`worker-${i}`, `taint ${i % 2 === 0 ? 'even' : 'odd'}=true:NoExecute is not tolerated`]),
    );
  });

  test('nodes that join gain a pod; nodes that leave lose theirs, with NodeRemoved', () => {
    const nodesAfter = [...workers(2), ...workers(1, 'new')];
    const diff = only(agent('logs'), agent('logs'), workers(3), nodesAfter);
    expect(diff.gained).toEqual(['new-1']);
    expect(diff.lost).toEqual([{ node: 'worker-3', reasons: [{ code: 'NodeRemoved', message: 'the node is not in the inventory after the change' }] }]);
  });

  test('nodes are matched by name, wherever the inventory lists them', () => {
    const [w1, w2, w3] = workers(3);
    const tainted = node('worker-2').labels({ pool: 'general' }).taint(NO_EXECUTE).toJSON();
    const diff = only(agent('logs'), agent('logs'), [w1, w2, w3], [...workers(1, 'new'), w3, tainted, w1]);
    expect(diff.gained).toEqual(['new-1']);
    expect(diff.lost.map((pod) => [pod.node, pod.reasons[0].code])).toEqual([['worker-2', 'UntoleratedTaint']]);
  });

  test('a DaemonSet checked node by node (it selects on hostnames) gains and loses the same nodes as one checked per node class', () => {
    // 100 distinct hostnames: too many to class nodes by, so that DaemonSet's verdicts are indexed per node.
    const fleet = (names: string[], tainted: string[] = []) => names.map((name) => {
      const built = node(name).labels({ 'pool': 'general', 'kubernetes.io/hostname': name });
      return (tainted.includes(name) ? built.taint(NO_EXECUTE) : built).toJSON();
    });
    const names = Array.from({ length: 100 }, (_, i) => `n-${String(i).padStart(3, '0')}`);
    const nodesAfter = fleet([...names.slice(5), 'joined-1', 'joined-2'], ['n-050', 'n-051']);
    const spared = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n-090'] }] },
          ],
        },
      },
    };
    const byHost = agent('by-host', { podSpec: { affinity: spared } });
    const byPool = agent('by-pool', { nodeSelector: { pool: 'general' } });
    const diff = diffPlacement([byHost, byPool], [byHost, byPool], fleet(names), nodesAfter);
    const [host, pool] = diff.daemonSets;
    for (const entry of [host, pool]) {
      expect(entry.gained).toEqual(['joined-1', 'joined-2']);
      expect(entry.lost.filter((pod) => pod.reasons[0].code === 'NodeRemoved').map((pod) => pod.node)).toEqual(names.slice(0, 5));
      expect(entry.lost.filter((pod) => pod.reasons[0].code === 'UntoleratedTaint').map((pod) => pod.node)).toEqual(['n-050', 'n-051']);
    }
    expect([host.lost.length, pool.lost.length]).toEqual([7, 7]);
  });

  test('a node relabelled out of the selector loses its pod', () => {
    const nodesAfter = [...workers(2), node('worker-3').labels({ pool: 'batch' }).toJSON()];
    const diff = only(agent('logs', { nodeSelector: { pool: 'general' } }), agent('logs', { nodeSelector: { pool: 'general' } }), workers(3), nodesAfter);
    expect(diff.lost.map((pod) => pod.node)).toEqual(['worker-3']);
    expect(diff.change).toBe('unchanged');
  });
});

describe('the rollout a changed pod template starts (updatedDesiredNodeCounts in pkg/controller/daemon/update.go)', () => {
  const nodes = workers(10);

  test('replaces every pod in rounds of maxUnavailable, as the report\'s rollout says', () => {
    const after = agent('logs', { image: 'registry.example/agent:2.0', updateStrategy: rollingUpdate(3) });
    const diff = only(agent('logs', { updateStrategy: rollingUpdate(3) }), after, nodes);
    expect(diff.templateChanged).toBe(true);
    expect(diff.change).toBe('changed');
    expect(diff.rollout).toEqual({ strategy: 'RollingUpdate', podsReplaced: 10, waves: 4, podsOutdated: 0, maxUnavailable: 3, maxSurge: 0 });
    expect(evaluatePlacement([after], nodes).daemonSets[0].rollout).toMatchObject({ waves: diff.rollout.waves });
  });

  test('surges in rounds of maxSurge when it is not 0', () => {
    const after = agent('logs', { image: 'registry.example/agent:2.0', updateStrategy: rollingUpdate(0, 2) });
    expect(only(agent('logs'), after, nodes).rollout).toMatchObject({ podsReplaced: 10, waves: 5, maxSurge: 2 });
  });

  test('resolves percentages against the nodes that should run a pod, rounding up', () => {
    const after = agent('logs', { image: 'registry.example/agent:2.0', updateStrategy: rollingUpdate('25%') });
    expect(only(agent('logs'), after, nodes).rollout).toMatchObject({ podsReplaced: 10, waves: 4, maxUnavailable: 3 });
  });

  test('replaces only the pods on nodes that keep one', () => {
    const after = agent('logs', { image: 'registry.example/agent:2.0', nodeSelector: { pool: 'general' } });
    const diff = only(agent('logs'), after);
    expect(diff.lost).toHaveLength(2);
    expect(diff.rollout).toMatchObject({ podsReplaced: 3, waves: 3 });
  });

  test('OnDelete replaces none: the pods keep the old template until deleted', () => {
    const after = agent('logs', { image: 'registry.example/agent:2.0', updateStrategy: { type: 'OnDelete' } });
    expect(only(agent('logs', { updateStrategy: { type: 'OnDelete' } }), after, nodes).rollout).toEqual({
      strategy: 'OnDelete',
      podsReplaced: 0,
      waves: 0,
      podsOutdated: 10,
    });
  });

  test('a change outside the template changes the DaemonSet and restarts no pod', () => {
    const diff = only(agent('logs'), agent('logs', { updateStrategy: rollingUpdate(5) }), nodes);
    expect(diff).toMatchObject({ change: 'changed', templateChanged: false, rollout: { podsReplaced: 0, waves: 0 } });
  });
});

describe('a manifest that writes out what the API server defaults is not a rollout (SetDefaults_PodSpec, SetDefaults_Container)', () => {
  const plain = agent('logs', {
    container: {
      ports: [{ containerPort: 2020 }],
      resources: { requests: { cpu: 1 } },
      env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      livenessProbe: { httpGet: { port: 2020 } },
    },
  });
  const spelledOut = {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    metadata: { namespace: 'agents', name: 'logs', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
    spec: {
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: 'logs' } },
        spec: {
          tolerations: [],
          securityContext: {},
          terminationGracePeriodSeconds: 30,
          schedulerName: 'default-scheduler',
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          containers: [{
            terminationMessagePolicy: 'File',
            terminationMessagePath: '/dev/termination-log',
            imagePullPolicy: 'IfNotPresent',
            image: 'registry.example/agent:1.0',
            name: 'agent',
            ports: [{ protocol: 'TCP', containerPort: 2020 }],
            resources: { requests: { cpu: '1' } },
            env: [{ name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            livenessProbe: { httpGet: { port: 2020, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          }],
        },
      },
      selector: { matchLabels: { app: 'logs' } },
    },
  };

  test('unchanged, no pod restarts', () => {
    expect(only(plain, spelledOut)).toMatchObject({ change: 'unchanged', templateChanged: false, rollout: { podsReplaced: 0 } });
  });

  test('a value other than the default is a change', () => {
    const always = structuredClone(spelledOut);
    always.spec.template.spec.containers[0].imagePullPolicy = 'Always';
    expect(only(plain, always)).toMatchObject({ change: 'changed', templateChanged: true, rollout: { podsReplaced: 5 } });
  });

  test('an untagged image pulls Always by default, a tagged one IfNotPresent', () => {
    const untagged = agent('logs', { image: 'registry.example/agent' });
    const pullsAlways = agent('logs', { image: 'registry.example/agent', container: { imagePullPolicy: 'Always' } });
    expect(only(untagged, pullsAlways).templateChanged).toBe(false);
    const pinned = agent('logs', { image: 'registry.example/agent@sha256:0123', container: { imagePullPolicy: 'IfNotPresent' } });
    expect(only(agent('logs', { image: 'registry.example/agent@sha256:0123' }), pinned).templateChanged).toBe(false);
  });
});

describe('DaemonSets added and removed', () => {
  test('an added DaemonSet gains every node it selects, at once', () => {
    const [diff] = diffPlacement([], [agent('gpu', { nodeSelector: { pool: 'gpu' } })], POOLS).daemonSets;
    expect(diff).toEqual({
      namespace: 'agents',
      name: 'gpu',
      change: 'added',
      gained: ['gpu-1', 'gpu-2'],
      lost: [],
      templateChanged: false,
      rollout: { strategy: 'RollingUpdate', podsReplaced: 0, waves: 0, podsOutdated: 0, maxUnavailable: 1, maxSurge: 0 },
      selectorChanged: false,
    });
  });

  test('a removed DaemonSet loses every node it ran on; the list is the DaemonSets after, then the removed', () => {
    const diff = diffPlacement([agent('old', { nodeSelector: { pool: 'gpu' } }), agent('logs')], [agent('logs')], POOLS);
    expect(diff.daemonSets.map((d) => [d.name, d.change])).toEqual([['logs', 'unchanged'], ['old', 'removed']]);
    expect(diff.daemonSets[1].lost).toEqual(['gpu-1', 'gpu-2'].map((name) => ({ node: name, reasons: [{ code: 'DaemonSetRemoved', message: 'the DaemonSet is removed' }] })));
  });

  test('DaemonSets are matched by namespace and name', () => {
    const diff = diffPlacement([agent('logs', { namespace: 'a' })], [agent('logs', { namespace: 'b' })], POOLS);
    expect(diff.daemonSets.map((d) => `${d.namespace}/${d.name} ${d.change}`)).toEqual(['b/logs added', 'a/logs removed']);
  });
});

/*
 * apps/v1 `spec.selector` is immutable: `ValidateDaemonSetUpdate` in pkg/apis/apps/validation
 * and the apps/v1 registry strategy (pkg/registry/apps/daemonset/strategy.go), which adds
 * `ValidateImmutableField` on the selector. The only way through is to delete the DaemonSet with
 * `--cascade=orphan` and create the new one, whose controller adopts the pods its selector
 * matches (ClaimPods) and rolls them by their `controller-revision-hash`.
 */
describe('a changed selector: the update is rejected, the new DaemonSet adopts the old pods its selector matches', () => {
  const tiered = (options = {}) => agent('logs', { labels: { app: 'logs', tier: 'node' }, ...options });
  const narrowed = { matchLabels: { app: 'logs' } };

  test('a selector that still matches the old pods adopts them; RollingUpdate replaces them in waves when the template differs', () => {
    const after = agent('logs', { labels: { app: 'logs', version: '2' }, selector: narrowed, image: 'registry.example/agent:2.0' });
    const diff = only(tiered(), after);
    expect(diff.selectorChanged).toBe(true);
    expect(diff.adoptedPods).toEqual(POOLS.map((n: any) => ({ node: n.metadata.name, fate: 'replaced' })));
    expect(diff.rollout).toMatchObject({ podsReplaced: 5, waves: 5 });
    expect(diff.orphanedPods).toBeUndefined();
  });

  test('OnDelete leaves the adopted pods as they are', () => {
    const after = agent('logs', { labels: { app: 'logs', version: '2' }, selector: narrowed, updateStrategy: { type: 'OnDelete' } });
    const diff = only(tiered(), after);
    expect(new Set(diff.adoptedPods!.map((pod) => pod.fate))).toEqual(new Set(['kept']));
    expect(diff.rollout).toMatchObject({ podsReplaced: 0, podsOutdated: 5 });
  });

  test('the same template: the old pods are up to date and stay', () => {
    const diff = only(tiered(), tiered({ selector: narrowed }));
    expect(diff).toMatchObject({ selectorChanged: true, templateChanged: false, rollout: { podsReplaced: 0 } });
    expect(diff.adoptedPods!.every((pod) => pod.fate === 'kept')).toBe(true);
  });

  test('old pods on nodes the new DaemonSet does not select are deleted', () => {
    const diff = only(tiered(), tiered({ selector: narrowed, nodeSelector: { pool: 'gpu' } }));
    expect(diff.adoptedPods!.filter((pod) => pod.fate === 'deleted').map((pod) => pod.node)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(diff.lost.map((pod) => pod.node)).toEqual(['worker-1', 'worker-2', 'worker-3']);
  });

  test('a selector that matches none of the old pods adopts none: they would be left to no controller', () => {
    const after = agent('logs', { labels: { app: 'logs-v2' } });
    const diff = only(agent('logs'), after);
    expect(diff.selectorChanged).toBe(true);
    expect(diff.adoptedPods).toBeUndefined();
    expect(diff.orphanedPods).toEqual(['worker-1', 'worker-2', 'worker-3', 'gpu-1', 'gpu-2']);
    expect(diff.rollout.podsReplaced).toBe(0);
  });

  test('the same selector with its keys in another order is unchanged', () => {
    const before = agent('logs', { selector: { matchLabels: { app: 'logs', tier: 'node' } }, labels: { app: 'logs', tier: 'node' } });
    const after = agent('logs', { selector: { matchLabels: { tier: 'node', app: 'logs' } }, labels: { tier: 'node', app: 'logs' } });
    expect(only(before, after)).toMatchObject({ selectorChanged: false, change: 'unchanged' });
  });
});

describe('bad input', () => {
  test('a DaemonSet defined twice on one side cannot be matched', () => {
    expect(() => diffPlacement([agent('logs')], [agent('logs'), agent('logs', { image: 'x:2' })], POOLS)).toThrow(
      new InputError('DaemonSet agents/logs is defined twice in the manifests after the change'),
    );
  });
});
