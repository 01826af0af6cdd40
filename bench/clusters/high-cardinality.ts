/*
 * Inventories whose labels have hundreds of distinct values (racks, serial numbers, hostnames,
 * provider IDs) and DaemonSets of which about one in ten selects on such a label: `In` lists of
 * tens to hundreds of racks, `NotIn`, `Gt` over a numeric label, `matchFields` on names. Those
 * requirements cannot be evaluated once per class of nodes, only node by node, which is what
 * the benchmark's first cluster never exercises.
 *
 * A cluster is a function of its parameters and seed: `fixedCluster` always yields the same
 * one, `randomCluster(seed)` draws the parameters too, so that no code can be tuned to a single
 * inventory.
 */

/** A small deterministic PRNG (Park-Miller). */
export function random(seed: number): () => number {
  let state = (Math.abs(Math.floor(seed)) % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export interface ClusterShape {
  readonly racks: number;
  readonly generations: number;
  readonly zones: number;
  /** Share of DaemonSets that select on a high-cardinality label or on node names. */
  readonly nodeSpecificShare: number;
  /** Longest `In` / `NotIn` list of rack values. */
  readonly maxListLength: number;
  /** Share of nodes that carry a NoSchedule taint of their pool. */
  readonly taintedShare: number;
}

export interface Cluster {
  readonly name: string;
  inventoryJson(size: number): string;
  daemonSets(count: number): object[];
}

const rackName = (r: number) => `rack-${String(r).padStart(4, '0')}`;
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)];

function node(index: number, shape: ClusterShape, next: () => number): object {
  const zone = `eu-central-1${'abcdefgh'[index % shape.zones]}`;
  const rack = Math.floor(next() * shape.racks);
  const generation = 1 + Math.floor(next() * shape.generations);
  const ip = `10.${Math.floor(index / 65536) % 256}.${Math.floor(index / 256) % 256}.${index % 256}`;
  const name = `node-${index.toString(36)}-${rackName(rack)}.eu-central-1.compute.internal`;
  const arm = next() < 0.3;
  const gpu = next() < 0.05;
  const tainted = next() < shape.taintedShare;
  const instanceId = `i-0${(index * 2654435761 % 2 ** 32).toString(16).padStart(16, '0')}`;
  const taints = [
    ...(gpu ? [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }] : []),
    ...(tainted ? [{ key: 'dedicated', value: `team-${rack % 7}`, effect: next() < 0.5 ? 'NoSchedule' : 'NoExecute' }] : []),
    ...(next() < 0.01 ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-11-20T09:00:00Z' }] : []),
  ];
  const allocatable = { 'cpu': '15890m', 'ephemeral-storage': '95491281146', 'memory': '63056736Ki', 'pods': '110', ...(gpu ? { 'nvidia.com/gpu': '4' } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `${index.toString(16).padStart(8, '0')}-1d2e-4f5a-9b8c-7d6e5f4a3b2c`,
      resourceVersion: String(2_000_000 + index),
      creationTimestamp: '2026-10-01T08:00:00Z',
      annotations: { 'alpha.kubernetes.io/provided-node-ip': ip, 'node.alpha.kubernetes.io/ttl': '0' },
      labels: {
        'kubernetes.io/arch': arm ? 'arm64' : 'amd64',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/hostname': name,
        'node.kubernetes.io/instance-type': gpu ? 'g6.12xlarge' : arm ? 'm7g.4xlarge' : 'm7i.4xlarge',
        'topology.kubernetes.io/region': 'eu-central-1',
        'topology.kubernetes.io/zone': zone,
        'topology.example.com/rack': rackName(rack),
        'hardware.example.com/generation': String(generation),
        'hardware.example.com/serial': String(100_000 + ((index * 7919) % 900_000)),
        'cloud.example.com/provider-id': instanceId,
        'pool.example.com/name': gpu ? 'gpu' : tainted ? `team-${rack % 7}` : arm ? 'arm' : 'general',
        ...(gpu ? { 'nvidia.com/gpu.present': 'true' } : {}),
      },
    },
    spec: {
      providerID: `aws:///${zone}/${instanceId}`,
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      allocatable,
      capacity: { ...allocatable, cpu: '16', memory: '65536000Ki' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: [
        { names: ['registry.example.com/node-agent:2.1.0'], sizeBytes: 41_000_000 },
        { names: ['registry.example.com/log-shipper:5.0.3'], sizeBytes: 35_000_000 },
      ],
      nodeInfo: {
        architecture: arm ? 'arm64' : 'amd64',
        bootID: `b00t${index.toString(16).padStart(8, '0')}-aaaa-bbbb-cccc-0123456789ab`,
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.112-122.189.amzn2023.x86_64',
        kubeletVersion: 'v1.31.2',
        machineID: `ec2${index.toString(16).padStart(29, '0')}`,
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.6.20241031',
      },
    },
  };
}

function requiredAffinity(...terms: object[][]): object {
  const nodeSelectorTerms = terms.map((matchExpressions) => ({ matchExpressions }));
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } };
}

function rackList(next: () => number, shape: ClusterShape): string[] {
  const length = Math.max(1, Math.min(shape.racks, Math.floor(10 + next() * (shape.maxListLength - 10))));
  const start = Math.floor(next() * shape.racks);
  return Array.from({ length }, (_, i) => rackName((start + i * 3) % shape.racks));
}

/** The node-specific shapes: each depends on a label nearly every node has its own value of. */
function nodeSpecificSpec(next: () => number, shape: ClusterShape, size: number): Record<string, unknown> {
  const someNode = (i: number) => `node-${(i % Math.max(1, size)).toString(36)}`;
  switch (Math.floor(next() * 6)) {
    case 0:
      return { affinity: requiredAffinity([{ key: 'topology.example.com/rack', operator: 'In', values: rackList(next, shape) }]) };
    case 1:
      return {
        affinity: requiredAffinity(
          [{ key: 'kubernetes.io/arch', operator: 'In', values: ['amd64'] }, { key: 'topology.example.com/rack', operator: 'NotIn', values: rackList(next, shape) }],
          [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }],
        ),
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }],
      };
    case 2:
      return { affinity: requiredAffinity([{ key: 'hardware.example.com/serial', operator: 'Gt', values: [String(100_000 + Math.floor(next() * 900_000))] }]) };
    case 3:
      return {
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: [`${someNode(Math.floor(next() * 1e6))}.eu-central-1.compute.internal`] }] }],
            },
          },
        },
      };
    case 4:
      return {
        affinity: requiredAffinity([
          { key: 'cloud.example.com/provider-id', operator: 'Exists' },
          { key: 'topology.example.com/rack', operator: 'In', values: rackList(next, shape) },
          { key: 'hardware.example.com/generation', operator: 'Gt', values: [String(Math.floor(next() * shape.generations))] },
        ]),
        tolerations: [{ key: 'dedicated', operator: 'Exists' }],
      };
    default:
      return {
        affinity: requiredAffinity([{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: Array.from({ length: 20 }, (_, i) => `${someNode(i * 37)}-x`) }]),
        tolerations: [{ operator: 'Exists' }],
      };
  }
}

function generalSpec(next: () => number, shape: ClusterShape): Record<string, unknown> {
  switch (Math.floor(next() * 7)) {
    case 0:
      return { nodeSelector: { 'kubernetes.io/os': 'linux' } };
    case 1:
      return { tolerations: [{ operator: 'Exists' }], hostNetwork: true };
    case 2:
      return { nodeSelector: { 'kubernetes.io/arch': 'arm64' } };
    case 3:
      return {
        affinity: requiredAffinity([{ key: 'nvidia.com/gpu.present', operator: 'Exists' }]),
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      };
    case 4:
      return { affinity: requiredAffinity([{ key: 'hardware.example.com/generation', operator: 'Gt', values: [String(Math.floor(next() * shape.generations))] }]) };
    case 5:
      return { nodeSelector: { 'pool.example.com/name': `team-${Math.floor(next() * 7)}` }, tolerations: [{ key: 'dedicated', operator: 'Exists' }] };
    default:
      return { affinity: requiredAffinity([{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['eu-central-1a'] }]) };
  }
}

function daemonSets(count: number, shape: ClusterShape, seed: number, size: number): object[] {
  const next = random(seed * 31 + count);
  return Array.from({ length: count }, (_, i) => {
    const specific = next() < shape.nodeSpecificShare;
    const spec = specific ? nodeSpecificSpec(next, shape, size) : generalSpec(next, shape);
    const name = `${specific ? 'rack-agent' : 'agent'}-${String(i).padStart(3, '0')}`;
    const labels = { 'app.kubernetes.io/name': name };
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name, namespace: pick(next, ['kube-system', 'observability', 'security']) },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            ...spec,
            containers: [{ name, image: `registry.example.com/${name}:1.0.${i}`, resources: { requests: { cpu: '10m', memory: '16Mi' } } }],
          },
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: pick(next, ['10%', 1, '25%']) } },
      },
    };
  });
}

function cluster(name: string, shape: ClusterShape, seed: number): Cluster {
  return {
    name,
    inventoryJson: (size) => {
      const next = random(seed + size);
      const items = Array.from({ length: size }, (_, i) => node(i, shape, next));
      return JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } });
    },
    // The DaemonSets do not depend on the inventory's size, so doubling the nodes keeps them.
    daemonSets: (count) => daemonSets(count, shape, seed, 15_000),
  };
}

/** 400 racks, 12 generations, one DaemonSet in ten node-specific: the same cluster every run. */
export const fixedCluster: Cluster = cluster(
  'high-cardinality',
  { racks: 400, generations: 12, zones: 3, nodeSpecificShare: 0.1, maxListLength: 120, taintedShare: 0.1 },
  42,
);

/** A cluster whose shape is drawn from `seed` too. */
export function randomCluster(seed: number): Cluster {
  const next = random(seed);
  const shape: ClusterShape = {
    racks: 100 + Math.floor(next() * 900),
    generations: 2 + Math.floor(next() * 30),
    zones: 2 + Math.floor(next() * 5),
    nodeSpecificShare: 0.05 + next() * 0.2,
    maxListLength: 20 + Math.floor(next() * 280),
    taintedShare: next() * 0.3,
  };
  return cluster(`random (seed ${seed})`, shape, seed);
}
