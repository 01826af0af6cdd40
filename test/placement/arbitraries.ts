/*
 * Random DaemonSets and inventories for property tests. Labels and taints come from small pools
 * so that selectors, affinity terms and tolerations often match, and nodes are drawn from a few
 * prototypes so that many nodes fall into one class (src/placement/node-classes.ts).
 */
import fc from 'fast-check';
import { daemonSet, Manifest } from './fixtures';

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

export const labelKey = fc.constantFrom(...LABEL_KEYS);
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
export const toleration = fc.record(
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

export const daemonSets = fc.array(podSpecParts, { minLength: 1, maxLength: 4 }).map((parts) => parts.map(toManifest));

const taint = fc.record(
  { key: fc.constantFrom(...TAINT_KEYS), value: fc.constantFrom(...TAINT_VALUES), effect: fc.constantFrom(...EFFECTS) },
).map((t) => (t.value === '' ? { key: t.key, effect: t.effect } : t));

interface NodePrototype {
  labels: Record<string, string>;
  taints: unknown[];
}

export const nodePrototype: fc.Arbitrary<NodePrototype> = fc.record({ labels: labelMap, taints: fc.array(taint, { maxLength: 3 }) });

/** 1-12 nodes drawn from 1-3 prototypes, each maybe with one extra label, named n-0, n-1, ... */
export const inventory = fc
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

/** Text that JSON must escape or write in several UTF-8 bytes: quotes, backslashes, control characters, lone surrogates, emoji. */
const awkwardText = fc.constantFrom('', 'q"uote', 'back\\slash', 'tab\t', 'zürich', '東京', '🚀', 'lone-\ud800', '\udc00-low', 'line\u2028sep', "it's");

/**
 * Inventories of 70-110 nodes whose rack and serial labels take more values than node classes
 * are made for, so that DaemonSets selecting on them, or on node names, are evaluated node by
 * node; values and names hold awkward text. With DaemonSets that select on them every way a
 * reason can print a node's own value: `In` lists long and short, `NotIn`, `Gt`, a nodeSelector
 * pair, `matchFields` on names, several terms, some nodes without the label, tainted nodes.
 */
export const nodeByNodeCase = fc
  .tuple(
    fc.integer({ min: 70, max: 110 }),
    fc.array(awkwardText, { minLength: 1, maxLength: 4 }),
    fc.array(nodePrototype, { minLength: 1, maxLength: 3 }),
    fc.array(fc.tuple(fc.nat(200), fc.nat(10)), { minLength: 1, maxLength: 4 }),
    fc.array(toleration, { maxLength: 2 }),
  )
  .map(([count, texts, prototypes, picks, tolerations]) => {
    const text = (i: number) => texts[i % texts.length];
    const rack = (r: number) => `rack-${r}${text(r)}`;
    const nodes = Array.from({ length: count }, (_, i) => {
      const prototype = prototypes[i % prototypes.length];
      // Every tenth node has no rack; serials are numbers, some with awkward text (not numbers then).
      const serial = i % 7 === 0 ? `${1000 + i}${text(i)}` : `${1000 + i}`;
      const labels: Record<string, string> = { ...prototype.labels, 'hardware.example.com/serial': serial };
      if (i % 10 !== 3) labels['topology.example.com/rack'] = rack(i);
      const spec = prototype.taints.length > 0 ? { taints: prototype.taints.map((t) => ({ ...(t as object) })) } : {};
      return { apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}${text(i + 1)}`, labels }, spec };
    });
    const racks = (from: number, length: number) => Array.from({ length }, (_, r) => rack((from + r) % count));
    const affinity = (...terms: object[]) => ({
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
    });
    const requirement = (key: string, operator: string, values: string[]) => ({ matchExpressions: [{ key, operator, values }] });
    const manifests = picks.flatMap(([from, length], d) => [
      daemonSet(`racks-in-${d}`, { tolerations, affinity: affinity(requirement('topology.example.com/rack', 'In', racks(from, length + 1))) }),
      daemonSet(`racks-not-in-${d}`, { affinity: affinity(requirement('topology.example.com/rack', 'NotIn', racks(from, 30 + length))) }),
      daemonSet(`serial-gt-${d}`, { tolerations, affinity: affinity(requirement('hardware.example.com/serial', 'Gt', [String(1000 + from % count)])) }),
      daemonSet(`rack-selector-${d}`, { nodeSelector: { 'topology.example.com/rack': rack(from % count) } }),
      daemonSet(`by-name-${d}`, { affinity: affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: [`node-${from % count}${text(from + 1)}`] }] }) }),
      daemonSet(`two-terms-${d}`, {
        affinity: affinity(requirement('topology.example.com/rack', 'In', racks(from, length)), requirement('hardware.example.com/serial', 'Lt', [String(1000 + length)])),
      }),
    ]);
    return { manifests, nodes };
  });
