import { DaemonSetView } from './daemon-set-view';
import { LabelRequirement, requirementValueMatcher } from '../validation';
import { FitSlots } from './fit-slots';
import { InventoryNodes } from './inventory-read';
import { LabelColumn, LabelColumns } from './label-columns';
import { NodeVerdict } from './node-verdict';
import { NodeView } from './node-view';
import { ReasonText } from './predicates/reason-text';
import { fieldRequirementMatchesName, NodeSelectorTerm, selectsOnName } from './predicates/required-node-affinity';
import { fitReasonTexts, shouldRunDaemonPod, Verdict } from './predicates/should-run';
import { VerdictTable } from './verdict-table';

/**
 * A DaemonSet whose verdict depends on each node's identity — a template nodeName, a
 * matchFields on metadata.name, a selector on `kubernetes.io/hostname` — split in two: the
 * general part, evaluated once per node class like any other DaemonSet, and the node-specific
 * requirements, checked node by node.
 *
 * Where every node-specific requirement holds, the verdict is the general part's, reasons
 * included: a requirement that holds never fails a term, never comes first among a term's
 * failures, and adds no reason. Where one fails, see `nodeSpecificVerdicts`.
 */
export interface NodeSpecificSplit {
  readonly general: DaemonSetView;
  /** The node-specific label keys the DaemonSet reads, sorted. */
  readonly specificKeys: readonly string[];
}

export function splitNodeSpecific(view: DaemonSetView, nodeSpecificKeys: ReadonlySet<string>): NodeSpecificSplit {
  const isSpecific = (key: string) => nodeSpecificKeys.has(key);
  const generalTerms = view.requiredTerms?.map((term): NodeSelectorTerm =>
    term.kind === 'parsed' ? { kind: 'parsed', labels: term.labels.filter((r) => !isSpecific(r.key)), fields: [] } : term,
  );
  const general: DaemonSetView = {
    ...view,
    templateNodeName: '',
    nodeSelector: view.nodeSelector.filter(([key]) => !isSpecific(key)),
    requiredTerms: generalTerms,
    labelKeys: new Set([...view.labelKeys].filter((key) => !isSpecific(key))),
    dependsOnNodeName: false,
  };
  const specificKeys = [...view.labelKeys].filter(isSpecific).sort();
  return { general, specificKeys };
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
 * A check that holds for a value exactly when the value is (`holdsIfListed`) or is not among
 * `values`: a nodeSelector pair, an `In` or `NotIn` requirement, a node name.
 */
interface ListedValues {
  readonly values: readonly string[];
  readonly holdsIfListed: boolean;
}

function listedValues(requirement: LabelRequirement): ListedValues | undefined {
  if (requirement.operator !== 'In' && requirement.operator !== 'NotIn') return undefined;
  return { values: requirement.values, holdsIfListed: requirement.operator === 'In' };
}

const UNKNOWN = 0;
const HOLDS = 1;
const FAILS = 2;

/**
 * One node-specific check (a nodeSelector pair, a label requirement, a node name), answered once
 * per distinct value of its column. On a column with a value per node, a check of listed values is
 * answered for every node at once, from the nodes that have those values.
 */
class LabelCheck {
  private readonly answers: Int8Array;

  constructor(
    readonly key: string,
    readonly column: LabelColumn,
    private readonly holds: (value: string | undefined) => boolean,
    listed?: ListedValues,
  ) {
    this.answers = new Int8Array(column.values.length);
    if (!column.numberedByNode || !listed) return;
    this.answers.fill(listed.holdsIfListed ? FAILS : HOLDS);
    this.answers[0] = holds(undefined) ? HOLDS : FAILS;
    for (const id of column.idsOfAny(listed.values)) this.answers[id] = listed.holdsIfListed ? HOLDS : FAILS;
  }

  fails(i: number): boolean {
    return this.answer(this.column.idOf[i]) === FAILS;
  }

  /** Adds `bit` to `failing[i]` for every node i the check fails on. */
  addFailing(failing: Float64Array, bit: number): void {
    // Each value the nodes have answered first, then a pass over typed arrays alone.
    const { idOf } = this.column;
    for (let i = 0; i < idOf.length; i++) if (this.answers[idOf[i]] === UNKNOWN) this.answer(idOf[i]);
    addWhereFailing(idOf, this.answers, failing, bit);
  }

  private answer(id: number): number {
    let answer = this.answers[id];
    if (answer === UNKNOWN) this.answers[id] = answer = this.holds(this.column.values[id]) ? HOLDS : FAILS;
    return answer;
  }
}

/**
 * Adds `bit` to `failing[i]` where node i's value (`idOf[i]`) fails. Called for every check of
 * every split DaemonSet with nothing but typed arrays, so it is compiled once and stays so.
 */
function addWhereFailing(idOf: Int32Array, answers: Int8Array, failing: Float64Array, bit: number): void {
  for (let i = 0; i < idOf.length; i++) if (answers[idOf[i]] === FAILS) failing[i] += bit;
}

/**
 * What a node's name decides: the template's nodeName, and each matchFields requirement (which
 * upstream skips for a node without a name, so an empty name is one more thing to tell apart).
 */
function nameChecks(view: DaemonSetView, names: LabelColumn): LabelCheck[] {
  const checks: LabelCheck[] = [];
  const nameCheck = (holds: (name: string) => boolean, listed?: ListedValues) =>
    new LabelCheck('', names, (name) => holds(name ?? ''), listed);
  const expected = view.templateNodeName;
  if (expected !== '') checks.push(nameCheck((name) => name === expected, { values: [expected], holdsIfListed: true }));
  for (const term of view.requiredTerms ?? []) {
    if (term.kind !== 'parsed') continue;
    for (const field of term.fields) {
      const listed = selectsOnName(field) ? { values: [field.value], holdsIfListed: field.operator === 'In' } : undefined;
      checks.push(nameCheck((name) => fieldRequirementMatchesName(field, name), listed));
    }
  }
  if (checks.length > 0) checks.push(nameCheck((name) => name !== '', { values: [''], holdsIfListed: false }));
  return checks;
}

/** `node`, with every label key read from it added to `read`. */
function recordingReads(node: NodeView, read: Set<string>): NodeView {
  return {
    ...node,
    labels: {
      get: (key) => {
        read.add(key);
        return node.labels.get(key);
      },
    },
  };
}

/**
 * Failing nodes whose evaluation reads the same label keys and fails the same checks: where they
 * also have the same values of those keys, the pod fits them or not for the same reasons, whatever
 * their other labels.
 */
interface ReadSet {
  /** The class keys read (indices into the keys the classes were built on). */
  readonly general: readonly number[];
  /** Interns the values of `general`, one position at a time, as a number. */
  readonly ids: ReadonlyArray<Interner<number>>;
  /** The shared fits of the nodes of each combination of those values. */
  readonly slots: Map<number, FitSlots>;
  /** New slots for one combination: by the values of the failing checks the reasons print. */
  readonly newSlots: () => FitSlots;
}

/** The nodes of one group that fail the same node-specific checks. */
interface Pattern {
  /**
   * The fit reasons of the first of them, which are every other one's with its own values put in:
   * none where the pod fits them all the same (another term of the required affinity matches).
   */
  readonly fit: readonly ReasonText[];
  /** Their fits, shared with the nodes of other groups that read and print the same. */
  readonly slots: FitSlots;
}

/** How the inventory's classes tell nodes apart, for sharing verdicts across groups. */
export interface ClassIds {
  readonly classOf: Int32Array;
  /** The DaemonSet's group of each class by its values of the general part's keys (`classGroups`). */
  readonly groupOf: Int32Array;
  readonly taintIdOf: Int32Array;
  readonly valueIdOf: readonly Int32Array[];
  /** The index in `valueIdOf` of each class key. */
  readonly keyIndex: ReadonlyMap<string, number>;
}

/** Failing checks are told apart by one bit each, in a number that stays an exact integer. */
const MAX_CHECKS = 24;

/**
 * The verdict table of a split DaemonSet: the general part's verdict of each class, then the
 * verdicts of nodes that fail a node-specific check, each node indexed into it.
 *
 * Where every node-specific check holds, the verdict is the general part's for the node's class.
 * Where one fails, the pod's fit (`fitReasons`: name and labels, not taints) takes the same path
 * for every node of its group (its values of the DaemonSet's other keys: `classGroups` of the
 * general part) that fails the same checks: it reads the same label keys and
 * decides the same. Such a pattern is evaluated once, recording the keys read. Where the pod still
 * fits (another term matches), the verdict is the general part's. Where it does not, nodes of any
 * group that fail the same checks, read the same keys, and have the same values of those keys
 * and the same taints get the same verdict, reasons included (they print some of those values: a
 * rack, a serial number); a node that agrees with none before it gets a `NodeVerdict`, which
 * builds its reasons when read. A DaemonSet that selects on node names gets one per node: its
 * reasons print the name.
 *
 * Label values come numbered from `columns`, and each check is answered once per value: a node
 * costs a few array reads and a map lookup, and no allocation unless its verdict is new.
 */
export function nodeSpecificVerdicts(
  view: DaemonSetView,
  split: NodeSpecificSplit,
  inventory: InventoryNodes,
  columns: LabelColumns,
  classes: ClassIds,
  general: readonly Verdict[],
): VerdictTable {
  const { classOf, groupOf, taintIdOf, valueIdOf, keyIndex } = classes;
  const isSpecific = (key: string) => split.specificKeys.includes(key);
  const labelChecks = [
    ...view.nodeSelector
      .filter(([key]) => isSpecific(key))
      .map(([key, expected]) => new LabelCheck(key, columns.of(key), (value) => value === expected, { values: [expected], holdsIfListed: true })),
    ...(view.requiredTerms ?? []).flatMap((term) => (term.kind === 'parsed' ? term.labels : []))
      .filter((requirement) => isSpecific(requirement.key))
      .map((requirement) => {
        const column = columns.of(requirement.key);
        return new LabelCheck(requirement.key, column, requirementValueMatcher(requirement), listedValues(requirement));
      }),
  ];
  const byName = nameChecks(view, columns.names);
  if (labelChecks.length + byName.length > MAX_CHECKS) {
    return { verdicts: Array.from({ length: inventory.length }, (_, i) => shouldRunDaemonPod(view, inventory.view(i))) };
  }
  // The general part's verdict of each class first, so that a node that fails no check keeps its class's index.
  const verdicts = [...general];
  const indexOf = new Int32Array(inventory.length);

  const readSets = new Map<string, ReadSet>();
  const patternCount = 2 ** (labelChecks.length + byName.length);
  // Each failing check adds its own power of two: `failing` tells every set of failing checks apart.
  const bit = Array.from({ length: labelChecks.length + byName.length }, (_, k) => 2 ** k);
  // Keys stay exact doubles: value ids are at most the number of nodes.
  const base = inventory.length + 2;
  /** An id of node i's values of the class keys `readSet` reads. */
  const generalKey = (i: number, readSet: ReadSet): number => {
    const c = classOf[i];
    let id = 0;
    for (let p = 0; p < readSet.general.length; p++) id = readSet.ids[p].id(id * base + valueIdOf[readSet.general[p]][c]);
    return id;
  };
  const slotsFor = (printed: readonly LabelColumn[]) => (): FitSlots => {
    // Reasons that print a node's name or a value of its own share with no other node.
    if (byName.length > 0 || printed.some((column) => column.numberedByNode)) return FitSlots.unshared();
    return printed.length === 0 ? FitSlots.single() : FitSlots.byValues(printed);
  };
  const readSetOf = (failing: number, keysRead: ReadonlySet<string>, i: number): ReadSet => {
    const classKeys = [...keysRead].filter((key) => !isSpecific(key) && keyIndex.has(key)).map((key) => keyIndex.get(key)!).sort((a, b) => a - b);
    // A check that holds adds no reason, so its value is printed by none.
    const specific = labelChecks.flatMap((check, k) => (keysRead.has(check.key) && check.fails(i) ? [k] : []));
    const signature = `${failing}:${classKeys.join(',')}:${specific.join(',')}`;
    let readSet = readSets.get(signature);
    if (!readSet) {
      const ids = classKeys.map(() => new Interner<number>());
      const newSlots = slotsFor(specific.map((k) => labelChecks[k].column));
      readSets.set(signature, (readSet = { general: classKeys, ids, slots: new Map(), newSlots }));
    }
    return readSet;
  };
  /** The pattern of node i, the first of its group to fail the `failing` checks. */
  const newPattern = (i: number, failing: number): Pattern => {
    const keysRead = new Set<string>();
    const fit = fitReasonTexts(view, recordingReads(inventory.view(i), keysRead));
    // The values of the class keys read are the same for every node of the pattern: its group fixes them.
    const readSet = readSetOf(failing, keysRead, i);
    const key = generalKey(i, readSet);
    let slots = readSet.slots.get(key);
    if (slots === undefined) readSet.slots.set(key, (slots = readSet.newSlots()));
    return { fit, slots };
  };

  const failingOf = new Float64Array(inventory.length);
  [...labelChecks, ...byName].forEach((check, k) => check.addFailing(failingOf, bit[k]));
  indexNodes({
    failingOf,
    classOf,
    groupOf,
    taintIdOf,
    patternCount,
    indexOf,
    patternOf: newPattern,
    newVerdict: (i, pattern) => verdicts.push(new NodeVerdict(pattern.fit, view, inventory, i)) - 1,
  });
  return { verdicts, indexOf };
}

/** What `indexNodes` reads and writes for one split DaemonSet. */
interface NodeIndexing {
  /** The sum of the bits of the checks each node fails. */
  readonly failingOf: Float64Array;
  readonly classOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly taintIdOf: Int32Array;
  /** How many sets of failing checks there can be. */
  readonly patternCount: number;
  /** Written: each node's verdict index. */
  readonly indexOf: Int32Array;
  /** The pattern of node i, the first of its group to fail the `failing` checks. */
  readonly patternOf: (i: number, failing: number) => Pattern;
  /** Adds a verdict for node i of `pattern`, and returns its index. */
  readonly newVerdict: (i: number, pattern: Pattern) => number;
}

/**
 * The verdict index of each node of a split DaemonSet (see `nodeSpecificVerdicts`). The loop over
 * 15,000 nodes is a function of its own, called for every split DaemonSet, so that it is compiled
 * once for all of them rather than with each DaemonSet's closures.
 */
function indexNodes(x: NodeIndexing): void {
  const { failingOf, classOf, groupOf, taintIdOf, patternCount, indexOf } = x;
  // Indexed by group and failing checks: a few thousand entries, so a plain array (sparser
  // ones become a hash table by themselves).
  const patterns: Array<Pattern | undefined> = [];
  // Fits shared by nodes that read and print the same, numbered (at most one per node); a verdict
  // per fit and taint list: that of the first list seen with the fit kept by fit, others by key.
  let fitCount = 0;
  const firstTaintOf = new Int32Array(failingOf.length);
  const firstVerdictOf = new Int32Array(failingOf.length);
  const verdictOf = new Map<number, number>();
  let taintBase = 1;
  for (let c = 0; c < taintIdOf.length; c++) taintBase = Math.max(taintBase, taintIdOf[c] + 1);
  for (let i = 0; i < failingOf.length; i++) {
    const failing = failingOf[i];
    const c = classOf[i];
    if (failing === 0) {
      indexOf[i] = c;
      continue;
    }

    const patternKey = groupOf[c] * patternCount + failing;
    let pattern = patterns[patternKey];
    if (pattern === undefined) patterns[patternKey] = pattern = x.patternOf(i, failing);
    // A term without the failing checks matches: the general part decides, as where none fails.
    if (pattern.fit.length === 0) {
      indexOf[i] = c;
      continue;
    }
    const taints = taintIdOf[c];
    let fit = pattern.slots.get(i);
    if (fit < 0) {
      // A new fit has no verdict yet: most are new where the reasons print a node's own value.
      pattern.slots.set(i, (fit = fitCount++));
      firstTaintOf[fit] = taints;
      indexOf[i] = firstVerdictOf[fit] = x.newVerdict(i, pattern);
      continue;
    }
    if (firstTaintOf[fit] === taints) {
      indexOf[i] = firstVerdictOf[fit];
      continue;
    }
    const key = fit * taintBase + taints;
    let index = verdictOf.get(key);
    if (index === undefined) verdictOf.set(key, (index = x.newVerdict(i, pattern)));
    indexOf[i] = index;
  }
}
