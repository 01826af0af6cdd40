import { daemonSet, Manifest, only, placedNodes, placementOn, withRequiredTerms } from './fixtures';
import { evaluatePlacement, node, NodeBuilder } from '../../src';

const LINUX = { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] };
const ARM64 = { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] };
const GPU = { key: 'gpu', operator: 'Exists' };

/** linux-amd64, linux-arm64, windows-amd64, windows-arm64 with a gpu label. */
const INVENTORY: NodeBuilder[] = [
  node('linux-amd64'),
  node('linux-arm64').arch('arm64'),
  node('windows-amd64').os('windows'),
  node('windows-arm64-gpu').os('windows').arch('arm64').labels({ gpu: 'true' }),
];

function placed(manifest: Manifest, nodes: readonly NodeBuilder[] = INVENTORY): string[] {
  return placedNodes(evaluatePlacement([manifest], nodes));
}

describe('nodeaffinity.LazyErrorNodeSelector.Match (k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go)', () => {
  describe('terms are ORed, expressions inside a term are ANDed', () => {
    it.each<[string, unknown[], string[]]>([
      ['one term, one expression', [{ matchExpressions: [LINUX] }], ['linux-amd64', 'linux-arm64']],
      ['one term, two expressions (AND)', [{ matchExpressions: [LINUX, ARM64] }], ['linux-arm64']],
      ['two terms (OR)', [{ matchExpressions: [LINUX] }, { matchExpressions: [ARM64] }],
        ['linux-amd64', 'linux-arm64', 'windows-arm64-gpu']],
      ['an AND term ORed with another', [{ matchExpressions: [LINUX, ARM64] }, { matchExpressions: [GPU] }],
        ['linux-arm64', 'windows-arm64-gpu']],
      ['a term that matches nothing beside one that matches', [{ matchExpressions: [{ key: 'nope', operator: 'Exists' }] }, { matchExpressions: [GPU] }],
        ['windows-arm64-gpu']],
    ])('%s', (_, terms, expected) => {
      expect(placed(withRequiredTerms('agent', terms))).toEqual(expected);
    });
  });

  describe('an empty term matches no node', () => {
    it.each<[string, unknown]>([
      ['{}', {}],
      ['empty lists', { matchExpressions: [], matchFields: [] }],
      ['null lists', { matchExpressions: null, matchFields: null }],
    ])('%s as the only term: no node at all', (_, term) => {
      const report = evaluatePlacement([withRequiredTerms('agent', [term])], INVENTORY);
      expect(only(report).desiredNumberScheduled).toBe(0);
      expect(only(report).placements[0]).toEqual({
        node: 'linux-amd64',
        shouldRun: false,
        shouldContinueRunning: false,
        reasons: [{ code: 'NodeAffinityMismatch', message: 'required node affinity: an empty term matches no node' }],
      });
    });

    it('beside another term, only the other term decides', () => {
      expect(placed(withRequiredTerms('agent', [{}, { matchExpressions: [ARM64] }]))).toEqual(['linux-arm64', 'windows-arm64-gpu']);
    });

    it('no term at all: no node', () => {
      const report = evaluatePlacement([withRequiredTerms('agent', [])], INVENTORY);
      expect(only(report).placements.every((p) => !p.shouldRun && !p.shouldContinueRunning)).toBe(true);
      expect(only(report).placements[0].reasons).toEqual([
        { code: 'NodeAffinityMismatch', message: 'required node affinity: no node selector term, so no node matches' },
      ]);
    });
  });

  describe('matchFields: metadata.name with In / NotIn and exactly one value (nodeSelectorRequirementsAsFieldSelector)', () => {
    it.each<[string, unknown, string[]]>([
      ['In', { key: 'metadata.name', operator: 'In', values: ['linux-arm64'] }, ['linux-arm64']],
      ['NotIn', { key: 'metadata.name', operator: 'NotIn', values: ['linux-arm64'] },
        ['linux-amd64', 'windows-amd64', 'windows-arm64-gpu']],
      ['In a node that is not in the inventory', { key: 'metadata.name', operator: 'In', values: ['elsewhere'] }, []],
    ])('%s', (_, requirement, expected) => {
      expect(placed(withRequiredTerms('agent', [{ matchFields: [requirement] }]))).toEqual(expected);
    });

    it.each<[string, unknown]>([
      ['In with two values', { key: 'metadata.name', operator: 'In', values: ['linux-amd64', 'linux-arm64'] }],
      ['NotIn with two values', { key: 'metadata.name', operator: 'NotIn', values: ['x', 'y'] }],
      ['In without values', { key: 'metadata.name', operator: 'In' }],
      ['Exists', { key: 'metadata.name', operator: 'Exists' }],
      ['Gt', { key: 'metadata.name', operator: 'Gt', values: ['1'] }],
    ])('%s: the term is invalid and matches no node, while another term still can', (_, requirement) => {
      const report = evaluatePlacement([withRequiredTerms('agent', [{ matchFields: [requirement] }, { matchExpressions: [GPU] }])], INVENTORY);
      expect(placedNodes(report)).toEqual(['windows-arm64-gpu']);
      expect(placementOn(report, 'linux-amd64').reasons[0].message).toContain('the term matches no node');
    });

    it('two matchFields in one term are ANDed', () => {
      const term = {
        matchFields: [
          { key: 'metadata.name', operator: 'NotIn', values: ['linux-amd64'] },
          { key: 'metadata.name', operator: 'NotIn', values: ['windows-amd64'] },
        ],
      };
      expect(placed(withRequiredTerms('agent', [term]))).toEqual(['linux-arm64', 'windows-arm64-gpu']);
    });

    it('matchExpressions and matchFields in one term are ANDed', () => {
      const term = { matchExpressions: [LINUX], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['linux-arm64'] }] };
      expect(placed(withRequiredTerms('agent', [term]))).toEqual(['linux-arm64']);
      const windowsOnly = { matchExpressions: [LINUX], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['windows-amd64'] }] };
      expect(placed(withRequiredTerms('agent', [windowsOnly]))).toEqual([]);
    });

    it('nodes that look alike are still told apart by name', () => {
      const twins = ['twin-1', 'twin-2', 'twin-3'].map((name) => node(name));
      const manifest = withRequiredTerms('agent', [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['twin-2'] }] }]);
      expect(placed(manifest, twins)).toEqual(['twin-2']);
    });
  });

  describe('preferred node affinity never changes placement', () => {
    const preferred = [
      { weight: 100, preference: { matchExpressions: [{ key: 'nope', operator: 'Exists' }] } },
      { weight: 1, preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['linux-amd64'] }] } },
    ];

    it('alone: every node', () => {
      const manifest = daemonSet('agent', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: preferred } } });
      expect(placed(manifest)).toEqual(['linux-amd64', 'linux-arm64', 'windows-amd64', 'windows-arm64-gpu']);
    });

    it('beside required affinity: only the required part counts', () => {
      const manifest = daemonSet('agent', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [ARM64] }] },
            preferredDuringSchedulingIgnoredDuringExecution: preferred,
          },
        },
      });
      expect(placed(manifest)).toEqual(['linux-arm64', 'windows-arm64-gpu']);
    });

    it('pod (anti-)affinity does not change placement either', () => {
      const manifest = daemonSet('agent', {
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'agent' } }, topologyKey: 'kubernetes.io/hostname' }],
          },
        },
      });
      expect(placed(manifest)).toHaveLength(4);
    });

    it('an affinity without requiredDuringScheduling selects every node', () => {
      for (const affinity of [{}, { nodeAffinity: {} }, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: null } }]) {
        expect(placed(daemonSet('agent', { affinity }))).toHaveLength(4);
      }
    });
  });

  describe('reasons: NodeAffinityMismatch names the expression and the node value, or absent', () => {
    const windows = node('win').os('windows');
    it.each<[string, unknown[], NodeBuilder, string]>([
      ['In, other value', [{ matchExpressions: [LINUX] }], windows,
        "required node affinity: kubernetes.io/os In [linux] fails (node: 'windows')"],
      ['In with several values', [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux', 'darwin'] }] }], windows,
        "required node affinity: kubernetes.io/os In [linux,darwin] fails (node: 'windows')"],
      ['NotIn', [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows'] }] }], windows,
        "required node affinity: kubernetes.io/os NotIn [windows] fails (node: 'windows')"],
      ['Exists, absent', [{ matchExpressions: [GPU] }], windows, 'required node affinity: gpu Exists fails (absent)'],
      ['DoesNotExist, present', [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'DoesNotExist' }] }], windows,
        "required node affinity: kubernetes.io/os DoesNotExist fails (node: 'windows')"],
      ['Gt', [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }], node('small').labels({ cores: '2' }),
        "required node affinity: cores Gt 4 fails (node: '2')"],
      ['Lt, absent', [{ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }], windows,
        'required node affinity: cores Lt 4 fails (absent)'],
      ['the first failing expression of a term', [{ matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }, LINUX, GPU] }], windows,
        "required node affinity: kubernetes.io/os In [linux] fails (node: 'windows')"],
      ['matchFields', [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['other'] }] }], windows,
        "required node affinity: metadata.name In [other] fails (node: 'win')"],
      ['several terms: each term named', [{ matchExpressions: [LINUX] }, { matchExpressions: [GPU] }], windows,
        "required node affinity: none of 2 terms match (kubernetes.io/os In [linux] fails (node: 'windows') | gpu Exists fails (absent))"],
    ])('%s', (_, terms, nodeObject, message) => {
      const placement = only(evaluatePlacement([withRequiredTerms('agent', terms)], [nodeObject])).placements[0];
      expect(placement).toEqual({ node: placement.node, shouldRun: false, shouldContinueRunning: false, reasons: [{ code: 'NodeAffinityMismatch', message }] });
    });
  });
});
