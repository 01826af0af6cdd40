import { DaemonSetPlacement, NodePlacement, PlacementReport, RolloutPlan } from '../report';

/**
 * How a cell reads: the pod runs, stays without a new one, or is absent; a static pod runs on a
 * node of its own (`staticRuns`) or is not for the node (`notStatic`), never for a reason.
 */
export const MARKS = { runs: '✔', stays: '◐', absent: '✘', staticRuns: '◆', notStatic: '·' } as const;

/** When to fold nodes with the same verdicts into one row. */
export type NodeGrouping = 'auto' | 'always' | 'never';

/** Options of the rendered matrix. */
export interface MatrixOptions {
  /**
   * Fold nodes that get the same verdict from every DaemonSet into one row.
   * @default 'auto' (folds above 30 nodes)
   */
  readonly groupNodes?: NodeGrouping;
}

/** One DaemonSet column, or a static pod's. */
export interface MatrixColumn {
  /** `A`, `B`, ... `AA`: the column header. */
  readonly label: string;
  /** `namespace/name`. */
  readonly id: string;
  /** A static pod's column: its cells are `MARKS.staticRuns` or `MARKS.notStatic`. */
  readonly static: boolean;
  readonly desiredNumberScheduled: number;
  readonly rollout: string;
  readonly advisories: number;
  readonly errors: number;
}

/** One row: a node, or a group of nodes with the same verdicts. */
export interface MatrixRow {
  readonly nodes: readonly string[];
  readonly cells: readonly string[];
}

/** The report as a DaemonSets-by-nodes matrix with numbered reasons. */
export interface PlacementMatrix {
  readonly columns: readonly MatrixColumn[];
  readonly rows: readonly MatrixRow[];
  /** Reason texts; a cell's numbers refer to them (1-based). */
  readonly reasons: readonly string[];
  readonly grouped: boolean;
  readonly nodeCount: number;
}

const AUTO_GROUP_ABOVE = 30;

function columnLabel(index: number): string {
  let label = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  return label;
}

/** `RollingUpdate: maxUnavailable 1, maxSurge 0, 3 waves`, `OnDelete`, or a static pod's. */
export function describeRollout(rollout: RolloutPlan): string {
  if (rollout.strategy === 'OnDelete') return 'OnDelete';
  if (rollout.strategy === 'ManifestFile') return 'ManifestFile: the kubelet replaces the pod when its file changes';
  const waves = `${rollout.waves} wave${rollout.waves === 1 ? '' : 's'}`;
  return `RollingUpdate: maxUnavailable ${rollout.maxUnavailable}, maxSurge ${rollout.maxSurge}, ${waves}`;
}

export function placementMatrix(report: PlacementReport, options: MatrixOptions = {}): PlacementMatrix {
  const reasonNumbers = new Map<string, number>();
  const cellOf = (placement: NodePlacement, isStatic: boolean): string => {
    if (isStatic) return placement.shouldRun ? MARKS.staticRuns : MARKS.notStatic;
    if (placement.shouldRun) return MARKS.runs;
    const numbers = placement.reasons.map((reason) => {
      let n = reasonNumbers.get(reason.message);
      if (n === undefined) {
        n = reasonNumbers.size + 1;
        reasonNumbers.set(reason.message, n);
      }
      return n;
    });
    return `${placement.shouldContinueRunning ? MARKS.stays : MARKS.absent}${numbers.join(',')}`;
  };

  const grouping = options.groupNodes ?? 'auto';
  const grouped = grouping === 'always' || (grouping === 'auto' && report.nodes.length > AUTO_GROUP_ABOVE);
  const rows: Array<{ nodes: string[]; cells: string[] }> = [];
  const rowBySignature = new Map<string, { nodes: string[]; cells: string[] }>();
  const statics = report.daemonSets.map(isStaticPodEntry);
  report.nodes.forEach((node, i) => {
    const cells = report.daemonSets.map((daemonSet, d) => cellOf(daemonSet.placements[i], statics[d]));
    if (!grouped) {
      rows.push({ nodes: [node], cells });
      return;
    }
    const signature = cells.join('\u0000');
    const row = rowBySignature.get(signature);
    if (row) {
      row.nodes.push(node);
    } else {
      const created = { nodes: [node], cells };
      rowBySignature.set(signature, created);
      rows.push(created);
    }
  });

  return {
    columns: report.daemonSets.map((daemonSet, i) => ({
      label: columnLabel(i),
      id: `${daemonSet.namespace}/${daemonSet.name}`,
      static: statics[i],
      desiredNumberScheduled: daemonSet.desiredNumberScheduled,
      rollout: describeRollout(daemonSet.rollout),
      advisories: daemonSet.advisories.length,
      errors: daemonSet.errors.length,
    })),
    rows,
    reasons: [...reasonNumbers.keys()],
    grouped,
    nodeCount: report.nodes.length,
  };
}

/** Whether a report entry is a static pod's (`kind: "StaticPod"`). */
export function isStaticPodEntry(entry: DaemonSetPlacement): boolean {
  return entry.kind === 'StaticPod';
}

/** `kube-system/fluent-bit`, or `kube-system/etcd (static pod)`, as the lists under a table name an entry. */
export function describeEntry(entry: DaemonSetPlacement): string {
  return `${entry.namespace}/${entry.name}${isStaticPodEntry(entry) ? ' (static pod)' : ''}`;
}

/** `cp-1`, or `ip-10-0-1-21 and 1199 more (1200 nodes)` for a group. */
export function describeRowNodes(row: MatrixRow): string {
  if (row.nodes.length === 1) return row.nodes[0];
  return `${row.nodes[0]} and ${row.nodes.length - 1} more (${row.nodes.length} nodes)`;
}
