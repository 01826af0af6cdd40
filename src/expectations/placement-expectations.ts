import { FamilyCoverage, isExactlyOnce } from '../placement/family-coverage';
import { describeGaps, describeOverlaps, gapSummary, overlapSummary } from '../placement/family-findings';
import { DaemonSetPlacement, NodePlacement, PlacementReport } from '../placement/report';
import { familiesNamed, familyCoverageOf } from '../placement/report-families';
import { FAMILY_LABEL } from '../variants/family-labels';

/**
 * Where DaemonSets must run, as `everynode place --expect-...` and the `cdk8s synth` plugin's
 * `expectations` ask it. DaemonSets and families are named `name` (that name in every namespace,
 * and each match must hold) or `namespace/name`.
 */
export interface PlacementExpectations {
  /** DaemonSets that must run a pod on every node. */
  readonly everyNode?: readonly string[];
  /** DaemonSets that must run a pod on exactly these nodes (by node name), in any order. */
  readonly nodes?: ReadonlyMap<string, readonly string[]>;
  /**
   * Variant families (the `everynode.io/family` label) that must run at most one variant on each
   * node, and one on every node when they have a default.
   */
  readonly exactlyOnce?: readonly string[];
}

/** Which expectation failed: the key it was given under. */
export type ExpectationKind = 'everyNode' | 'nodes' | 'exactlyOnce';

/** One broken expectation. */
export interface ExpectationFailure {
  readonly expectation: ExpectationKind;
  /** The DaemonSet or family as the expectation names it. */
  readonly wanted: string;
  /**
   * The DaemonSets the failure is about (a family's members); empty when the manifests hold no
   * DaemonSet (or family) that `wanted` names.
   */
  readonly daemonSets: readonly DaemonSetPlacement[];
  /** Every node where the expectation breaks, in inventory order (the message names the first few). */
  readonly nodes: readonly string[];
  /** One line: what was expected, and where it does not hold. */
  readonly message: string;
}

/** Nodes listed in one line before the rest is counted. */
const LISTED_NODES = 5;

/** `namespace/name`, the way kubectl and the reports write it. */
function idOf(daemonSet: DaemonSetPlacement): string {
  return `${daemonSet.namespace}/${daemonSet.name}`;
}

/** Whether the entry is the DaemonSet `wanted` names; a static pod is none (it runs where its files are). */
function matches(daemonSet: DaemonSetPlacement, wanted: string): boolean {
  if (daemonSet.kind !== undefined) return false;
  const slash = wanted.indexOf('/');
  return slash < 0
    ? daemonSet.name === wanted
    : daemonSet.namespace === wanted.slice(0, slash) && daemonSet.name === wanted.slice(slash + 1);
}

function listed<T>(items: readonly T[], limit: number, describe: (item: T) => string): string {
  const shown = items.slice(0, limit).map(describe).join('; ');
  return items.length > limit ? `${shown}; and ${items.length - limit} more` : shown;
}

function describeSkipped(skipped: readonly NodePlacement[]): string {
  return listed(skipped, LISTED_NODES, (p) => `${p.node} (${p.reasons.map((r) => r.message).join(' and ')})`);
}

function everyNodeFailures(report: PlacementReport, wanted: string): ExpectationFailure[] {
  const found = report.daemonSets.filter((daemonSet) => matches(daemonSet, wanted));
  if (found.length === 0) {
    const message = `expected DaemonSet ${wanted} on every node, but the manifests hold no DaemonSet ${wanted}`;
    return [{ expectation: 'everyNode', wanted, daemonSets: [], nodes: [], message }];
  }
  return found.flatMap((daemonSet) => {
    const skipped = daemonSet.placements.filter((placement) => !placement.shouldRun);
    if (skipped.length === 0) return [];
    const message = `expected ${idOf(daemonSet)} on every node, but it runs on ` +
      `${daemonSet.desiredNumberScheduled} of ${report.nodes.length}: no new pod on ${describeSkipped(skipped)}`;
    return [{ expectation: 'everyNode' as const, wanted, daemonSets: [daemonSet], nodes: skipped.map((p) => p.node), message }];
  });
}

function exactNodesFailures(report: PlacementReport, wanted: string, nodes: readonly string[]): ExpectationFailure[] {
  const expected = new Set(nodes);
  const shown = listed([...expected], LISTED_NODES, (node) => node);
  const found = report.daemonSets.filter((daemonSet) => matches(daemonSet, wanted));
  if (found.length === 0) {
    const message = `expected DaemonSet ${wanted} on ${shown}, but the manifests hold no DaemonSet ${wanted}`;
    return [{ expectation: 'nodes', wanted, daemonSets: [], nodes: [], message }];
  }
  const unknown = [...expected].filter((node) => !report.nodes.includes(node));
  return found.flatMap((daemonSet) => {
    const problems: string[] = [];
    if (unknown.length > 0) problems.push(`the inventory has no node ${listed(unknown, LISTED_NODES, (node) => node)}`);
    const skipped = daemonSet.placements.filter((placement) => expected.has(placement.node) && !placement.shouldRun);
    if (skipped.length > 0) problems.push(`no new pod on ${describeSkipped(skipped)}`);
    const extra = daemonSet.placements.filter((placement) => placement.shouldRun && !expected.has(placement.node));
    if (extra.length > 0) problems.push(`it also runs on ${listed(extra, LISTED_NODES, (p) => p.node)}`);
    if (problems.length === 0) return [];
    const wrong = new Set([...skipped, ...extra]);
    return [{
      expectation: 'nodes' as const,
      wanted,
      daemonSets: [daemonSet],
      nodes: daemonSet.placements.filter((placement) => wrong.has(placement)).map((p) => p.node),
      message: `expected ${idOf(daemonSet)} on exactly ${shown}, but ${problems.join('; ')}`,
    }];
  });
}

function familyFailures(report: PlacementReport, coverage: FamilyCoverage, wanted: string): ExpectationFailure[] {
  const { family } = coverage;
  const daemonSets = family.members.map((member) => report.daemonSets[member.daemonSet]);
  const expected = `expected family ${family.namespace}/${family.name} to run exactly once on every node, but`;
  const failures: ExpectationFailure[] = [];
  const nodesAt = (indices: Int32Array) => Array.from(indices, (i) => report.nodes[i]);
  if (coverage.overlapNodes.length > 0) {
    const message = `${expected} ${overlapSummary(coverage)}: ${describeOverlaps(coverage, report.nodes, LISTED_NODES)}`;
    failures.push({ expectation: 'exactlyOnce', wanted, daemonSets, nodes: nodesAt(coverage.overlapNodes), message });
  }
  if (coverage.gapNodes.length > 0) {
    const message = `${expected} ${gapSummary(coverage)}: ${describeGaps(coverage, report.nodes, LISTED_NODES)}`;
    failures.push({ expectation: 'exactlyOnce', wanted, daemonSets, nodes: nodesAt(coverage.gapNodes), message });
  }
  return failures;
}

function exactlyOnceFailures(report: PlacementReport, wanted: string): ExpectationFailure[] {
  const coverages = familyCoverageOf(report);
  // The report comes from evaluatePlacement in this process: no coverage is a bug, not bad input.
  if (coverages === undefined) throw new Error('the report carries no variant families: it was not made by evaluatePlacement');
  const found = familiesNamed(coverages, wanted);
  if (found.length === 0) {
    const slash = wanted.indexOf('/');
    const where = slash < 0 ? '' : ` in namespace ${wanted.slice(0, slash)}`;
    const message = `expected family ${wanted} to run exactly once on every node, but the manifests hold no DaemonSet ` +
      `labelled ${FAMILY_LABEL}=${wanted.slice(slash + 1)}${where}`;
    return [{ expectation: 'exactlyOnce', wanted, daemonSets: [], nodes: [], message }];
  }
  return found.filter((coverage) => !isExactlyOnce(coverage)).flatMap((coverage) => familyFailures(report, coverage, wanted));
}

/**
 * The expectations the report breaks, in the order they were given; none when all hold.
 *
 * A name that matches no DaemonSet (or family) fails: the DaemonSet the check guards may have been
 * dropped from the manifests, which is exactly what such a check exists to catch.
 *
 * @param report made by `evaluatePlacement` in this process (families are read from it)
 */
export function expectationFailures(report: PlacementReport, expectations: PlacementExpectations): ExpectationFailure[] {
  return [
    ...(expectations.everyNode ?? []).flatMap((wanted) => everyNodeFailures(report, wanted)),
    ...[...(expectations.nodes ?? new Map<string, readonly string[]>())].flatMap(([wanted, nodes]) => exactNodesFailures(report, wanted, nodes)),
    ...(expectations.exactlyOnce ?? []).flatMap((wanted) => exactlyOnceFailures(report, wanted)),
  ];
}
