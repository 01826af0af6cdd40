import { DaemonProps } from '../daemon/daemon-props';
import { HostPathMount } from '../daemon/host-paths';
import { ResourceRequirements } from '../daemon/kubernetes-types';
import { NodeFilter } from '../daemon/node-filter';
import { Toleration } from '../daemon/toleration';

/** What a variant changes in the family's props. Everything else is the family's. */
export interface VariantOverrides {
  /**
   * The variant's image, e.g. a build for Windows.
   * @default - the family's `image`
   */
  readonly image?: string;
  /**
   * The agent's arguments on these nodes.
   * @default - the family's `args`
   */
  readonly args?: string[];
  /**
   * Environment variables on these nodes, on top of the family's `env` (a name in both takes this value).
   * @default - the family's `env`
   */
  readonly env?: Record<string, string>;
  /**
   * Requests and limits on these nodes, e.g. more memory on big nodes.
   * @default - the family's `resources`
   */
  readonly resources?: ResourceRequirements;
  /**
   * Tolerations on top of the family's `tolerations` and those the variant's `nodes` bring.
   * @default - none more
   */
  readonly tolerations?: Toleration[];
  /**
   * Host paths on top of the family's `hostPaths` (a path in both takes this mount).
   * @default - none more
   */
  readonly hostPaths?: Record<string, HostPathMount>;
}

/** One hardware variant of a family: the nodes it takes, and what it changes there. */
export interface DaemonVariant extends VariantOverrides {
  /**
   * The variant's name, a DNS label (`gpu`, `windows`). Its DaemonSet is named
   * `<family>-<variant>`, and its pods carry it in the `everynode.io/variant` label, which its
   * selector includes: adding or removing another variant never changes its selector.
   * `default` is the family's default variant's name.
   */
  readonly name: string;
  /**
   * The nodes the variant runs on, less those an earlier variant takes: of two variants that
   * select a node, the one declared first runs there. Filters of variants that later variants or
   * the default must exclude can use `In`, `NotIn`, `Exists` and `DoesNotExist`, which node
   * affinity negates exactly; `Gt`, `Lt` and node names are refused there.
   */
  readonly nodes: NodeFilter;
}

/**
 * One logical daemon as a family of DaemonSets, one per kind of node (the Kubernetes
 * documentation's "several DaemonSets for one kind of daemon, with different flags and different
 * memory and CPU requests per hardware type"), that runs exactly once on every node it covers.
 */
export interface DaemonVariantsProps extends DaemonProps {
  /**
   * The variants, in order of precedence: a node that the filters of several select runs the
   * first of them only.
   */
  readonly variants: DaemonVariant[];
  /**
   * The variant for every node no other variant takes, named `default`. Without it, nodes that no
   * variant selects run no pod of the family.
   * @default - no default variant
   */
  readonly defaultVariant?: VariantOverrides;
}
