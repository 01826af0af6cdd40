import { DaemonSetView } from './daemon-set-view';
import { verdictAt, VerdictTable } from './verdict-table';
import { objectAt, stringAt } from '../json/shape';

/**
 * The well-known label the kubelet sets to the OS it runs on (its `runtime.GOOS`: linux,
 * windows); see https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-os.
 */
export const OS_LABEL = 'kubernetes.io/os';
/** The label's deprecated name, still found on old nodes and in old manifests. */
const BETA_OS_LABEL = 'beta.kubernetes.io/os';
/** The labels a node's OS is read from, the current name first. */
export const OS_LABEL_KEYS: readonly string[] = [OS_LABEL, BETA_OS_LABEL];
const OS_LABELS: ReadonlySet<string> = new Set(OS_LABEL_KEYS);

/**
 * The OS of a node, from its values of `OS_LABEL_KEYS`, or "" when it has no OS label: such a
 * node is neither counted nor advised.
 */
export function operatingSystemOf(os: string | undefined, betaOs: string | undefined): string {
  return os || betaOs || '';
}

/**
 * Whether the DaemonSet keeps its pods to nodes of a chosen OS: its `nodeSelector` names an OS
 * label, or every term of its required node affinity that can match a node has a requirement on
 * one (the terms are ORed, so one term without it lets pods onto any OS). The value and operator
 * do not matter: a DaemonSet that says `kubernetes.io/os In [linux, windows]` has thought about
 * it and presumably ships a multi-OS image.
 *
 * What does not count, because none of it keeps the controller from creating the pod:
 * `spec.os.name` (the API server validates the pod's fields against it, and the kubelet rejects
 * a pod whose OS is not its own, but neither the DaemonSet controller's `NodeShouldRunDaemonPod`
 * nor the scheduler reads it), preferred node affinity, tolerations of an OS taint, pod labels.
 */
export function selectsOperatingSystem(view: DaemonSetView): boolean {
  if (view.nodeSelector.some(([key]) => OS_LABELS.has(key))) return true;
  if (view.requiredTerms === undefined) return false;
  // An empty or unparsable term matches no node (component-helpers nodeaffinity), so it lets no pod anywhere.
  return view.requiredTerms.every((term) => term.kind !== 'parsed' || term.labels.some((requirement) => OS_LABELS.has(requirement.key)));
}

/** A DaemonSet whose pods land on nodes of several OSes, without its choosing. */
export interface MixedOperatingSystems {
  /** The DaemonSet, by index. */
  readonly daemonSet: number;
  /** The advisory's message on node i, or undefined when node i gets none. */
  readonly messageOn: (node: number) => string | undefined;
}

function nodeCount(count: number): string {
  return `${count} node${count === 1 ? '' : 's'}`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * How many nodes of each OS fall in each verdict of an indexed table. DaemonSets evaluated per
 * node class share one index, so the inventory is read once for all of them.
 */
function countsPerVerdict(
  indexOf: Int32Array,
  verdictCount: number,
  osOf: Int32Array,
  osCount: number,
  cache: Map<Int32Array, Int32Array>,
): Int32Array {
  let counts = cache.get(indexOf);
  if (!counts || counts.length < verdictCount * osCount) {
    counts = new Int32Array(verdictCount * osCount);
    for (let i = 0; i < indexOf.length; i++) counts[indexOf[i] * osCount + osOf[i]]++;
    cache.set(indexOf, counts);
  }
  return counts;
}

/**
 * The `MixedOperatingSystems` advisories: a DaemonSet that selects no OS (see
 * `selectsOperatingSystem`) and gets a pod on nodes of more than one `kubernetes.io/os`.
 *
 * The DaemonSet controller does not look at the node's OS: `NodeShouldRunDaemonPod`
 * (kubernetes pkg/controller/daemon/daemon_controller.go) checks only the template's node name,
 * node selector and required affinity, and taints, and the scheduler has no OS filter either. So
 * the pod is created and bound on every such node, and what fails is the node: the kubelet cannot
 * pull an image that has no build for its OS, or the container does not start. With `spec.os.name`
 * set, the kubelet refuses the pod outright (PodOSNotSupported, kubernetes
 * pkg/kubelet/lifecycle/predicate.go), and the controller replaces the failed pod again and again.
 *
 * Which nodes are advised: those whose OS is not the one the image is taken to be for, which is
 * `spec.os.name` when set, else the OS of most of the placed nodes (Linux on a tie, as most node
 * agents ship Linux images). One advisory per such node, in the shape of the others; nodes
 * without an OS label are left out.
 */
export function mixedOperatingSystemFindings(
  views: readonly DaemonSetView[],
  tables: readonly VerdictTable[],
  operatingSystems: readonly string[],
): MixedOperatingSystems[] {
  const names = [''];
  const ids = new Map<string, number>([['', 0]]);
  const idOf = (name: string) => {
    let id = ids.get(name);
    if (id === undefined) {
      ids.set(name, (id = names.length));
      names.push(name);
    }
    return id;
  };
  const osOf = new Int32Array(operatingSystems.length);
  for (let i = 0; i < operatingSystems.length; i++) osOf[i] = idOf(operatingSystems[i]);
  // Most clusters run one OS: then no DaemonSet can be spread over two.
  if (names.length <= 2) return [];

  const cache = new Map<Int32Array, Int32Array>();
  const findings: MixedOperatingSystems[] = [];
  views.forEach((view, d) => {
    if (selectsOperatingSystem(view)) return;
    const osCount = names.length;
    const counts = new Int32Array(osCount);
    const table = tables[d];
    if (table.indexOf) {
      const perVerdict = countsPerVerdict(table.indexOf, table.verdicts.length, osOf, osCount, cache);
      table.verdicts.forEach((verdict, v) => {
        if (verdict.shouldRun) for (let o = 0; o < osCount; o++) counts[o] += perVerdict[v * osCount + o];
      });
    } else {
      table.verdicts.forEach((verdict, i) => verdict.shouldRun && counts[osOf[i]]++);
    }
    const placed = names.map((_, o) => o).filter((o) => o > 0 && counts[o] > 0);
    if (placed.length < 2) return;

    // Most nodes first; Linux, then the name, breaks a tie.
    placed.sort((a, b) => counts[b] - counts[a] || Number(names[b] === 'linux') - Number(names[a] === 'linux') || names[a].localeCompare(names[b]));
    const specOs = stringAt(objectAt(view.podSpec.os)?.name) ?? '';
    const expected = specOs !== '' ? idOf(specOs) : placed[0];
    const landsOn = `no node selector or required affinity on ${OS_LABEL}, and the pods land on ${andList(placed.map((o) => `${names[o]} (${nodeCount(counts[o])})`))}`;
    const majority = counts[placed[0]] > counts[placed[1]];
    const messages = new Map<number, string>();
    for (const o of placed) {
      if (o === expected) continue;
      messages.set(o, specOs !== ''
        ? `${landsOn}: spec.os.name is ${specOs}, so the kubelet on this ${names[o]} node rejects the pod (PodOSNotSupported)`
        : `${landsOn}: an image built for ${names[expected]}${majority ? ', the OS of most of them,' : ''} fails to pull or start on this ${names[o]} node`);
    }
    findings.push({
      daemonSet: d,
      messageOn: (i) => {
        const message = messages.get(osOf[i]);
        return message !== undefined && verdictAt(table, i).shouldRun ? message : undefined;
      },
    });
  });
  return findings;
}
