import { nodeAdvisories } from './advisories';
import { ClassVerdicts } from './class-verdicts';
import { daemonSetPlacement } from './daemon-set-placement';
import { daemonSetView } from './daemon-set-view';
import { readInventory } from './inventory-read';
import { labelCardinality } from './label-cardinality';
import { LabelColumns } from './label-columns';
import { nodeClasses } from './node-classes';
import { nodeSpecificVerdicts, splitNodeSpecific } from './node-specific-split';
import { duplicateObjectFindings } from '../validation';
import { PlacementReport } from './report';
import { withFamilyCoverage } from './report-families';
import { staticPodPlacements } from './static-pod-placement';
import { checkVariantFamilies } from './variant-family-check';
import { VerdictTable } from './verdict-table';
import { selectorCollisionFindings } from '../collisions';
import { isKind, kubernetesObjects } from '../input';
import { isStaticPodObject } from '../static-pods/static-pod-marker';

/**
 * Says, for every DaemonSet in `manifests` and every node in `nodes`, whether the DaemonSet
 * controller runs a daemon pod there and why not — as `NodeShouldRunDaemonPod` decides — with
 * the rollout resolved as the controller resolves it and advisories for what the scheduler
 * would then leave Pending. `findings` adds what concerns several DaemonSets together: objects
 * defined twice, pod templates of other objects that a DaemonSet's selector matches (selector
 * collisions), and variant families (DaemonSets labelled `everynode.io/family`) that run two
 * variants on a node, or, having a `default` variant, none.
 *
 * Static pods (Pods annotated `everynode.io/static-pod: "true"`, one file per node naming it in
 * `spec.nodeName`, as `StaticPod` writes them) follow the DaemonSets, as entries of `kind`
 * `StaticPod` that run on exactly their nodes: the kubelet starts them whatever the node's taints.
 *
 * @param manifests parsed Kubernetes objects; DaemonSets and static pods are evaluated, other kinds ignored, `List`s unwrapped
 * @param nodes parsed v1 Node objects, a `List` / `NodeList` (`kubectl get nodes -o json`) or an array
 * @throws InputError when a Node has no name, or a name, labels, taints or allocatable of the wrong type
 */
export function evaluatePlacement(manifests: unknown, nodes: unknown): PlacementReport {
  const objects = kubernetesObjects(manifests);
  const daemonSets = objects.filter((object) => isKind(object, 'DaemonSet'));
  const views = daemonSets.map(daemonSetView);
  const selectedKeys = [...new Set(views.flatMap((view) => [...view.labelKeys]))].sort();
  const read = readInventory(nodes, selectedKeys);
  const { nodes: inventory, values } = read;
  const valuesOf = (key: string) => values[selectedKeys.indexOf(key)];

  // Verdicts are computed once per class of nodes that no DaemonSet can tell apart. A DaemonSet
  // that selects on the node's name, or on a label nearly every node has its own value of
  // (kubernetes.io/hostname), has those requirements checked node by node on top.
  const cardinality = labelCardinality(selectedKeys, values);
  const perNode = views.map((view) => view.dependsOnNodeName || [...view.labelKeys].some((key) => cardinality.high.has(key)));
  const splits = views.map((view, d) => (perNode[d] ? splitNodeSpecific(view, cardinality.high) : undefined));
  const classKeys = new Set<string>();
  views.forEach((view, d) => (splits[d]?.general ?? view).labelKeys.forEach((key) => classKeys.add(key)));
  const sortedClassKeys = [...classKeys].sort();
  const classes = nodeClasses(inventory, read.taintListOf, sortedClassKeys.map(valuesOf));
  const { classOf, representatives } = classes;
  const keyIndex = new Map(sortedClassKeys.map((key, k) => [key, k]));
  const nodeNames = inventory.names;
  const specificKeys = [...new Set(splits.flatMap((split) => split?.specificKeys ?? []))];
  const columns = new LabelColumns(specificKeys, specificKeys.map(valuesOf), cardinality.unique, nodeNames);

  const classVerdicts = new ClassVerdicts(classes, keyIndex);
  const tables: VerdictTable[] = views.map((view, d) => {
    const split = splits[d];
    const general = classVerdicts.of(split?.general ?? view);
    if (!split) return { verdicts: general, indexOf: classOf };
    const { groupOf } = classVerdicts.groups(split.general.labelKeys);
    return nodeSpecificVerdicts(view, split, inventory, columns, { ...classes, groupOf, keyIndex }, general);
  });

  const advisories = nodeAdvisories(views, tables, read, classOf, representatives.length);
  const families = checkVariantFamilies(daemonSets, tables, nodeNames);
  const staticPods = staticPodPlacements(objects, nodeNames);
  const report: PlacementReport = {
    nodes: nodeNames,
    daemonSets: [
      ...daemonSets.map((manifest, d) => daemonSetPlacement(manifest, views[d], tables[d], nodeNames, advisories[d])),
      ...staticPods.entries,
    ],
    // One static pod is one file per node, each the same Pod: no duplicate for kubectl apply.
    findings: [
      ...duplicateObjectFindings(objects.filter((object) => !isStaticPodObject(object))),
      ...selectorCollisionFindings(objects),
      ...families.findings,
      ...staticPods.findings,
    ],
  };
  return withFamilyCoverage(report, families.coverages);
}
