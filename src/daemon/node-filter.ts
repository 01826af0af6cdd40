import { NodeSelectorRequirement, NodeSelectorTerm } from './kubernetes-types';
import { Toleration } from './toleration';

/** The `kubernetes.io/os` values the kubelet reports. */
export enum OperatingSystem {
  LINUX = 'linux',
  WINDOWS = 'windows',
}

/** Well-known node labels that name a node pool, by provider. */
export enum NodePoolLabel {
  /** Google Kubernetes Engine node pools. */
  GKE = 'cloud.google.com/gke-nodepool',
  /** Amazon EKS managed node groups. */
  EKS = 'eks.amazonaws.com/nodegroup',
  /** Azure Kubernetes Service agent pools. */
  AKS = 'kubernetes.azure.com/agentpool',
  /** Karpenter node pools. */
  KARPENTER = 'karpenter.sh/nodepool',
}

/** Options of the GPU node filter. */
export interface GpuNodeOptions {
  /**
   * A label that only GPU nodes carry. NVIDIA GPU feature discovery sets
   * `nvidia.com/gpu.present`; GKE sets `cloud.google.com/gke-accelerator`.
   * @default 'nvidia.com/gpu.present'
   */
  readonly label?: string;
  /**
   * The taint that keeps other pods off GPU nodes, tolerated with any value and effect
   * (EKS uses `nvidia.com/gpu=true`, GKE `nvidia.com/gpu=present`).
   * @default 'nvidia.com/gpu'
   */
  readonly taintKey?: string;
}

const NODE_NAME_FIELD = 'metadata.name';

/** Each manifest gets its own copy: a filter shared by several daemons must not share arrays. */
function copyRequirement(requirement: NodeSelectorRequirement): NodeSelectorRequirement {
  return requirement.values ? { ...requirement, values: [...requirement.values] } : { ...requirement };
}

interface Term {
  readonly matchExpressions: readonly NodeSelectorRequirement[];
  readonly matchFields: readonly NodeSelectorRequirement[];
}

/**
 * Which nodes a daemon runs on.
 *
 * A filter compiles to required node affinity: a list of node selector terms, any one of which
 * must match (OR), each a list of label requirements that must all hold (AND). Combine filters
 * with `and` / `allOf` (every filter must match) and `or` / `anyOf` (one is enough). Some
 * filters carry the tolerations their nodes need: `NodeFilter.gpu()` selects GPU nodes and
 * tolerates the `nvidia.com/gpu` taint that keeps other pods off them.
 *
 * @see https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#node-affinity
 */
export class NodeFilter {
  /** Nodes whose label `key` is `value`. */
  static labelEquals(key: string, value: string): NodeFilter {
    return NodeFilter.label(key, 'In', [value]);
  }

  /** Nodes whose label `key` is one of `values`. */
  static labelIn(key: string, ...values: string[]): NodeFilter {
    return NodeFilter.label(key, 'In', values);
  }

  /** Nodes without the label `key`, or with a value not in `values`. */
  static labelNotIn(key: string, ...values: string[]): NodeFilter {
    return NodeFilter.label(key, 'NotIn', values);
  }

  /** Nodes that carry the label `key`, whatever its value. */
  static labelExists(key: string): NodeFilter {
    return NodeFilter.label(key, 'Exists');
  }

  /** Nodes without the label `key`. */
  static labelDoesNotExist(key: string): NodeFilter {
    return NodeFilter.label(key, 'DoesNotExist');
  }

  /** Nodes whose label `key` is an integer greater than `value`. */
  static labelGreaterThan(key: string, value: number): NodeFilter {
    return NodeFilter.label(key, 'Gt', [String(value)]);
  }

  /** Nodes whose label `key` is an integer less than `value`. */
  static labelLessThan(key: string, value: number): NodeFilter {
    return NodeFilter.label(key, 'Lt', [String(value)]);
  }

  /** Nodes of one operating system (`kubernetes.io/os`). */
  static os(os: OperatingSystem): NodeFilter {
    return NodeFilter.labelEquals('kubernetes.io/os', os);
  }

  /** Linux nodes: keep Linux images off Windows nodes. */
  static linux(): NodeFilter {
    return NodeFilter.os(OperatingSystem.LINUX);
  }

  /** Windows nodes. */
  static windows(): NodeFilter {
    return NodeFilter.os(OperatingSystem.WINDOWS);
  }

  /** Nodes of these CPU architectures (`kubernetes.io/arch`: amd64, arm64, ...). */
  static architecture(...architectures: string[]): NodeFilter {
    return NodeFilter.labelIn('kubernetes.io/arch', ...architectures);
  }

  /** Nodes of these instance types (`node.kubernetes.io/instance-type`). */
  static instanceTypes(...instanceTypes: string[]): NodeFilter {
    return NodeFilter.labelIn('node.kubernetes.io/instance-type', ...instanceTypes);
  }

  /** Nodes of these pools, named by the provider's pool label (see `NodePoolLabel`). */
  static nodePool(poolLabel: NodePoolLabel | string, ...pools: string[]): NodeFilter {
    return NodeFilter.labelIn(poolLabel, ...pools);
  }

  /** GPU nodes: the GPU label is present, and the GPU taint is tolerated. */
  static gpu(options: GpuNodeOptions = {}): NodeFilter {
    const filter = NodeFilter.labelExists(options.label ?? 'nvidia.com/gpu.present');
    return new NodeFilter(filter.terms, [Toleration.exists(options.taintKey ?? 'nvidia.com/gpu')]);
  }

  /**
   * These nodes, by name. A node field selector takes one name per term, so each name becomes a
   * term of its own.
   */
  static named(...nodeNames: string[]): NodeFilter {
    const terms = (nodeNames.length > 0 ? nodeNames : ['']).map((name) => ({
      matchExpressions: [],
      matchFields: [{ key: NODE_NAME_FIELD, operator: 'In' as const, values: name ? [name] : [] }],
    }));
    return new NodeFilter(terms, []);
  }

  /** Every node but these, by name. */
  static notNamed(...nodeNames: string[]): NodeFilter {
    const matchFields = nodeNames.map((name) => ({ key: NODE_NAME_FIELD, operator: 'NotIn' as const, values: [name] }));
    return new NodeFilter([{ matchExpressions: [], matchFields }], []);
  }

  /** Nodes that every filter selects. */
  static allOf(first: NodeFilter, ...rest: NodeFilter[]): NodeFilter {
    return rest.reduce((combined, next) => combined.and(next), first);
  }

  /** Nodes that any one of the filters selects. */
  static anyOf(first: NodeFilter, ...rest: NodeFilter[]): NodeFilter {
    return rest.reduce((combined, next) => combined.or(next), first);
  }

  private static label(key: string, operator: NodeSelectorRequirement['operator'], values?: string[]): NodeFilter {
    const requirement: NodeSelectorRequirement = values === undefined ? { key, operator } : { key, operator, values };
    return new NodeFilter([{ matchExpressions: [requirement], matchFields: [] }], []);
  }

  private constructor(
    private readonly terms: readonly Term[],
    private readonly requiredTolerations: readonly Toleration[],
  ) {}

  /** Nodes that this filter and every one of `others` select. */
  and(...others: NodeFilter[]): NodeFilter {
    return others.reduce<NodeFilter>((left, right) => {
      // (a OR b) AND (c OR d) = (a AND c) OR (a AND d) OR (b AND c) OR (b AND d)
      const terms = left.terms.flatMap((l) =>
        right.terms.map((r) => ({
          matchExpressions: [...l.matchExpressions, ...r.matchExpressions],
          matchFields: [...l.matchFields, ...r.matchFields],
        })),
      );
      return new NodeFilter(terms, [...left.requiredTolerations, ...right.requiredTolerations]);
    }, this);
  }

  /** Nodes that this filter or any one of `others` selects. */
  or(...others: NodeFilter[]): NodeFilter {
    return new NodeFilter(
      [this, ...others].flatMap((f) => f.terms),
      [this, ...others].flatMap((f) => f.requiredTolerations),
    );
  }

  /** The tolerations the selected nodes need, e.g. the GPU taint. */
  get tolerations(): Toleration[] {
    return [...this.requiredTolerations];
  }

  /** The node selector terms, ORed, as they appear under `nodeSelectorTerms`. */
  toNodeSelectorTerms(): NodeSelectorTerm[] {
    return this.terms.map((term) => {
      const json: NodeSelectorTerm = {};
      if (term.matchExpressions.length > 0) json.matchExpressions = term.matchExpressions.map(copyRequirement);
      if (term.matchFields.length > 0) json.matchFields = term.matchFields.map(copyRequirement);
      return json;
    });
  }
}
