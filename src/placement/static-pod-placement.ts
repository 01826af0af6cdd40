import { namespaceOf } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';
import { validateMirrorPodSpec } from '../static-pods/mirror-pod-rules';
import { mirrorPodName } from '../static-pods/static-pod-manifest';
import { isStaticPodObject } from '../static-pods/static-pod-marker';
import { FieldError, Finding } from '../validation';
import { attachVerdictTable, definePlacements } from './lazy-placements';
import { FieldPath } from '../validation/field-error';
import { validateObjectMeta } from '../validation/object-meta';
import { validatePodSpec } from '../validation/pod-spec';
import { Verdict } from './predicates/should-run';
import { DaemonSetPlacement, MirrorPod } from './report';
import { VerdictTable } from './verdict-table';

/*
 * A static pod runs on the node whose kubelet reads its file, and nowhere else: the kubelet starts
 * it without the scheduler or the DaemonSet controller. Its node verdicts are therefore no
 * controller's: `shouldRun` and `shouldContinueRunning` are true on exactly the nodes a file is
 * for, and there are never reasons:
 * - taints: the kubelet's admission skips the taint check for static pods (`generalFilter` in
 *   pkg/kubelet/lifecycle/predicate.go, `!types.IsStaticPod(pod)`), and the file source gives every
 *   static pod a toleration of all NoExecute taints (`applyDefaults` in pkg/kubelet/config/common.go);
 * - the node: `applyDefaults` sets `spec.nodeName` to the kubelet's own node, whatever the file says.
 * A file's node is its `spec.nodeName`, as `StaticPod` writes it. The kubelet's admission does read
 * a pod's own `nodeSelector` and node affinity (`AdmissionCheck`); `StaticPod` writes neither, and a
 * hand-written file's are not evaluated here.
 */

/** On a node of the static pod, and not. Frozen: every entry shares them. */
const RUNS: Verdict = Object.freeze({ shouldRun: true, shouldContinueRunning: true, reasons: Object.freeze([]) });
const NOT_ITS_NODE: Verdict = Object.freeze({ shouldRun: false, shouldContinueRunning: false, reasons: Object.freeze([]) });

/** The files of one static pod (one namespace and name), in input order. */
interface StaticPodGroup {
  readonly namespace: string;
  readonly name: string;
  readonly files: JsonObject[];
}

function groupsOf(objects: readonly JsonObject[]): StaticPodGroup[] {
  const groups = new Map<string, StaticPodGroup>();
  for (const object of objects) {
    if (!isStaticPodObject(object)) continue;
    const metadata = objectAt(object.metadata);
    const namespace = namespaceOf(metadata);
    const name = stringAt(metadata?.name) ?? '';
    const key = JSON.stringify([namespace, name]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { namespace, name, files: [] }));
    group.files.push(object);
  }
  return [...groups.values()];
}

/**
 * What the API server refuses in the Pod of one file: as a Pod (`ValidatePod`, which the kubelet's
 * file source also runs, ignoring a file that fails it) and as a mirror pod.
 */
function fileErrors(file: JsonObject): FieldError[] {
  const spec = objectAt(file.spec);
  const errors = validateObjectMeta(objectAt(file.metadata), FieldPath.root('metadata'));
  if (!spec) return [...errors, FieldPath.root('spec').required('')];
  errors.push(...validatePodSpec(spec, FieldPath.root('spec')), ...validateMirrorPodSpec(spec));
  if (!stringAt(spec.nodeName)) {
    errors.push(FieldPath.root('spec').child('nodeName').required('a static pod\'s file names the node whose kubelet reads it (StaticPod writes it)'));
  }
  return errors;
}

/** The errors of every file, each distinct error once: files for several nodes mostly hold the same Pod. */
function distinctErrors(files: readonly JsonObject[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const file of files) {
    for (const error of fileErrors(file)) {
      const key = JSON.stringify([error.field, error.type, error.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(error);
    }
  }
  return errors;
}

/** The static pods of a report: their entries and what concerns their files together. */
export interface StaticPodPlacements {
  readonly entries: DaemonSetPlacement[];
  readonly findings: Finding[];
}

/**
 * The report entries of the static pods among `objects`: Pods that carry the
 * `everynode.io/static-pod: "true"` annotation (as `StaticPod` writes every file). The files of one
 * namespace and name, one per node, make one entry, in the order its first file comes; its
 * placements cover every node of the inventory, in inventory order, and it runs on the nodes its
 * files name in `spec.nodeName`.
 *
 * Besides the DaemonSet entry's fields, an entry has `kind: "StaticPod"` (first) and `mirrorPods`
 * (last): every node a file is for, in file order, with the name of the mirror pod the API server
 * shows there. `rollout` is `{ strategy: "ManifestFile" }`: the kubelet replaces the pod when its
 * file changes, on each node when that node's file is written. Errors: what the API server refuses
 * in the Pod or its mirror pod, and a file without `spec.nodeName`.
 *
 * Findings (warnings): `NodeNotInInventory` for files for nodes the inventory does not hold (the pod
 * runs there all the same, and no placement shows it), `DuplicateStaticPod` for a second file for
 * the same node (the kubelet runs one and ignores the other: `filterInvalidPods` in
 * pkg/kubelet/config/config.go).
 *
 * @param nodeNames the inventory's node names, in order
 */
export function staticPodPlacements(objects: readonly JsonObject[], nodeNames: readonly string[]): StaticPodPlacements {
  const groups = groupsOf(objects);
  if (groups.length === 0) return { entries: [], findings: [] };
  const nodeIndex = new Map(nodeNames.map((node, i) => [node, i]));
  const findings: Finding[] = [];
  const entries = groups.map((group) => {
    const pod = `Pod ${group.namespace}/${group.name}`;
    const indexOf = new Int32Array(nodeNames.length);
    const mirrorPods: MirrorPod[] = [];
    const declared = new Set<string>();
    const twice: string[] = [];
    const missing: string[] = [];
    for (const file of group.files) {
      const node = stringAt(objectAt(file.spec)?.nodeName);
      if (!node) continue;
      if (declared.has(node)) {
        twice.push(node);
        continue;
      }
      declared.add(node);
      mirrorPods.push({ node, name: mirrorPodName(group.name, node) });
      const i = nodeIndex.get(node);
      if (i === undefined) missing.push(node);
      else indexOf[i] = 1;
    }
    if (missing.length > 0) {
      findings.push({
        code: 'NodeNotInInventory',
        severity: 'warning',
        objects: [pod],
        nodes: missing,
        message: `static pod ${group.namespace}/${group.name} has files for ${nodeList(missing)}, not in the inventory: ` +
          'their kubelets run it, and no placement shows it there',
      });
    }
    if (twice.length > 0) {
      findings.push({
        code: 'DuplicateStaticPod',
        severity: 'warning',
        objects: [pod],
        nodes: twice,
        message: `static pod ${group.namespace}/${group.name} has two files for ${nodeList(twice)}: ` +
          'the kubelet runs one of them and ignores the other (duplicate pod name)',
      });
    }
    const table: VerdictTable = { verdicts: [NOT_ITS_NODE, RUNS], indexOf };
    return staticPodEntry(group, table, nodeNames, distinctErrors(group.files), mirrorPods);
  });
  return { entries, findings };
}

const LISTED_NODES = 5;

/** `node cp-9`, `nodes cp-8, cp-9`, or the first few and how many more. */
function nodeList(nodes: readonly string[]): string {
  const shown = nodes.slice(0, LISTED_NODES).join(', ');
  const more = nodes.length > LISTED_NODES ? ` and ${nodes.length - LISTED_NODES} more` : '';
  return `node${nodes.length === 1 ? '' : 's'} ${shown}${more}`;
}

/**
 * The entry, with `placements` built from the verdict table the first time it is read, as a
 * DaemonSet's entry (see `daemonSetPlacement`): enumerable, so the entry serializes and compares
 * as the plain object it is, and the table beside it for the streamed JSON.
 */
function staticPodEntry(
  group: StaticPodGroup,
  table: VerdictTable,
  nodeNames: readonly string[],
  errors: readonly FieldError[],
  mirrorPods: readonly MirrorPod[],
): DaemonSetPlacement {
  let desiredNumberScheduled = 0;
  const indexOf = table.indexOf!;
  for (let i = 0; i < indexOf.length; i++) desiredNumberScheduled += indexOf[i];
  const entry = { kind: 'StaticPod', namespace: group.namespace, name: group.name } as Record<string | symbol, unknown>;
  definePlacements(entry, table, nodeNames);
  entry.desiredNumberScheduled = desiredNumberScheduled;
  entry.rollout = { strategy: 'ManifestFile' };
  entry.advisories = [];
  entry.errors = errors;
  entry.warnings = [];
  entry.mirrorPods = mirrorPods;
  attachVerdictTable(entry, table);
  return entry as unknown as DaemonSetPlacement;
}
