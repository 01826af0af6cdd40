import { evaluatePlacement, renderJson } from '../../src';
import { daemonSetView } from '../../src/placement/daemon-set-view';
import { nodeView } from '../../src/placement/node-view';
import * as reasonText from '../../src/placement/predicates/reason-text';
import * as predicates from '../../src/placement/predicates/should-run';
import { shouldRunDaemonPod } from '../../src/placement/predicates/should-run';

/*
 * Labels with hundreds of values send a DaemonSet's requirements on them node by node, where
 * nodes that fail them alike share a verdict. Each node's verdict must still be the one
 * `shouldRunDaemonPod` gives that node on its own.
 */
const RACKS = 200;
const rack = (r: number) => `rack-${r}`;

function inventory(size: number): Array<Record<string, unknown>> {
  return Array.from({ length: size }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${i}`,
      labels: {
        'kubernetes.io/hostname': `node-${i}`,
        'kubernetes.io/arch': i % 3 === 0 ? 'arm64' : 'amd64',
        'example.com/rack': rack((i * 7) % RACKS),
        'example.com/serial': String(1000 + ((i * 37) % 997)),
        'example.com/generation': String(i % 5),
        ...(i % 11 === 0 ? {} : { 'example.com/provider-id': `i-${i}` }),
      },
    },
    spec: i % 4 === 0 ? { taints: [{ key: 'dedicated', value: `team-${i % 3}`, effect: i % 8 === 0 ? 'NoExecute' : 'NoSchedule' }] } : {},
  }));
}

const terms = (...expressions: object[][]) => {
  const nodeSelectorTerms = expressions.map((matchExpressions) => ({ matchExpressions }));
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } };
};
const racks = (from: number, count: number) => Array.from({ length: count }, (_, i) => rack((from + i * 3) % RACKS));

const SPECS: Array<Record<string, unknown>> = [
  { affinity: terms([{ key: 'example.com/rack', operator: 'In', values: racks(5, 60) }]) },
  {
    affinity: terms(
      [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }, { key: 'example.com/rack', operator: 'NotIn', values: racks(1, 40) }],
      [{ key: 'example.com/generation', operator: 'Gt', values: ['2'] }, { key: 'example.com/serial', operator: 'Lt', values: ['1500'] }],
    ),
  },
  { affinity: terms([{ key: 'example.com/serial', operator: 'Gt', values: ['1400'] }]), tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }] },
  {
    nodeSelector: { 'example.com/rack': rack(14) },
    affinity: terms([{ key: 'example.com/provider-id', operator: 'Exists' }, { key: 'example.com/rack', operator: 'In', values: racks(0, 120) }]),
  },
  { affinity: terms([{ key: 'example.com/provider-id', operator: 'DoesNotExist' }], [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-3', 'node-400'] }]) },
  { nodeSelector: { 'kubernetes.io/arch': 'amd64' }, tolerations: [{ operator: 'Exists' }] },
  {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'example.com/rack', operator: 'In', values: racks(2, 80) }], matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-7'] }] },
            { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-9'] }] },
          ],
        },
      },
    },
    tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }],
  },
  { nodeName: 'node-10', affinity: terms([{ key: 'example.com/serial', operator: 'Gt', values: ['1200'] }]) },
  // More listed values of a label every node has its own value of than are compared node by node: found through the column's index.
  { affinity: terms([{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: Array.from({ length: 70 }, (_, i) => `node-${i * 17}`) }]) },
  { nodeSelector: { 'kubernetes.io/hostname': 'node-44' }, tolerations: [{ operator: 'Exists' }] },
];

function manifests(): object[] {
  return SPECS.map((spec, d) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: `agent-${d}`, namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: `agent-${d}` } },
      template: { metadata: { labels: { app: `agent-${d}` } }, spec: { ...spec, containers: [{ name: 'agent', image: 'agent:1' }] } },
    },
  }));
}

describe('requirements on high-cardinality labels, node by node', () => {
  const nodes = inventory(1200);
  const daemonSets = manifests();
  const report = evaluatePlacement(daemonSets, nodes);

  test.each(SPECS.map((_, d) => d))('DaemonSet %i has each node\'s own verdict', (d) => {
    const view = daemonSetView(daemonSets[d] as never);
    const expected = nodes.map((node) => {
      const verdict = shouldRunDaemonPod(view, nodeView(node as never));
      const { shouldRun, shouldContinueRunning, reasons } = verdict;
      return { node: (node.metadata as { name: string }).name, shouldRun, shouldContinueRunning, reasons };
    });
    expect(report.daemonSets[d].placements).toEqual(expected);
  });

  test('the JSON rendering is JSON.stringify of the report', () => {
    expect(renderJson(report)).toBe(JSON.stringify(report));
  });

  test('the inventory has the variety the node-by-node path needs', () => {
    const placements = report.daemonSets.flatMap((daemonSet) => daemonSet.placements);
    expect(placements.some((p) => p.shouldRun)).toBe(true);
    expect(new Set(placements.flatMap((p) => p.reasons.map((r) => r.message))).size).toBeGreaterThan(300);
  });

  test('evaluates each pattern of failing checks once, and puts a node\'s values into its reasons only when they are read', () => {
    const evaluations = jest.spyOn(predicates, 'shouldRunDaemonPod');
    const fits = jest.spyOn(predicates, 'fitReasonTexts');
    const messages = jest.spyOn(reasonText, 'messageOf');
    try {
      const fresh = evaluatePlacement(daemonSets, nodes);
      const fitsWhileEvaluating = fits.mock.calls.length;
      const messagesWhileEvaluating = messages.mock.calls.length;
      const running = fresh.daemonSets.reduce((count, daemonSet) => count + daemonSet.desiredNumberScheduled, 0);
      const notRunning = nodes.length * daemonSets.length - running;
      // A few hundred patterns of failing checks against thousands of nodes that do not run a daemon.
      expect(evaluations).not.toHaveBeenCalled();
      expect(fitsWhileEvaluating).toBeLessThan(notRunning / 10);
      expect(messagesWhileEvaluating).toBeLessThan(notRunning / 10);
      expect(JSON.stringify(fresh)).toBe(JSON.stringify(report));
      // Read, the reasons are the patterns' texts with each node's values: nothing is evaluated again.
      expect(evaluations).not.toHaveBeenCalled();
      expect(fits.mock.calls.length).toBe(fitsWhileEvaluating);
      expect(messages.mock.calls.length).toBeGreaterThan(notRunning / 2);
    } finally {
      evaluations.mockRestore();
      fits.mockRestore();
      messages.mockRestore();
    }
  });
});
