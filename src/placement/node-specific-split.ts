import { DaemonSetView } from './daemon-set-view';
import { NodeView } from './node-view';
import { LabelRequirement, requirementMatches } from '../validation';
import { fieldRequirementMatches, NodeSelectorTerm } from './predicates/required-node-affinity';
import { shouldRunDaemonPod, Verdict } from './predicates/should-run';

/**
 * A DaemonSet whose verdict depends on each node's identity — a template nodeName, a
 * matchFields on metadata.name, a selector on `kubernetes.io/hostname` — split in two: the
 * general part, evaluated once per node class like any other DaemonSet, and the node-specific
 * requirements, checked node by node.
 *
 * Where every node-specific requirement holds, the verdict is the general part's, reasons
 * included: a requirement that holds never fails a term, never comes first among a term's
 * failures, and adds no reason. Where one fails, the caller evaluates the node in full.
 */
export interface NodeSpecificSplit {
  readonly general: DaemonSetView;
  readonly holdsOn: (node: NodeView) => boolean;
  /** The node-specific label keys the DaemonSet reads, sorted. */
  readonly specificKeys: readonly string[];
}

export function splitNodeSpecific(view: DaemonSetView, nodeSpecificKeys: ReadonlySet<string>): NodeSpecificSplit {
  const isSpecific = (key: string) => nodeSpecificKeys.has(key);
  const specificSelector = view.nodeSelector.filter(([key]) => isSpecific(key));
  const generalTerms = view.requiredTerms?.map((term): NodeSelectorTerm =>
    term.kind === 'parsed' ? { kind: 'parsed', labels: term.labels.filter((r) => !isSpecific(r.key)), fields: [] } : term,
  );
  const labelKeys = new Set([...view.labelKeys].filter((key) => !isSpecific(key)));
  const general: DaemonSetView = {
    ...view,
    templateNodeName: '',
    nodeSelector: view.nodeSelector.filter(([key]) => !isSpecific(key)),
    requiredTerms: generalTerms,
    labelKeys,
    dependsOnNodeName: false,
  };

  // Checked on every node of a large inventory: gather the requirements once, in flat lists.
  const parsedTerms = (view.requiredTerms ?? []).filter((term) => term.kind === 'parsed');
  const specificRequirements = parsedTerms.flatMap((term) => term.labels.filter((r) => isSpecific(r.key)));
  const fieldRequirements = parsedTerms.flatMap((term) => term.fields);
  const holdsOn = (node: NodeView): boolean => {
    if (view.templateNodeName !== '' && view.templateNodeName !== node.name) return false;
    for (const [key, value] of specificSelector) if (node.labels.get(key) !== value) return false;
    for (const requirement of specificRequirements) if (!requirementMatches(requirement, node.labels)) return false;
    for (const field of fieldRequirements) if (!fieldRequirementMatches(field, node)) return false;
    return true;
  };
  const specificKeys = [...view.labelKeys].filter(isSpecific).sort();
  return { general, holdsOn, specificKeys };
}

/** Interns values as small integers, 0 standing for "absent". */
class Interner<T> {
  private readonly ids = new Map<T, number>();

  id(value: T | undefined): number {
    if (value === undefined) return 0;
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size + 1));
    return id;
  }
}

/**
 * `requirementMatches` for one label value. `In` and `NotIn` look the value up in a set: an `In`
 * list of hundreds of racks is not scanned on every node.
 */
function valueMatcher(requirement: LabelRequirement): (value: string | undefined) => boolean {
  if (requirement.operator === 'In' || requirement.operator === 'NotIn') {
    const values = new Set(requirement.values);
    return requirement.operator === 'In' ? (value) => value !== undefined && values.has(value) : (value) => value === undefined || !values.has(value);
  }
  // requirementMatches reads the requirement's key only.
  let current: string | undefined;
  const lookup = { get: () => current };
  return (value) => {
    current = value;
    return requirementMatches(requirement, lookup);
  };
}

/**
 * One node-specific check (a nodeSelector pair or a label requirement) and what it contributes
 * to a verdict: 0 where it holds, and where it fails an id of the node's value, which its
 * reason prints.
 */
class Check {
  private readonly failedValues = new Map<string | undefined, number>();

  constructor(readonly key: string, private readonly holds: (value: string | undefined) => boolean) {}

  outcome(value: string | undefined): number {
    if (this.holds(value)) return 0;
    let id = this.failedValues.get(value);
    if (id === undefined) this.failedValues.set(value, (id = this.failedValues.size + 1));
    return id;
  }
}

/**
 * The verdict of every node for a split DaemonSet. Where a node-specific requirement fails, the
 * verdict depends on nothing but the node's group (its taints and its values of the DaemonSet's
 * other label keys: `classGroups` of the general part), and the outcome of each node-specific check (the value where one fails): nodes that
 * agree on those share one verdict object, computed once. A rack label with 400 values gives a
 * few hundred verdicts over 15,000 nodes, not 15,000, and the JSON writer encodes each once.
 * Keys are built from interned integers, so a node costs a few map lookups and no allocation.
 */
export function nodeSpecificVerdicts(
  view: DaemonSetView,
  split: NodeSpecificSplit,
  inventory: readonly NodeView[],
  classes: { readonly classOf: Int32Array; readonly groupOf: Int32Array },
  general: readonly Verdict[],
): Verdict[] {
  const { classOf, groupOf } = classes;
  const verdicts = new Array<Verdict>(inventory.length);
  if (view.dependsOnNodeName) {
    // Reasons print the node's name, which no two nodes share: nothing to share.
    for (let i = 0; i < inventory.length; i++) {
      const node = inventory[i];
      verdicts[i] = split.holdsOn(node) ? general[classOf[i]] : shouldRunDaemonPod(view, node);
    }
    return verdicts;
  }

  const isSpecific = (key: string) => split.specificKeys.includes(key);
  const checks = [
    ...view.nodeSelector.filter(([key]) => isSpecific(key)).map(([key, expected]) => new Check(key, (value) => value === expected)),
    ...(view.requiredTerms ?? []).flatMap((term) => (term.kind === 'parsed' ? term.labels : []))
      .filter((requirement) => isSpecific(requirement.key))
      .map((requirement) => new Check(requirement.key, valueMatcher(requirement))),
  ];
  const pairs = checks.map(() => new Interner<number>());
  // Pair keys stay exact doubles: group ids and outcomes are at most the number of nodes.
  const base = inventory.length + 2;
  const shared = new Map<number, Verdict>();
  for (let i = 0; i < inventory.length; i++) {
    const node = inventory[i];
    let id = 0;
    let holds = true;
    for (let k = 0; k < checks.length; k++) {
      const check = checks[k];
      const outcome = check.outcome(node.labels.get(check.key));
      holds &&= outcome === 0;
      id = pairs[k].id(id * base + outcome);
    }
    if (holds) {
      verdicts[i] = general[classOf[i]];
      continue;
    }
    id = id * base + groupOf[classOf[i]];
    let verdict = shared.get(id);
    if (verdict === undefined) shared.set(id, (verdict = shouldRunDaemonPod(view, node)));
    verdicts[i] = verdict;
  }
  return verdicts;
}
