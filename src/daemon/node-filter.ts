import { MAX_NEGATED_TERMS, negatedTerms } from './filter-negation';
import { enumMember, madeBy, quoted, rememberTerms } from './filter-sources';
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

/** `NodeFilter.labelIn('pool', 'a')`: a factory call as the user writes it. */
function call(factory: string, args: readonly string[]): string {
  return `NodeFilter.${factory}(${args.join(', ')})`;
}

function gpuOptions(options: GpuNodeOptions): string[] {
  const given = Object.entries({ label: options.label, taintKey: options.taintKey }).filter(([, value]) => value !== undefined);
  return given.length > 0 ? [`{ ${given.map(([key, value]) => `${key}: ${quoted(String(value))}`).join(', ')} }`] : [];
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
    return NodeFilter.label(call('labelEquals', [quoted(key), quoted(value)]), key, 'In', [value]);
  }

  /** Nodes whose label `key` is one of `values`. */
  static labelIn(key: string, ...values: string[]): NodeFilter {
    return NodeFilter.label(call('labelIn', [key, ...values].map(quoted)), key, 'In', values);
  }

  /** Nodes without the label `key`, or with a value not in `values`. */
  static labelNotIn(key: string, ...values: string[]): NodeFilter {
    return NodeFilter.label(call('labelNotIn', [key, ...values].map(quoted)), key, 'NotIn', values);
  }

  /** Nodes that carry the label `key`, whatever its value. */
  static labelExists(key: string): NodeFilter {
    return NodeFilter.label(call('labelExists', [quoted(key)]), key, 'Exists');
  }

  /** Nodes without the label `key`. */
  static labelDoesNotExist(key: string): NodeFilter {
    return NodeFilter.label(call('labelDoesNotExist', [quoted(key)]), key, 'DoesNotExist');
  }

  /** Nodes whose label `key` is an integer greater than `value`. */
  static labelGreaterThan(key: string, value: number): NodeFilter {
    return NodeFilter.label(call('labelGreaterThan', [quoted(key), String(value)]), key, 'Gt', [String(value)]);
  }

  /** Nodes whose label `key` is an integer less than `value`. */
  static labelLessThan(key: string, value: number): NodeFilter {
    return NodeFilter.label(call('labelLessThan', [quoted(key), String(value)]), key, 'Lt', [String(value)]);
  }

  /** Nodes of one operating system (`kubernetes.io/os`). */
  static os(os: OperatingSystem): NodeFilter {
    return NodeFilter.label(call('os', [enumMember('OperatingSystem', OperatingSystem, os)]), 'kubernetes.io/os', 'In', [os]);
  }

  /** Linux nodes: keep Linux images off Windows nodes. */
  static linux(): NodeFilter {
    return NodeFilter.label(call('linux', []), 'kubernetes.io/os', 'In', [OperatingSystem.LINUX]);
  }

  /** Windows nodes. */
  static windows(): NodeFilter {
    return NodeFilter.label(call('windows', []), 'kubernetes.io/os', 'In', [OperatingSystem.WINDOWS]);
  }

  /** Nodes of these CPU architectures (`kubernetes.io/arch`: amd64, arm64, ...). */
  static architecture(...architectures: string[]): NodeFilter {
    return NodeFilter.label(call('architecture', architectures.map(quoted)), 'kubernetes.io/arch', 'In', architectures);
  }

  /** Nodes of these instance types (`node.kubernetes.io/instance-type`). */
  static instanceTypes(...instanceTypes: string[]): NodeFilter {
    return NodeFilter.label(call('instanceTypes', instanceTypes.map(quoted)), 'node.kubernetes.io/instance-type', 'In', instanceTypes);
  }

  /** Nodes of these pools, named by the provider's pool label (see `NodePoolLabel`). */
  static nodePool(poolLabel: string, ...pools: string[]): NodeFilter {
    const description = call('nodePool', [enumMember('NodePoolLabel', NodePoolLabel, poolLabel), ...pools.map(quoted)]);
    return NodeFilter.label(description, poolLabel, 'In', pools);
  }

  /** GPU nodes: the GPU label is present, and the GPU taint is tolerated. */
  static gpu(options: GpuNodeOptions = {}): NodeFilter {
    const description = call('gpu', gpuOptions(options));
    const filter = NodeFilter.label(description, options.label ?? 'nvidia.com/gpu.present', 'Exists');
    const toleration = madeBy(Toleration.exists(options.taintKey ?? 'nvidia.com/gpu'), description);
    return new NodeFilter(description, filter.terms, [toleration]);
  }

  /**
   * These nodes, by name. A node field selector takes one name per term, so each name becomes a
   * term of its own.
   */
  static named(...nodeNames: string[]): NodeFilter {
    const description = call('named', nodeNames.map(quoted));
    const terms = (nodeNames.length > 0 ? nodeNames : ['']).map((name) => ({
      matchExpressions: [],
      matchFields: [madeBy({ key: NODE_NAME_FIELD, operator: 'In' as const, values: name ? [name] : [] }, description)],
    }));
    return new NodeFilter(description, terms, []);
  }

  /** Every node but these, by name. */
  static notNamed(...nodeNames: string[]): NodeFilter {
    const description = call('notNamed', nodeNames.map(quoted));
    const matchFields = nodeNames.map((name) => madeBy({ key: NODE_NAME_FIELD, operator: 'NotIn' as const, values: [name] }, description));
    return new NodeFilter(description, [{ matchExpressions: [], matchFields }], []);
  }

  /** Nodes that every filter selects. */
  static allOf(first: NodeFilter, ...rest: NodeFilter[]): NodeFilter {
    return first.and(...rest).describedAs(call('allOf', [first, ...rest].map(String)));
  }

  /** Nodes that any one of the filters selects. */
  static anyOf(first: NodeFilter, ...rest: NodeFilter[]): NodeFilter {
    return first.or(...rest).describedAs(call('anyOf', [first, ...rest].map(String)));
  }

  /**
   * Every node: one term without requirements, to AND the negations of other filters onto. Not a
   * filter to use as it is, since the API server reads an empty term as matching no node.
   * @internal
   */
  static _everyNode(description: string): NodeFilter {
    return new NodeFilter(description, [{ matchExpressions: [], matchFields: [] }], []);
  }

  private static label(description: string, key: string, operator: NodeSelectorRequirement['operator'], values?: string[]): NodeFilter {
    const requirement: NodeSelectorRequirement = values === undefined ? { key, operator } : { key, operator, values };
    return new NodeFilter(description, [{ matchExpressions: [madeBy(requirement, description)], matchFields: [] }], []);
  }

  private constructor(
    /** The filter as the user wrote it, for error messages. */
    private readonly description: string,
    private readonly terms: readonly Term[],
    private readonly requiredTolerations: readonly Toleration[],
  ) {
    rememberTerms(this, terms);
  }

  /** Nodes that this filter and every one of `others` select. */
  and(...others: NodeFilter[]): NodeFilter {
    let terms = this.terms;
    for (const right of others) {
      // (a OR b) AND (c OR d) = (a AND c) OR (a AND d) OR (b AND c) OR (b AND d)
      terms = terms.flatMap((l) =>
        right.terms.map((r) => ({
          matchExpressions: [...l.matchExpressions, ...r.matchExpressions],
          matchFields: [...l.matchFields, ...r.matchFields],
        })),
      );
    }
    return new NodeFilter(
      `${this.description}.and(${others.map(String).join(', ')})`,
      terms,
      [this, ...others].flatMap((f) => f.requiredTolerations),
    );
  }

  /** Nodes that this filter or any one of `others` selects. */
  or(...others: NodeFilter[]): NodeFilter {
    return new NodeFilter(
      `${this.description}.or(${others.map(String).join(', ')})`,
      [this, ...others].flatMap((f) => f.terms),
      [this, ...others].flatMap((f) => f.requiredTolerations),
    );
  }

  /** The tolerations the selected nodes need, e.g. the GPU taint. */
  get tolerations(): Toleration[] {
    return [...this.requiredTolerations];
  }

  /**
   * The filter as it was written, e.g. `NodeFilter.linux().and(NodeFilter.labelEquals('pool', 'a'))`:
   * error messages name a filter this way.
   */
  toString(): string {
    return this.description;
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

  /**
   * Why node affinity cannot select exactly the nodes this filter does not, or undefined when it can.
   * @internal
   */
  _negationProblem(): string | undefined {
    const negation = negatedTerms(this.terms);
    return typeof negation === 'string' ? negation : undefined;
  }

  /**
   * The nodes this filter selects and none of `excluded` does, with this filter's tolerations only:
   * how a variant family keeps each node to one variant.
   * @throws RangeError naming the filter of `excluded` that node affinity cannot negate exactly
   * @internal
   */
  _excluding(excluded: readonly NodeFilter[], description: string): NodeFilter {
    let terms = this.terms;
    for (const filter of excluded) {
      const negation = negatedTerms(filter.terms);
      if (typeof negation === 'string') throw new RangeError(`${filter.description} cannot be excluded from other variants' nodes: ${negation}`);
      terms = terms.flatMap((term) =>
        negation.map((requirements) => ({
          matchExpressions: [...term.matchExpressions, ...requirements.map((requirement) => madeBy(requirement, `excluding ${filter.description}`))],
          matchFields: term.matchFields,
        })),
      );
      if (terms.length > MAX_NEGATED_TERMS) {
        throw new RangeError(`${description} takes more than ${MAX_NEGATED_TERMS} node selector terms: give the variants' filters fewer terms`);
      }
    }
    return new NodeFilter(description, terms, this.requiredTolerations);
  }

  /** The same nodes, described as the call that combined them. */
  private describedAs(description: string): NodeFilter {
    return new NodeFilter(description, this.terms, this.requiredTolerations);
  }
}
