import { Inventory, inventoryNodes } from '../input';
import { evaluatePlacement, PlacementReport } from '../placement';

/** What `evaluateChart` needs of a cdk8s `Chart`: its synthesized manifests. */
export interface SynthesizableChart {
  toJson(): readonly unknown[];
}

/** What `evaluateChart` needs of a cdk8s `App`: its charts. */
export interface ChartContainer {
  readonly charts: readonly SynthesizableChart[];
}

function isApp(value: object): value is ChartContainer {
  return Array.isArray((value as { charts?: unknown }).charts);
}

function isChart(value: object): value is SynthesizableChart {
  return typeof (value as { toJson?: unknown }).toJson === 'function';
}

/**
 * Synthesizes a cdk8s `Chart`, or every chart of an `App`, in memory and evaluates the placement
 * of its DaemonSets on `inventory`. Nothing is written to disk, and everynode does not load
 * cdk8s: any object with `toJson()` (a chart) or `charts` (an app) will do.
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
  return evaluatePlacement(charts.map((chart) => chart.toJson()), nodes);
}
