import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { DaemonProps, DaemonPropsError } from '../daemon';
import { KUBERNETES_VERSION_SETTING, kubernetesVersionProblem } from '../daemon/kubernetes-version';

/*
 * cdk8s gives every ApiObject its chart's namespace (unless it has one) and labels (under its own).
 * Handed to the model, they are in the manifest it checks, so that the DaemonSet is checked once,
 * as it will be written. A value cdk8s resolves at synthesis (a `Lazy`) is left to cdk8s, and the
 * object is checked again at synthesis instead.
 */

/** What a cdk8s chart adds to the metadata of every object in it, and what the app sets for every daemon in it. */
export interface ChartMetadata {
  /** The chart's namespace, for an object that names none. */
  readonly namespace?: string;
  /** The chart's labels, under the object's own. */
  readonly labels: Record<string, string>;
  /**
   * The Kubernetes version of the context key `everynode:kubernetesVersion`, set on the app, a
   * chart or any construct above, for a daemon whose props name none.
   */
  readonly kubernetesVersion?: string;
}

/*
 * A chart's namespace and labels are fixed when it is made (cdk8s keeps its labels private and
 * hands out copies), so they are read once per chart rather than once per object in it.
 */
const metadataByChart = new WeakMap<Chart, { readonly namespace?: string; readonly labels: Readonly<Record<string, string>> }>();

/**
 * The namespace and labels the chart of `scope` adds to every object, as far as they are plain
 * strings, and the Kubernetes version of the context.
 * @param owner the construct, as construction errors name it
 * @throws DaemonPropsError naming `owner` when the context's version is not a Kubernetes version
 */
export function chartMetadataOf(scope: IConstruct, owner: string): ChartMetadata {
  const chart = Chart.of(scope);
  let metadata = metadataByChart.get(chart);
  if (!metadata) {
    const labels = chart.labels;
    let plain = true;
    for (const key in labels) plain &&= typeof labels[key] === 'string';
    metadata = { namespace: typeof chart.namespace === 'string' ? chart.namespace : undefined, labels: plain ? labels : {} };
    metadataByChart.set(chart, metadata);
  }
  // Context may be set on any construct between the chart and this one: read where it is used.
  const kubernetesVersion: unknown = scope.node.tryGetContext(KUBERNETES_VERSION_SETTING);
  if (kubernetesVersion !== undefined) {
    const problem = kubernetesVersionProblem(kubernetesVersion);
    if (problem) throw new DaemonPropsError(owner, [{ field: 'kubernetesVersion', message: `the context value ${KUBERNETES_VERSION_SETTING} ${problem}` }]);
  }
  // A builder may change what it is handed: each gets labels of its own.
  return { namespace: metadata.namespace, labels: { ...metadata.labels }, kubernetesVersion: kubernetesVersion as string | undefined };
}

/** `props` with the chart's namespace and labels, and the context's Kubernetes version, where the props give none. */
export function withChartMetadata<P extends DaemonProps>(props: P, chart: ChartMetadata | undefined): P {
  const namespace = props.namespace ?? chart?.namespace;
  const chartLabels = chart?.labels ?? {};
  const kubernetesVersion = props.kubernetesVersion ?? chart?.kubernetesVersion;
  if (namespace === props.namespace && kubernetesVersion === props.kubernetesVersion && Object.keys(chartLabels).length === 0) return props;
  return { ...props, namespace, labels: { ...chartLabels, ...props.labels }, kubernetesVersion };
}
