import { daemonSet, Manifest, only, rawNode, verdict } from './fixtures';
import { evaluatePlacement, node, PlacementReason } from '../../src';

type Labels = ReadonlyArray<readonly [string, string]>;

/** A DaemonSet whose nodeSelector holds exactly `pairs` as own properties (any key, `__proto__` included). */
function selecting(pairs: Labels): Manifest {
  return daemonSet('agent', { nodeSelector: Object.fromEntries(pairs) });
}

describe('nodeaffinity.GetRequiredNodeAffinity: the nodeSelector half, labels.SelectorFromSet (k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go)', () => {
  it.each<[string, Labels, Labels, readonly PlacementReason[]]>([
    ['a matching label', [['disktype', 'ssd']], [['disktype', 'ssd']], []],
    ['a missing label', [['disktype', 'ssd']], [],
      [{ code: 'NodeSelectorMismatch', message: 'nodeSelector disktype=ssd not matched (absent)' }]],
    ['another value', [['disktype', 'ssd']], [['disktype', 'hdd']],
      [{ code: 'NodeSelectorMismatch', message: "nodeSelector disktype=ssd not matched (node: 'hdd')" }]],
    ['a value that differs only in case', [['disktype', 'ssd']], [['disktype', 'SSD']],
      [{ code: 'NodeSelectorMismatch', message: "nodeSelector disktype=ssd not matched (node: 'SSD')" }]],
    ['an empty value, label present and empty', [['node-role.kubernetes.io/worker', '']], [['node-role.kubernetes.io/worker', '']], []],
    ['an empty value, label absent: the label must be present', [['node-role.kubernetes.io/worker', '']], [],
      [{ code: 'NodeSelectorMismatch', message: 'nodeSelector node-role.kubernetes.io/worker= not matched (absent)' }]],
    ['an empty value, label with another value', [['node-role.kubernetes.io/worker', '']], [['node-role.kubernetes.io/worker', 'true']],
      [{ code: 'NodeSelectorMismatch', message: "nodeSelector node-role.kubernetes.io/worker= not matched (node: 'true')" }]],
    ['several pairs, all present', [['kubernetes.io/os', 'linux'], ['kubernetes.io/arch', 'arm64']],
      [['kubernetes.io/os', 'linux'], ['kubernetes.io/arch', 'arm64'], ['zone', 'a']], []],
    ['several pairs, one missing', [['kubernetes.io/os', 'linux'], ['kubernetes.io/arch', 'arm64']], [['kubernetes.io/os', 'linux']],
      [{ code: 'NodeSelectorMismatch', message: 'nodeSelector kubernetes.io/arch=arm64 not matched (absent)' }]],
    ['several pairs, every one wrong: each is a reason', [['kubernetes.io/os', 'linux'], ['kubernetes.io/arch', 'arm64']],
      [['kubernetes.io/os', 'windows']],
      [
        { code: 'NodeSelectorMismatch', message: "nodeSelector kubernetes.io/os=linux not matched (node: 'windows')" },
        { code: 'NodeSelectorMismatch', message: 'nodeSelector kubernetes.io/arch=arm64 not matched (absent)' },
      ]],
    ['an empty nodeSelector', [], [], []],
  ])('%s', (_, selector, labels, reasons) => {
    const placement = verdict(selecting(selector), rawNode('n', labels));
    expect(placement.reasons).toEqual(reasons);
    expect(placement.shouldRun).toBe(reasons.length === 0);
    // A selector mismatch removes a running pod too.
    expect(placement.shouldContinueRunning).toBe(reasons.length === 0);
  });

  describe('a label key named like an Object.prototype member is just a label', () => {
    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('%s: absent on the node → mismatch', (key) => {
      // A node with no labels at all: nothing may be found on the prototype chain.
      for (const value of ['', 'x']) {
        const placement = verdict(selecting([[key, value]]), rawNode('n', []));
        expect(placement.shouldRun).toBe(false);
        expect(placement.reasons).toEqual([
          { code: 'NodeSelectorMismatch', message: `nodeSelector ${key}=${value} not matched (absent)` },
        ]);
      }
    });

    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('%s: present with the value → match', (key) => {
      expect(verdict(selecting([[key, 'x']]), rawNode('n', [[key, 'x']])).shouldRun).toBe(true);
      expect(verdict(selecting([[key, '']]), rawNode('n', [[key, '']])).shouldRun).toBe(true);
    });

    it.each(['constructor', '__proto__', 'toString'])('%s: present with another value → mismatch naming it', (key) => {
      expect(verdict(selecting([[key, 'x']]), rawNode('n', [[key, 'y']])).reasons).toEqual([
        { code: 'NodeSelectorMismatch', message: `nodeSelector ${key}=x not matched (node: 'y')` },
      ]);
    });

    it('a __proto__ nodeSelector from parsed JSON does not turn into a prototype', () => {
      const manifest = JSON.parse(JSON.stringify(daemonSet('agent')).replace('"containers"', '"nodeSelector":{"__proto__":"x"},"containers"'));
      const report = evaluatePlacement([manifest], [rawNode('with', [['__proto__', 'x']]), rawNode('without')]);
      expect(only(report).placements.map((p) => p.shouldRun)).toEqual([true, false]);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });

  it('does not validate keys or values: SelectorFromSet compares them as they are', () => {
    // labels.SelectorFromSet builds Equals requirements without validation, so an odd key still selects.
    expect(verdict(selecting([['not a valid key!', 'a b']]), rawNode('n', [['not a valid key!', 'a b']])).shouldRun).toBe(true);
  });

  it('is ANDed with required node affinity: both must hold, and both reasons are listed', () => {
    const manifest = daemonSet('agent', {
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] }],
          },
        },
      },
    });
    const report = evaluatePlacement([manifest], [
      node('linux-arm').arch('arm64'),
      node('linux-amd'),
      node('win-arm').os('windows').arch('arm64'),
      node('win-amd').os('windows'),
    ]);
    expect(only(report).placements.map((p) => [p.node, p.shouldRun, p.reasons.map((r) => r.code)])).toEqual([
      ['linux-arm', true, []],
      ['linux-amd', false, ['NodeAffinityMismatch']],
      ['win-arm', false, ['NodeSelectorMismatch']],
      ['win-amd', false, ['NodeSelectorMismatch', 'NodeAffinityMismatch']],
    ]);
  });

  it('node labels that are not selected on do not matter', () => {
    const report = evaluatePlacement([selecting([['pool', 'a']])], [
      node('a-1').labels({ pool: 'a', zone: 'x' }),
      node('a-2').labels({ pool: 'a', zone: 'y', extra: 'z' }),
      node('b-1').labels({ pool: 'b', zone: 'x' }),
    ]);
    expect(only(report).placements.map((p) => p.shouldRun)).toEqual([true, true, false]);
  });
});

describe('a node label with a null value (Go decodes it into map[string]string as "")', () => {
  const nullLabelled = () => {
    const raw = rawNode('cp-1');
    raw.metadata.labels['node-role.kubernetes.io/control-plane'] = null;
    return raw;
  };

  it('is present with the empty value for a nodeSelector', () => {
    expect(verdict(daemonSet('a', { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } }), nullLabelled()).shouldRun).toBe(true);
  });

  it('exists for required node affinity', () => {
    const exists = { matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] };
    const manifest = daemonSet('a', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [exists] } } } });
    expect(verdict(manifest, nullLabelled()).shouldRun).toBe(true);
  });
});
