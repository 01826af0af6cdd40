/*
 * Properties of the evaluator over random DaemonSets and inventories (see ./arbitraries).
 */
import fc from 'fast-check';
import { daemonSets, inventory, labelKey, nodeByNodeCase, nodePrototype, toleration } from './arbitraries';
import { daemonSet, Manifest } from './fixtures';
import { evaluatePlacement, NodePlacement, PlacementReport } from '../../src';
import { daemonSetView } from '../../src/placement/daemon-set-view';
import { nodeView } from '../../src/placement/node-view';
import { shouldRunDaemonPod } from '../../src/placement/predicates/should-run';

const NUM_RUNS = 150;

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
  const nodeViews = nodes.map((node) => nodeView(node));
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

  it('where reasons print nodes\' own racks, serials and names, whatever text they hold: still equal to shouldRunDaemonPod on every node', () => {
    fc.assert(
      fc.property(nodeByNodeCase, ({ manifests, nodes }) => {
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
