/*
 * Synthetic inventories and DaemonSets for the benchmark: nodes shaped like
 * `kubectl get nodes -o json` output of a large multi-pool cloud cluster (about 3 KB each), and
 * DaemonSets that mix the selectors, affinities and tolerations real agents use.
 * Deterministic: the same size always yields the same cluster.
 */

/** A small deterministic PRNG (Park-Miller), so every run benchmarks the same cluster. */
function random(seed: number): () => number {
  let state = (seed % 2147483646) + 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

interface Pool {
  readonly name: string;
  readonly instanceType: string;
  readonly arch: 'amd64' | 'arm64';
  readonly os: 'linux' | 'windows';
  readonly cpu: number;
  readonly memoryGi: number;
  readonly capacityType: 'ON_DEMAND' | 'SPOT';
  readonly gpu?: boolean;
  readonly taints?: ReadonlyArray<{ key: string; value?: string; effect: string }>;
}

const POOLS: Pool[] = [
  { name: 'general', instanceType: 'm6i.2xlarge', arch: 'amd64', os: 'linux', cpu: 8, memoryGi: 32, capacityType: 'ON_DEMAND' },
  { name: 'general-spot', instanceType: 'm5.2xlarge', arch: 'amd64', os: 'linux', cpu: 8, memoryGi: 32, capacityType: 'SPOT' },
  { name: 'compute', instanceType: 'c6i.4xlarge', arch: 'amd64', os: 'linux', cpu: 16, memoryGi: 32, capacityType: 'ON_DEMAND' },
  { name: 'graviton', instanceType: 'm7g.2xlarge', arch: 'arm64', os: 'linux', cpu: 8, memoryGi: 32, capacityType: 'ON_DEMAND' },
  { name: 'memory', instanceType: 'r6i.4xlarge', arch: 'amd64', os: 'linux', cpu: 16, memoryGi: 128, capacityType: 'ON_DEMAND' },
  {
    name: 'gpu',
    instanceType: 'g5.4xlarge',
    arch: 'amd64',
    os: 'linux',
    cpu: 16,
    memoryGi: 64,
    capacityType: 'ON_DEMAND',
    gpu: true,
    taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
  },
  {
    name: 'db',
    instanceType: 'i4i.4xlarge',
    arch: 'amd64',
    os: 'linux',
    cpu: 16,
    memoryGi: 128,
    capacityType: 'ON_DEMAND',
    taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }],
  },
  {
    name: 'windows',
    instanceType: 'm6i.2xlarge',
    arch: 'amd64',
    os: 'windows',
    cpu: 8,
    memoryGi: 32,
    capacityType: 'ON_DEMAND',
    taints: [{ key: 'os', value: 'windows', effect: 'NoSchedule' }],
  },
];
const POOL_WEIGHTS = [30, 15, 15, 12, 10, 6, 6, 6];
const ZONES = ['us-west-2a', 'us-west-2b', 'us-west-2c'];
const IMAGES = [
  ['602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3', 'amazon-k8s-cni:v1.18.3', 40_000_000],
  ['public.ecr.aws/eks-distro/kubernetes/kube-proxy:v1.30.0-eks-1-30-8', 'kube-proxy:v1.30.0', 30_000_000],
  ['cr.fluentbit.io/fluent/fluent-bit:3.2.0', 'fluent-bit:3.2.0', 35_000_000],
  ['quay.io/prometheus/node-exporter:v1.8.2', 'node-exporter:v1.8.2', 12_000_000],
];

function pickPool(next: () => number): Pool {
  const total = POOL_WEIGHTS.reduce((a, b) => a + b, 0);
  let roll = next() * total;
  for (let i = 0; i < POOLS.length; i++) {
    roll -= POOL_WEIGHTS[i];
    if (roll < 0) return POOLS[i];
  }
  return POOLS[0];
}

function condition(type: string, status: string, reason: string, message: string) {
  return {
    type,
    status,
    lastHeartbeatTime: '2026-11-20T10:15:30Z',
    lastTransitionTime: '2026-11-01T08:00:00Z',
    reason,
    message,
  };
}

/** One node as `kubectl get node -o json` prints it. */
function syntheticNode(index: number, next: () => number): object {
  const pool = pickPool(next);
  const zone = ZONES[index % ZONES.length];
  const ip = `10.${Math.floor(index / 65536) % 256}.${Math.floor(index / 256) % 256}.${index % 256}`;
  const name = pool.os === 'windows' ? `win-${index}` : `ip-${ip.replace(/\./g, '-')}.us-west-2.compute.internal`;
  const cordoned = next() < 0.01;
  const notReady = next() < 0.01;
  const taints = [
    ...(pool.taints ?? []),
    ...(cordoned ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-11-20T09:00:00Z' }] : []),
    ...(notReady
      ? [
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule', timeAdded: '2026-11-20T09:00:00Z' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: '2026-11-20T09:00:05Z' },
      ]
      : []),
  ];
  const allocatable = {
    'cpu': `${pool.cpu * 1000 - 90}m`,
    'ephemeral-storage': '95491281146',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    'memory': `${pool.memoryGi * 1024 * 1024 - 700_000}Ki`,
    'pods': '110',
    ...(pool.gpu ? { 'nvidia.com/gpu': '1' } : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `6f1c${index.toString(16).padStart(8, '0')}-1d2e-4f5a-9b8c-7d6e5f4a3b2c`,
      resourceVersion: String(1_000_000 + index),
      creationTimestamp: '2026-11-01T08:00:00Z',
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': ip,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      labels: {
        'beta.kubernetes.io/arch': pool.arch,
        'beta.kubernetes.io/instance-type': pool.instanceType,
        'beta.kubernetes.io/os': pool.os,
        'eks.amazonaws.com/capacityType': pool.capacityType,
        'eks.amazonaws.com/nodegroup': pool.name,
        'eks.amazonaws.com/nodegroup-image': 'ami-0a1b2c3d4e5f67890',
        'failure-domain.beta.kubernetes.io/region': 'us-west-2',
        'failure-domain.beta.kubernetes.io/zone': zone,
        'k8s.io/cloud-provider-aws': '5c8f2a3b4d6e7f8091a2b3c4d5e6f708',
        'kubernetes.io/arch': pool.arch,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': pool.os,
        'node.kubernetes.io/instance-type': pool.instanceType,
        'topology.ebs.csi.aws.com/zone': zone,
        'topology.k8s.aws/zone-id': `usw2-az${(index % 3) + 1}`,
        'topology.kubernetes.io/region': 'us-west-2',
        'topology.kubernetes.io/zone': zone,
        ...(pool.gpu ? { 'nvidia.com/gpu.present': 'true', 'nvidia.com/gpu.product': 'NVIDIA-A10G' } : {}),
      },
    },
    spec: {
      providerID: `aws:///${zone}/i-0${index.toString(16).padStart(16, '0')}`,
      ...(cordoned ? { unschedulable: true } : {}),
      ...(taints.length > 0 ? { taints } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: `ip-${ip.replace(/\./g, '-')}.us-west-2.compute.internal` },
        { type: 'Hostname', address: name },
      ],
      allocatable,
      capacity: { ...allocatable, cpu: String(pool.cpu), memory: `${pool.memoryGi * 1024 * 1024}Ki`, pods: '110' },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        notReady
          ? condition('Ready', 'False', 'KubeletNotReady', 'container runtime network not ready')
          : condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: IMAGES.map(([full, short, size]) => ({ names: [full, short], sizeBytes: size })),
      nodeInfo: {
        architecture: pool.arch,
        bootID: `b00t${index.toString(16).padStart(8, '0')}-aaaa-bbbb-cccc-0123456789ab`,
        containerRuntimeVersion: 'containerd://1.7.22',
        kernelVersion: '6.1.112-122.189.amzn2023.x86_64',
        kubeProxyVersion: 'v1.30.4-eks-a737599',
        kubeletVersion: 'v1.30.4-eks-a737599',
        machineID: `ec2${index.toString(16).padStart(29, '0')}`,
        operatingSystem: pool.os,
        osImage: pool.os === 'windows' ? 'Windows Server 2022 Datacenter' : 'Amazon Linux 2023.6.20241031',
        systemUUID: `ec2${index.toString(16).padStart(5, '0')}-1111-2222-3333-444455556666`,
      },
    },
  };
}

/** The text of `kubectl get nodes -o json` for a cluster of `size` nodes. */
export function syntheticInventoryJson(size: number): string {
  const next = random(size);
  const items = Array.from({ length: size }, (_, i) => syntheticNode(i, next));
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } });
}

/** Variant families among the synthetic DaemonSets, of three variants each. */
export const FAMILIES = 10;

const GPU_PRESENT = { key: 'nvidia.com/gpu.present', operator: 'Exists' };
const NO_GPU = { key: 'nvidia.com/gpu.present', operator: 'DoesNotExist' };

/**
 * One node daemon as three DaemonSets, as a user writes them by hand: gpu on GPU nodes, windows
 * on Windows nodes without a GPU, default on every other node. Most tolerate every taint and run
 * exactly once per node. The last two tolerate only their pools' taints, as real agents often
 * do: the gpu and windows variants then miss their NotReady nodes, which the default keeps off,
 * and the last family's default misses the db pool and every NotReady node. So the check also
 * reports gaps over hundreds of nodes, as on a real cluster.
 */
function familyDaemonSets(family: number): Array<Record<string, unknown>> {
  const name = `family-${String(family).padStart(2, '0')}`;
  const namespace = family % 2 === 0 ? 'kube-system' : 'observability';
  const narrow = family >= FAMILIES - 2;
  const variants: Array<[string, object[], object[]]> = [
    ['gpu', [GPU_PRESENT], narrow ? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] : [{ operator: 'Exists' }]],
    ['windows', [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }, NO_GPU], narrow ? [{ key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' }] : [{ operator: 'Exists' }]],
    ['default', [NO_GPU, { key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows'] }], family === FAMILIES - 1 ? [] : [{ operator: 'Exists' }]],
  ];
  return variants.map(([variant, expressions, tolerations]) => {
    const labels = { 'app.kubernetes.io/name': `${name}-${variant}`, 'everynode.io/family': name, 'everynode.io/variant': variant };
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: `${name}-${variant}`, namespace, labels },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': labels['app.kubernetes.io/name'], 'everynode.io/variant': variant } },
        template: {
          metadata: { labels },
          spec: {
            affinity: {
              nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: expressions }] } },
            },
            tolerations,
            containers: [{
              name: 'agent',
              image: `registry.example.com/${name}:1.0`,
              resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '64Mi' } },
            }],
          },
        },
      },
    };
  });
}

/**
 * A mix of 100 DaemonSets as platform teams run them: single agents of many shapes, and
 * `FAMILIES` variant families of three DaemonSets each.
 */
export function syntheticDaemonSets(count = 100): object[] {
  const families = Array.from({ length: FAMILIES }, (_, f) => familyDaemonSets(f)).flat();
  // The seed of the 100 DaemonSets before the families came: the agents keep their shapes.
  return [...agentDaemonSets(count - families.length, count * 7), ...families];
}

/** DaemonSets of one agent each, in the shapes real agents use. */
function agentDaemonSets(count: number, seed: number): object[] {
  const next = random(seed);
  const shapes: Array<(i: number) => Record<string, unknown>> = [
    () => ({ nodeSelector: { 'kubernetes.io/os': 'linux' } }),
    () => ({ nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }], hostNetwork: true }),
    () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'eks.amazonaws.com/capacityType', operator: 'NotIn', values: ['SPOT'] }, { key: 'kubernetes.io/arch', operator: 'In', values: ['amd64', 'arm64'] }] },
            ],
          },
        },
      },
    }),
    () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }] },
              { matchExpressions: [{ key: 'node.kubernetes.io/instance-type', operator: 'In', values: ['g5.4xlarge', 'p4d.24xlarge'] }] },
            ],
          },
        },
      },
      tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    }),
    () => ({ nodeSelector: { 'kubernetes.io/os': 'windows' }, tolerations: [{ key: 'os', operator: 'Equal', value: 'windows', effect: 'NoSchedule' }] }),
    (i) => ({
      nodeSelector: { 'eks.amazonaws.com/nodegroup': POOLS[i % POOLS.length].name },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoExecute', tolerationSeconds: 300 }],
    }),
    () => ({
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
      ],
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-west-2a', 'us-west-2b'] }] },
            ],
          },
        },
      },
    }),
    () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }, { key: 'eks.amazonaws.com/compute-type', operator: 'DoesNotExist' }] },
            ],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] }] } }],
        },
      },
    }),
  ];
  // Two agents depend on node names, which no two nodes share: one keeps off a node by its
  // hostname label, one by a field selector on metadata.name.
  const byName: Array<(i: number) => Record<string, unknown>> = [
    () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['ip-10-0-0-7.us-west-2.compute.internal'] }] },
            ],
          },
        },
      },
    }),
    () => ({
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['ip-10-0-0-9.us-west-2.compute.internal'] }] },
            ],
          },
        },
      },
    }),
  ];
  return Array.from({ length: count }, (_, i) => {
    const byNameIndex = i - (count - byName.length);
    const shape = byNameIndex >= 0 ? byName[byNameIndex](i) : shapes[Math.floor(next() * shapes.length)](i);
    const name = `agent-${String(i).padStart(3, '0')}`;
    const labels = { 'app.kubernetes.io/name': name };
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name, namespace: i % 2 === 0 ? 'kube-system' : 'observability' },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            ...shape,
            containers: [{
              name,
              image: `registry.example.com/${name}:1.0.${i}`,
              resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '64Mi' } },
            }],
          },
        },
        updateStrategy: next() < 0.5 ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } } : undefined,
      },
    };
  });
}
