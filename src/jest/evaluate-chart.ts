import { Inventory, inventoryNodes } from '../input';
import { evaluatePlacement, PlacementReport } from '../placement';
import type { StaticPodFile } from '../static-pods';

/** What `evaluateChart` needs of a cdk8s `Chart`: its synthesized manifests. */
export interface SynthesizableChart {
  toJson(): readonly unknown[];
}

/** What `evaluateChart` needs of a cdk8s `App`: its charts. */
export interface ChartContainer {
  readonly charts: readonly SynthesizableChart[];
}

/** The brand of the cdk8s `StaticPod` construct (src/cdk8s/static-pod.ts): a registered symbol, so cdk8s need not be loaded. */
const STATIC_POD_CONSTRUCT = Symbol.for('everynode.StaticPod');

/**
 * The Pods of the files of every `StaticPod` in the chart: not among its API objects (they are
 * never applied), but shown in the report on their nodes.
 */
function staticPodManifests(chart: SynthesizableChart): unknown[] {
  const tree = (chart as { node?: { findAll?: () => unknown[] } }).node;
  const constructs = typeof tree?.findAll === 'function' ? tree.findAll() : [];
  return constructs
    .filter((construct): construct is { files: StaticPodFile[] } => typeof construct === 'object' && construct !== null && STATIC_POD_CONSTRUCT in construct)
    .flatMap((staticPod) => staticPod.files.map((file) => file.manifest));
}

function isApp(value: object): value is ChartContainer {
  return Array.isArray((value as { charts?: unknown }).charts);
}

function isChart(value: object): value is SynthesizableChart {
  return typeof (value as { toJson?: unknown }).toJson === 'function';
}

/**
 * Synthesizes a cdk8s `Chart`, or every chart of an `App`, in memory and evaluates the placement
 * of its DaemonSets and `StaticPod`s on `inventory`. Nothing is written to disk, and everynode does
 * not load cdk8s: any object with `toJson()` (a chart) or `charts` (an app) will do.
 *
 * `Chart#toJson()` runs the construct validations (`node.addValidation`) of the whole app, as
 * `cdk8s synth` does, so a construct whose DaemonSet the API server would reject throws here
 * with cdk8s's `Validation failed with the following errors` message.
 *
 * @param chartOrApp a cdk8s `Chart` or `App`
 * @param inventory an inventory file, or Node objects / `NodeBuilder`s
 * @throws InputError when the inventory file cannot be read or holds no Node
 * @throws Error from cdk8s when a construct validation fails
 * @example
 * const report = evaluateChart(new ClusterAgents(new App(), 'agents'), 'inventory.yaml');
 * expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
 * @example
 * const report = evaluateChart(chart, [node('cp-1').controlPlane(), node('worker-1')]);
 */
export function evaluateChart(chartOrApp: SynthesizableChart | ChartContainer, inventory: Inventory): PlacementReport {
  let charts: readonly SynthesizableChart[];
  if (typeof chartOrApp === 'object' && chartOrApp !== null && isApp(chartOrApp)) {
    charts = chartOrApp.charts;
  } else if (typeof chartOrApp === 'object' && chartOrApp !== null && isChart(chartOrApp)) {
    charts = [chartOrApp];
  } else {
    throw new TypeError('evaluateChart takes a cdk8s Chart (with toJson()) or App (with charts)');
  }
  // Read the inventory first: a wrong path should not wait for, or hide behind, a synthesis error.
  const nodes = inventoryNodes(inventory, 'evaluateChart');
  return evaluatePlacement(charts.map((chart) => [...chart.toJson(), ...staticPodManifests(chart)]), nodes);
}
