/*
 * Properties of the evaluator over random DaemonSets and inventories. Labels and taints come from
 * small pools so that selectors, affinity terms and tolerations often match, and nodes are drawn
 * from a few prototypes so that many nodes fall into one class (src/placement/node-classes.ts).
 */
import fc from 'fast-check';
import { daemonSet, Manifest } from './fixtures';
import { evaluatePlacement, NodePlacement, PlacementReport } from '../../src';
import { daemonSetView } from '../../src/placement/daemon-set-view';
import { nodeView } from '../../src/placement/node-view';
import { shouldRunDaemonPod } from '../../src/placement/predicates/should-run';

const NUM_RUNS = 150;

const LABEL_KEYS = ['kubernetes.io/os', 'pool', 'gpu', 'cores', 'example.com/tier', 'constructor'];
const LABEL_VALUES = ['', 'linux', 'windows', 'a', 'b', '1', '4', '10', 'x y'];
const NODE_NAMES = ['n-0', 'n-1', 'n-2', 'n-3', 'n-4', 'n-5', 'n-6', 'n-7', 'n-8', 'n-9', 'n-10', 'n-11'];
const TAINT_KEYS = [
  'dedicated',
  'gpu',
  'node-role.kubernetes.io/control-plane',
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/unschedulable',
  'node.kubernetes.io/network-unavailable',
  'node.kubernetes.io/memory-pressure',
];
const TAINT_VALUES = ['', 'db', 'true'];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

const labelKey = fc.constantFrom(...LABEL_KEYS);
const labelValue = fc.constantFrom(...LABEL_VALUES);

/** Label pairs as an object with own properties (Object.fromEntries: `constructor` stays a plain key). */
const labelMap = fc.array(fc.tuple(labelKey, labelValue), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs));

/** Any operator with 0-2 values: most parse, some (In without values, Exists with values, Gt 'a') make the term invalid. */
const matchExpression = fc.record(
  {
    key: labelKey,
    operator: fc.constantFrom(...OPERATORS),
    values: fc.array(fc.constantFrom('1', '4', '10', 'linux', 'a', 'b', ''), { maxLength: 2 }),
  },
  { requiredKeys: ['key', 'operator'] },
);

const matchField = fc.record({
  key: fc.constant('metadata.name'),
  operator: fc.constantFrom('In', 'NotIn', 'In', 'NotIn', 'Exists'),
  values: fc.array(fc.constantFrom(...NODE_NAMES.slice(0, 6)), { minLength: 1, maxLength: 2 }),
});

const term = fc.record(
  {
    matchExpressions: fc.array(matchExpression, { maxLength: 3 }),
    matchFields: fc.array(matchField, { maxLength: 1 }),
  },
  { requiredKeys: [] },
);

const effectOrNone = fc.option(fc.constantFrom(...EFFECTS, ''), { nil: undefined });
const toleration = fc.record(
  {
    key: fc.constantFrom(...TAINT_KEYS, ''),
    operator: fc.constantFrom('Exists', 'Equal', ''),
    value: fc.constantFrom(...TAINT_VALUES),
    effect: effectOrNone,
  },
  { requiredKeys: [] },
);

interface PodSpecParts {
  nodeSelector?: Record<string, string>;
  terms?: unknown[];
  preferred: boolean;
  tolerations: unknown[];
  hostNetwork: boolean;
  nodeName?: string;
}

const podSpecParts: fc.Arbitrary<PodSpecParts> = fc.record(
  {
    nodeSelector: labelMap.map((m) => Object.fromEntries(Object.entries(m).slice(0, 2))),
    terms: fc.array(term, { maxLength: 3 }),
    preferred: fc.boolean(),
    tolerations: fc.array(toleration, { maxLength: 4 }),
    hostNetwork: fc.boolean(),
    nodeName: fc.constantFrom(...NODE_NAMES.slice(0, 4)),
  },
  { requiredKeys: ['preferred', 'tolerations', 'hostNetwork'] },
);

function toManifest(parts: PodSpecParts, index: number): Manifest {
  const podSpec: Record<string, unknown> = { tolerations: parts.tolerations, hostNetwork: parts.hostNetwork };
  if (parts.nodeSelector) podSpec.nodeSelector = parts.nodeSelector;
  // A template nodeName is rare in practice: keep it to a few DaemonSets.
  if (parts.nodeName && index % 3 === 2) podSpec.nodeName = parts.nodeName;
  const nodeAffinity: Record<string, unknown> = {};
  if (parts.terms) nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: parts.terms };
  if (parts.preferred) {
    nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = [
      { weight: 10, preference: { matchExpressions: [{ key: 'pool', operator: 'In', values: ['a'] }] } },
    ];
  }
  if (Object.keys(nodeAffinity).length > 0) podSpec.affinity = { nodeAffinity };
  return daemonSet(`ds-${index}`, podSpec);
}

const daemonSets = fc.array(podSpecParts, { minLength: 1, maxLength: 4 }).map((parts) => parts.map(toManifest));

const taint = fc.record(
  { key: fc.constantFrom(...TAINT_KEYS), value: fc.constantFrom(...TAINT_VALUES), effect: fc.constantFrom(...EFFECTS) },
).map((t) => (t.value === '' ? { key: t.key, effect: t.effect } : t));

interface NodePrototype {
  labels: Record<string, string>;
  taints: unknown[];
}

const nodePrototype: fc.Arbitrary<NodePrototype> = fc.record({ labels: labelMap, taints: fc.array(taint, { maxLength: 3 }) });

/** 1-12 nodes drawn from 1-3 prototypes, each maybe with one extra label, named n-0, n-1, ... */
const inventory = fc
  .tuple(
    fc.array(nodePrototype, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(2), fc.option(fc.tuple(labelKey, labelValue), { nil: undefined })), { minLength: 1, maxLength: NODE_NAMES.length }),
  )
  .map(([prototypes, picks]) =>
    picks.map(([p, extra], i) => {
      const prototype = prototypes[p % prototypes.length];
      const labels = extra ? { ...prototype.labels, ...Object.fromEntries([extra]) } : { ...prototype.labels };
      const spec = prototype.taints.length > 0 ? { taints: prototype.taints.map((t) => ({ ...(t as object) })) } : {};
      return { apiVersion: 'v1', kind: 'Node', metadata: { name: NODE_NAMES[i], labels }, spec };
    }),
  );

/** A verdict without the node name, for comparing by name. */
function verdictOf(placement: NodePlacement) {
  return { shouldRun: placement.shouldRun, shouldContinueRunning: placement.shouldContinueRunning, reasons: placement.reasons };
}

/** Per DaemonSet name, per node name: the verdict. */
function verdictsByName(report: PlacementReport): Map<string, Map<string, ReturnType<typeof verdictOf>>> {
  return new Map(report.daemonSets.map((d) => [d.name, new Map(d.placements.map((p) => [p.node, verdictOf(p)]))]));
}

function expectSameVerdicts(a: PlacementReport, b: PlacementReport): void {
  const left = verdictsByName(a);
  const right = verdictsByName(b);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  for (const [name, byNode] of left) {
    const other = right.get(name)!;
    expect([...other.keys()].sort()).toEqual([...byNode.keys()].sort());
    for (const [nodeName, v] of byNode) {
      const w = other.get(nodeName)!;
      expect({ ds: name, node: nodeName, ...w, codes: w.reasons.map((r) => r.code) })
        .toEqual({ ds: name, node: nodeName, ...v, codes: v.reasons.map((r) => r.code) });
    }
  }
}

/** evaluatePlacement agrees with shouldRunDaemonPod computed directly for every DaemonSet and node. */
function expectSameAsPerNode(manifests: Manifest[], nodes: Manifest[]): void {
  const report = evaluatePlacement(manifests, nodes);
  const nodeViews = nodes.map(nodeView);
  manifests.forEach((manifest, d) => {
    const view = daemonSetView(manifest);
    const placements = report.daemonSets[d].placements;
    nodeViews.forEach((n, i) => {
      const direct = shouldRunDaemonPod(view, n);
      const expected = { shouldRun: direct.shouldRun, shouldContinueRunning: direct.shouldContinueRunning, reasons: direct.reasons };
      expect({ ds: d, node: n.name, ...verdictOf(placements[i]) }).toEqual({ ds: d, node: n.name, ...expected });
    });
  });
}

/** A permutation of `length` indices from random sort keys. */
function permutation(keys: readonly number[], length: number): number[] {
  return Array.from({ length }, (_, i) => i).sort((x, y) => (keys[x % keys.length] ?? 0) - (keys[y % keys.length] ?? 0) || x - y);
}

const sortKeys = fc.array(fc.integer(), { minLength: 12, maxLength: 12 });

describe('properties of evaluatePlacement (NodeShouldRunDaemonPod per node)', () => {
  it('never throws on schema-valid DaemonSets and inventories, and lists every node for every DaemonSet', () => {
    fc.assert(
      fc.property(daemonSets, inventory, (manifests, nodes) => {
        const report = evaluatePlacement(manifests, nodes);
        expect(report.nodes).toEqual(nodes.map((n) => n.metadata.name));
        for (const d of report.daemonSets) {
          expect(d.placements.map((p) => p.node)).toEqual(report.nodes);
          expect(d.desiredNumberScheduled).toBe(d.placements.filter((p) => p.shouldRun).length);
          for (const p of d.placements) {
            // No reason exactly when the pod runs; a running pod continues unless the name, the
            // selector or the affinity fail, or a NoExecute taint is untolerated.
            expect(p.shouldRun).toBe(p.reasons.length === 0);
            const evicting = p.reasons.some((r) => r.code !== 'UntoleratedTaint' || r.message.endsWith(':NoExecute is not tolerated'));
            expect(p.shouldContinueRunning).toBe(!evicting);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the verdict per (DaemonSet, node) does not depend on the order of the nodes', () => {
    fc.assert(
      fc.property(daemonSets, inventory, sortKeys, (manifests, nodes, keys) => {
        const shuffled = permutation(keys, nodes.length).map((i) => nodes[i]);
        expectSameVerdicts(evaluatePlacement(manifests, nodes), evaluatePlacement(manifests, shuffled));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the verdict per (DaemonSet, node) does not depend on the order of the tolerations', () => {
    fc.assert(
      fc.property(daemonSets, inventory, sortKeys, (manifests, nodes, keys) => {
        const shuffled = manifests.map((m: Manifest) => {
          const copy = structuredClone(m);
          const tolerations = copy.spec.template.spec.tolerations as unknown[];
          copy.spec.template.spec.tolerations = permutation(keys, tolerations.length).map((i) => tolerations[i]);
          return copy;
        });
        expectSameVerdicts(evaluatePlacement(manifests, nodes), evaluatePlacement(shuffled, nodes));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('grouping nodes into classes does not change verdicts: evaluatePlacement equals shouldRunDaemonPod on every node', () => {
    fc.assert(
      fc.property(daemonSets, inventory, (manifests, nodes) => {
        expectSameAsPerNode(manifests, nodes);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with a label that has a value per node (kubernetes.io/hostname): still equal to shouldRunDaemonPod on every node', () => {
    // kubernetes.io/hostname has as many values as there are nodes: DaemonSets selecting on it are
    // evaluated node by node, the others by class, and both must agree with the per-node rule.
    const bigInventory = fc
      .tuple(
        fc.integer({ min: 65, max: 140 }),
        fc.array(nodePrototype, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      )
      .map(([count, prototypes, picks]) => Array.from({ length: count }, (_, i) => {
        const prototype = prototypes[picks[i % picks.length] % prototypes.length];
        const name = `host-${i}`;
        return {
          kind: 'Node',
          metadata: { name, labels: { ...prototype.labels, 'kubernetes.io/hostname': name } },
          spec: { taints: prototype.taints },
        };
      }));
    // In pins to a few nodes (the split's slow path); NotIn keeps off a few (its fast path), beside
    // another requirement of the same term that the node classes decide.
    const hostnameTerm = fc.tuple(fc.array(fc.nat(139), { minLength: 1, maxLength: 3 }), fc.constantFrom('In', 'NotIn'), fc.boolean())
      .map(([hosts, operator, withOs]) => ({
        matchExpressions: [
          { key: 'kubernetes.io/hostname', operator, values: hosts.map((h) => `host-${h}`) },
          ...(withOs ? [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] : []),
        ],
      }));
    const mixed = fc.tuple(daemonSets, fc.array(fc.tuple(hostnameTerm, fc.array(toleration, { maxLength: 3 })), { minLength: 1, maxLength: 2 }))
      .map(([others, hostnamed]) => [
        ...others,
        ...hostnamed.map(([t, tolerations], i) => daemonSet(`by-hostname-${i}`, {
          tolerations,
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [t] } } },
        })),
      ]);
    fc.assert(
      fc.property(mixed, bigInventory, (manifests, nodes) => {
        expectSameAsPerNode(manifests, nodes);
      }),
      { numRuns: 25 },
    );
  });

  it('many identical nodes and one that differs only in a selected label: each gets its own verdict', () => {
    // A fixed case of the property above, where a shared class would give the odd node the wrong answer.
    fc.assert(
      fc.property(labelKey, fc.constantFrom('a', 'b'), fc.nat(10), (key, value, position) => {
        const nodes = Array.from({ length: 11 }, (_, i) => ({
          kind: 'Node',
          metadata: { name: `n-${i}`, labels: Object.fromEntries([[key, i === position ? value : 'other']]) },
        }));
        const report = evaluatePlacement([daemonSet('agent', { nodeSelector: Object.fromEntries([[key, value]]) })], nodes);
        expect(report.daemonSets[0].placements.map((p) => p.shouldRun)).toEqual(nodes.map((_, i) => i === position));
      }),
      { numRuns: 30 },
    );
  });
});
