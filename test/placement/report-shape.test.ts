import { daemonSet, Manifest, only } from './fixtures';
import { evaluatePlacement, InputError, node } from '../../src';

/** DESIGN.md 3.1: the report `everynode place --output json` prints; fixed, extended only additively. */
describe('PlacementReport contract (DESIGN.md 3.1)', () => {
  const inventory = () => [node('zeta'), node('alpha').controlPlane(), node('mid').labels({ pool: 'a' })];

  it('the example of the design: a control-plane node and a worker', () => {
    const fluentBit = daemonSet('fluent-bit', {}, { namespace: 'kube-system' });
    const report = evaluatePlacement([fluentBit], [node('cp-1').controlPlane(), node('worker-1')]);
    expect(report).toEqual({
      nodes: ['cp-1', 'worker-1'],
      daemonSets: [
        {
          namespace: 'kube-system',
          name: 'fluent-bit',
          placements: [
            {
              node: 'cp-1',
              shouldRun: false,
              shouldContinueRunning: true,
              reasons: [{ code: 'UntoleratedTaint', message: 'taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated' }],
            },
            { node: 'worker-1', shouldRun: true, shouldContinueRunning: true, reasons: [] },
          ],
          desiredNumberScheduled: 1,
          rollout: { strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 0, waves: 1 },
          advisories: [],
          errors: [],
          warnings: [],
        },
      ],
      findings: [],
    });
  });

  it('nodes are listed in inventory order, not sorted', () => {
    expect(evaluatePlacement([], inventory()).nodes).toEqual(['zeta', 'alpha', 'mid']);
  });

  it('placements list every node of the inventory in inventory order, for every DaemonSet', () => {
    const report = evaluatePlacement([daemonSet('a'), daemonSet('b', { nodeSelector: { pool: 'a' } })], inventory());
    for (const placement of report.daemonSets) {
      expect(placement.placements.map((p) => p.node)).toEqual(['zeta', 'alpha', 'mid']);
    }
    expect(report.daemonSets[1].placements.map((p) => p.shouldRun)).toEqual([false, false, true]);
  });

  it('DaemonSets are listed in manifest order', () => {
    const report = evaluatePlacement([daemonSet('z'), daemonSet('a'), daemonSet('m')], inventory());
    expect(report.daemonSets.map((d) => d.name)).toEqual(['z', 'a', 'm']);
  });

  it('a namespace the manifest omits is "default"; a given one is kept', () => {
    const report = evaluatePlacement([daemonSet('a'), daemonSet('b', {}, { namespace: 'monitoring' }), daemonSet('c', {}, { namespace: '' })], inventory());
    expect(report.daemonSets.map((d) => `${d.namespace}/${d.name}`)).toEqual(['default/a', 'monitoring/b', 'default/c']);
  });

  it('other kinds are ignored', () => {
    const manifests = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: {} },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {} },
      daemonSet('agent'),
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'agent' } },
      'not an object',
      null,
      42,
    ];
    const report = evaluatePlacement(manifests, inventory());
    expect(report.daemonSets.map((d) => d.name)).toEqual(['agent']);
  });

  it('kind: List is unwrapped for manifests, also nested, in order', () => {
    const manifests = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        daemonSet('first'),
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
        { apiVersion: 'apps/v1', kind: 'DaemonSetList', items: [daemonSet('second'), daemonSet('third')] },
      ],
    };
    expect(evaluatePlacement(manifests, inventory()).daemonSets.map((d) => d.name)).toEqual(['first', 'second', 'third']);
  });

  it.each(['List', 'NodeList'])('kind: %s is unwrapped for nodes, and non-Node items are ignored', (kind) => {
    const nodes = {
      apiVersion: 'v1',
      kind,
      items: [node('b').toJSON(), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, node('a').toJSON()],
    };
    const report = evaluatePlacement([daemonSet('agent')], nodes);
    expect(report.nodes).toEqual(['b', 'a']);
    expect(only(report).placements.map((p) => p.node)).toEqual(['b', 'a']);
  });

  it('a single DaemonSet and a single Node need no array', () => {
    const report = evaluatePlacement(daemonSet('agent'), node('only'));
    expect(report.nodes).toEqual(['only']);
    expect(only(report).placements[0].shouldRun).toBe(true);
  });

  it('an empty inventory gives empty placements', () => {
    const report = evaluatePlacement([daemonSet('agent')], []);
    expect(report.nodes).toEqual([]);
    expect(only(report).placements).toEqual([]);
    expect(only(report).desiredNumberScheduled).toBe(0);
  });

  it('a Node without a name is an InputError', () => {
    const nameless = { apiVersion: 'v1', kind: 'Node', metadata: { labels: {} } };
    expect(() => evaluatePlacement([daemonSet('agent')], [node('a'), nameless])).toThrow(InputError);
    expect(() => evaluatePlacement([daemonSet('agent')], [node('a'), nameless])).toThrow(/Node #2 has no metadata.name/);
  });

  describe('errors: validateDaemonSet errors; an invalid DaemonSet is still evaluated', () => {
    it('a valid DaemonSet has no errors', () => {
      expect(only(evaluatePlacement([daemonSet('agent')], inventory())).errors).toEqual([]);
    });

    it('a DaemonSet without spec.selector reports it and is placed all the same', () => {
      const manifest: Manifest = daemonSet('agent', { nodeSelector: { pool: 'a' } });
      delete manifest.spec.selector;
      const placement = only(evaluatePlacement([manifest], inventory()));
      expect(placement.errors).toContainEqual(expect.objectContaining({ field: 'spec.selector', type: 'Required' }));
      expect(placement.placements.map((p) => [p.node, p.shouldRun])).toEqual([['zeta', false], ['alpha', false], ['mid', true]]);
      expect(placement.desiredNumberScheduled).toBe(1);
    });

    it('an invalid toleration is reported at its API path and still evaluated', () => {
      const manifest = daemonSet('agent', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', value: 'x' }] });
      const placement = only(evaluatePlacement([manifest], [node('cp').controlPlane()]));
      expect(placement.errors.map((e) => e.field)).toContain('spec.template.spec.tolerations[0].operator');
      // ToleratesTaint ignores the value for Exists.
      expect(placement.placements[0].shouldRun).toBe(true);
    });

    it('an invalid rollout is reported and the plan still resolved', () => {
      const manifest = daemonSet('agent', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } });
      const placement = only(evaluatePlacement([manifest], inventory()));
      expect(placement.errors.map((e) => e.field)).toContain('spec.updateStrategy.rollingUpdate.maxSurge');
      expect(placement.rollout).toEqual({ strategy: 'RollingUpdate', maxUnavailable: 1, maxSurge: 1, waves: 2 });
    });
  });

  it('the report survives JSON.parse(JSON.stringify(report)) unchanged', () => {
    const broken: Manifest = daemonSet('broken', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } });
    delete broken.spec.selector;
    const manifests = [
      daemonSet('agent', { containers: [{ name: 'a', image: 'busybox', resources: { requests: { cpu: '2' } }, ports: [{ containerPort: 80, hostPort: 80 }] }] }),
      daemonSet('other', { containers: [{ name: 'a', image: 'busybox', ports: [{ containerPort: 80, hostPort: 80 }] }] }, { updateStrategy: { type: 'OnDelete' } }),
      broken,
    ];
    const report = evaluatePlacement(manifests, [...inventory(), node('tiny').allocatable({ cpu: '1', pods: '10' }).notReady()]);
    expect(report.daemonSets.flatMap((d) => d.advisories).length).toBeGreaterThan(0);
    expect(report.daemonSets[2].errors.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(report))).toStrictEqual(report);
  });
});

describe('NodeBuilder: the taints Kubernetes adds', () => {
  it("node('cp-1').controlPlane(): the kubeadm >= 1.24 role label and control-plane taint", () => {
    const json: Manifest = node('cp-1').controlPlane().toJSON();
    expect(json.apiVersion).toBe('v1');
    expect(json.kind).toBe('Node');
    expect(json.metadata.name).toBe('cp-1');
    expect(json.metadata.labels['node-role.kubernetes.io/control-plane']).toBe('');
    expect(json.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  });

  it('starts as a Ready linux/amd64 node with the kubelet labels and no taints', () => {
    const json: Manifest = node('w').toJSON();
    expect(json.metadata.labels).toEqual({ 'kubernetes.io/hostname': 'w', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    expect(json.spec.taints).toBeUndefined();
    expect(json.status.conditions).toEqual([{ type: 'Ready', status: 'True' }]);
  });

  it('.labels() adds and replaces labels', () => {
    const json: Manifest = node('w').labels({ 'pool': 'a', 'kubernetes.io/os': 'windows' }).labels({ pool: 'b' }).toJSON();
    expect(json.metadata.labels).toEqual({ 'kubernetes.io/hostname': 'w', 'kubernetes.io/os': 'windows', 'kubernetes.io/arch': 'amd64', 'pool': 'b' });
  });

  it.each<[string, object]>([
    ['k=v:NoSchedule', { key: 'k', value: 'v', effect: 'NoSchedule' }],
    ['dedicated=db:NoExecute', { key: 'dedicated', value: 'db', effect: 'NoExecute' }],
    ['soft=x:PreferNoSchedule', { key: 'soft', value: 'x', effect: 'PreferNoSchedule' }],
    ['node-role.kubernetes.io/master:NoSchedule', { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
  ])(".taint('%s')", (taint, expected) => {
    expect((node('w').taint(taint).toJSON() as Manifest).spec.taints).toEqual([expected]);
  });

  it('.taint() takes an object too, and keeps the order of calls', () => {
    const json: Manifest = node('w').taint({ key: 'a', value: '1', effect: 'NoSchedule' }).taint({ key: 'b', effect: 'NoExecute' }).toJSON();
    expect(json.spec.taints).toEqual([{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', effect: 'NoExecute' }]);
  });

  it.each(['k=v', 'k=v:Sometimes', ':NoSchedule', 'k=v:noschedule'])(".taint('%s') is refused", (taint) => {
    expect(() => node('w').taint(taint)).toThrow(RangeError);
  });

  it('.cordoned(): spec.unschedulable and node.kubernetes.io/unschedulable:NoSchedule', () => {
    const json: Manifest = node('w').cordoned().toJSON();
    expect(json.spec.unschedulable).toBe(true);
    expect(json.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
  });

  it('.notReady(): Ready False and both not-ready taints, NoSchedule and NoExecute', () => {
    const json: Manifest = node('w').notReady().toJSON();
    expect(json.status.conditions).toEqual([{ type: 'Ready', status: 'False' }]);
    expect(json.spec.taints).toEqual([
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
    ]);
  });

  it('.unreachable(): Ready Unknown and both unreachable taints', () => {
    const json: Manifest = node('w').unreachable().toJSON();
    expect(json.status.conditions).toEqual([{ type: 'Ready', status: 'Unknown' }]);
    expect(json.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
  });

  it('.allocatable() fills status.capacity and status.allocatable', () => {
    const json: Manifest = node('w').allocatable({ cpu: '4', memory: '16Gi', pods: '110' }).toJSON();
    expect(json.status.allocatable).toEqual({ cpu: '4', memory: '16Gi', pods: '110' });
    expect(json.status.capacity).toEqual({ cpu: '4', memory: '16Gi', pods: '110' });
  });

  it('evaluatePlacement takes builders as they are, the same as their JSON', () => {
    const builders = [node('cp-1').controlPlane(), node('w-1').cordoned(), node('w-2').notReady()];
    const fromBuilders = evaluatePlacement([daemonSet('agent')], builders);
    const fromJson = evaluatePlacement([daemonSet('agent')], JSON.parse(JSON.stringify(builders)));
    expect(fromBuilders).toEqual(fromJson);
    expect(only(fromBuilders).placements.map((p) => [p.node, p.shouldRun, p.shouldContinueRunning])).toEqual([
      ['cp-1', false, true],
      ['w-1', true, true],
      ['w-2', false, true],
    ]);
  });
});

describe('NodeBuilder labels are data', () => {
  it('keeps a label named __proto__ as a label and changes no prototype', () => {
    const built = node('n').labels({ ['__proto__']: 'x', constructor: 'y' }).toJSON() as Manifest;
    expect(Object.getOwnPropertyDescriptor(built.metadata.labels, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(built.metadata.labels)).toBe(Object.prototype);
    const selecting = daemonSet('a', { nodeSelector: { ['__proto__']: 'x' } });
    expect(only(evaluatePlacement([selecting], [node('n').labels({ ['__proto__']: 'x' })])).desiredNumberScheduled).toBe(1);
  });
});

describe('findings (DESIGN.md 3.4): objects defined twice', () => {
  it('names each object that repeats an earlier one, of any kind, and none that differ in kind or namespace', () => {
    const agent = daemonSet('agent', {}, { namespace: 'kube-system' });
    const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'agent', namespace: 'kube-system' } };
    const elsewhere = daemonSet('agent', {}, { namespace: 'monitoring' });
    const report = evaluatePlacement([agent, config, elsewhere, structuredClone(agent), structuredClone(config)], [node('worker-1')]);

    expect(report.findings).toEqual([
      {
        code: 'DuplicateObject',
        severity: 'warning',
        objects: ['DaemonSet kube-system/agent'],
        message: 'DaemonSet kube-system/agent is defined twice: kubectl apply would apply the second over the first',
      },
      expect.objectContaining({ objects: ['ConfigMap kube-system/agent'] }),
    ]);
  });
});
