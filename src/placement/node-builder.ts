
/** A taint, as `kubectl taint` writes it: `key=value:Effect` or `key:Effect`, or as an object. */
export type TaintInput = string | { readonly key: string; readonly value?: string; readonly effect: string };

const TAINT = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/;

function taintOf(input: TaintInput): { key: string; value?: string; effect: string } {
  if (typeof input !== 'string') return input.value ? { ...input } : { key: input.key, effect: input.effect };
  const match = TAINT.exec(input);
  if (!match) throw new RangeError(`taint ${JSON.stringify(input)} is not key=value:Effect or key:Effect`);
  return match[2] ? { key: match[1], value: match[2], effect: match[3] } : { key: match[1], effect: match[3] };
}

/**
 * A v1 Node declared in code, for tests: `node('gpu-1').labels({ 'nvidia.com/gpu.present': 'true' }).taint('nvidia.com/gpu=true:NoSchedule')`.
 * It starts as a Ready Linux amd64 node with the labels the kubelet sets, and serializes (through
 * `toJSON`) to the same shape as `kubectl get node -o json`, so `evaluatePlacement` takes it as is.
 */
export class NodeBuilder {
  private readonly nodeLabels: Record<string, string>;
  private readonly nodeTaints: Array<{ key: string; value?: string; effect: string }> = [];
  private readonly conditions = new Map<string, string>([['Ready', 'True']]);
  private unschedulable = false;
  private resources: Record<string, string> | undefined;

  constructor(private readonly name: string) {
    this.nodeLabels = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' };
  }

  /** Adds or replaces labels. */
  labels(labels: Record<string, string>): this {
    // Defined, not assigned: a label named `__proto__` is a label, not a prototype.
    for (const key of Object.keys(labels)) {
      Object.defineProperty(this.nodeLabels, key, { value: labels[key], enumerable: true, writable: true, configurable: true });
    }
    return this;
  }

  /** Adds a taint: `'dedicated=db:NoExecute'`, `'node-role.kubernetes.io/control-plane:NoSchedule'`. */
  taint(taint: TaintInput): this {
    this.nodeTaints.push(taintOf(taint));
    return this;
  }

  /** A control-plane node as kubeadm 1.25+ makes it: the role label and the NoSchedule taint. */
  controlPlane(): this {
    return this.labels({ 'node-role.kubernetes.io/control-plane': '' }).taint('node-role.kubernetes.io/control-plane:NoSchedule');
  }

  /** `kubernetes.io/os`: `linux` or `windows`. */
  os(os: string): this {
    return this.labels({ 'kubernetes.io/os': os });
  }

  /** `kubernetes.io/arch`: `amd64`, `arm64`, ... */
  arch(arch: string): this {
    return this.labels({ 'kubernetes.io/arch': arch });
  }

  /** `kubectl cordon`: `spec.unschedulable` and the taint the node lifecycle controller adds for it. */
  cordoned(): this {
    this.unschedulable = true;
    return this.taint('node.kubernetes.io/unschedulable:NoSchedule');
  }

  /** A NotReady node: both taints the node lifecycle controller adds, NoSchedule and NoExecute. */
  notReady(): this {
    this.conditions.set('Ready', 'False');
    return this.taint('node.kubernetes.io/not-ready:NoSchedule').taint('node.kubernetes.io/not-ready:NoExecute');
  }

  /** A node whose kubelet stopped reporting: both unreachable taints. */
  unreachable(): this {
    this.conditions.set('Ready', 'Unknown');
    return this.taint('node.kubernetes.io/unreachable:NoSchedule').taint('node.kubernetes.io/unreachable:NoExecute');
  }

  /** `status.allocatable`, e.g. `{ cpu: '4', memory: '16Gi', pods: '110' }`. */
  allocatable(resources: Record<string, string>): this {
    this.resources = { ...resources };
    return this;
  }

  /** The Node object. */
  toJSON(): { readonly [key: string]: unknown } {
    const spec: Record<string, unknown> = {};
    if (this.unschedulable) spec.unschedulable = true;
    if (this.nodeTaints.length > 0) spec.taints = this.nodeTaints.map((t) => ({ ...t }));
    const status: Record<string, unknown> = {
      conditions: [...this.conditions].map(([type, state]) => ({ type, status: state })),
    };
    if (this.resources) {
      status.capacity = { ...this.resources };
      status.allocatable = { ...this.resources };
    }
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: this.name, labels: copyOwn(this.nodeLabels) },
      spec,
      status,
    };
  }
}

function copyOwn(record: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const key of Object.keys(record)) {
    Object.defineProperty(copy, key, { value: record[key], enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Starts a Node declaration; see `NodeBuilder`. */
export function node(name: string): NodeBuilder {
  return new NodeBuilder(name);
}
