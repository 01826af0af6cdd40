import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { DaemonProps } from '../daemon';

/*
 * cdk8s gives every ApiObject its chart's namespace (unless it has one) and labels (under its own).
 * Handed to the model, they are in the manifest it checks, so that the DaemonSet is checked once,
 * as it will be written. A value cdk8s resolves at synthesis (a `Lazy`) is left to cdk8s, and the
 * object is checked again at synthesis instead.
 */

/** What a cdk8s chart adds to the metadata of every object in it. */
export interface ChartMetadata {
  /** The chart's namespace, for an object that names none. */
  readonly namespace?: string;
  /** The chart's labels, under the object's own. */
  readonly labels: Record<string, string>;
}

/** The namespace and labels the chart of `scope` adds to every object, as far as they are plain strings. */
export function chartMetadataOf(scope: IConstruct): ChartMetadata {
  const chart = Chart.of(scope);
  const labels = Object.entries(chart.labels);
  return {
    namespace: typeof chart.namespace === 'string' ? chart.namespace : undefined,
    labels: labels.every(([, value]) => typeof value === 'string') ? Object.fromEntries(labels) : {},
  };
}

/** `props` with the chart's namespace and labels where the props give none. */
export function withChartMetadata<P extends DaemonProps>(props: P, chart: ChartMetadata | undefined): P {
  const namespace = props.namespace ?? chart?.namespace;
  const chartLabels = chart?.labels ?? {};
  if (namespace === props.namespace && Object.keys(chartLabels).length === 0) return props;
  return { ...props, namespace, labels: { ...chartLabels, ...props.labels } };
}
