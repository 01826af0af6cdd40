/*
 * Shared builders for the placement tests: a minimal DaemonSet the API server accepts, raw v1 Node
 * objects (for label keys a builder cannot express), and short ways to read one verdict.
 */
import { DaemonSetPlacement, evaluatePlacement, NodeBuilder, NodePlacement, PlacementReport } from '../../src';

/** A parsed manifest or Node: untyped on purpose, since tests feed any shape. */
export type Manifest = any;

export interface DaemonSetOptions {
  readonly namespace?: string;
  readonly updateStrategy?: unknown;
}

/**
 * A valid apps/v1 DaemonSet named `name` whose pod spec is one busybox container plus `podSpec`
 * (which may replace `containers`).
 */
export function daemonSet(name: string, podSpec: Record<string, unknown> = {}, options: DaemonSetOptions = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: options.namespace === undefined ? { name } : { name, namespace: options.namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      ...(options.updateStrategy === undefined ? {} : { updateStrategy: options.updateStrategy }),
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'agent', image: 'busybox' }], ...podSpec },
      },
    },
  };
}

/** A DaemonSet whose pod has only the given required node affinity terms. */
export function withRequiredTerms(name: string, nodeSelectorTerms: unknown[], podSpec: Record<string, unknown> = {}): Manifest {
  return daemonSet(name, {
    ...podSpec,
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
  });
}

export interface RawTaint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
}

/**
 * A v1 Node as `kubectl get node -o json` prints it. Labels are built with `Object.fromEntries`,
 * so keys such as `__proto__` become own properties, exactly as JSON.parse makes them.
 */
export function rawNode(name: string, labels: ReadonlyArray<readonly [string, string]> = [], taints: readonly RawTaint[] = []): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: Object.fromEntries(labels) },
    spec: taints.length > 0 ? { taints: taints.map((t) => ({ ...t })) } : {},
  };
}

/** The one DaemonSet of a report. */
export function only(report: PlacementReport): DaemonSetPlacement {
  expect(report.daemonSets).toHaveLength(1);
  return report.daemonSets[0];
}

/** The placement of the one DaemonSet in `report` on the node `name`. */
export function placementOn(report: PlacementReport, name: string): NodePlacement {
  const placement = only(report).placements.find((p) => p.node === name);
  if (!placement) throw new Error(`no placement for node ${name}`);
  return placement;
}

/** The verdict of one DaemonSet on one node. */
export function verdict(manifest: Manifest, nodeObject: NodeBuilder | Manifest): NodePlacement {
  const report = evaluatePlacement([manifest], [nodeObject]);
  return only(report).placements[0];
}

/** The sorted names of the nodes where the one DaemonSet of `report` runs. */
export function placedNodes(report: PlacementReport): string[] {
  return only(report).placements.filter((p) => p.shouldRun).map((p) => p.node).sort();
}
