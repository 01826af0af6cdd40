import { DaemonSetPlacement, PlacementReport } from '../placement';
import { formatDaemonSetId } from './daemon-set-id';
import { UsageError } from './usage-error';
import { FamilyCoverage, isExactlyOnce } from '../placement/family-coverage';
import { describeGaps, describeOverlaps, gapSummary, overlapSummary } from '../placement/family-findings';
import { familiesNamed, familyCoverageOf } from '../placement/report-families';
import { formatFieldError, formatWarning } from '../validation';
import { FAMILY_LABEL } from '../variants/family-labels';

/** What `everynode place` was asked to check besides printing the report. */
export interface PlaceExpectations {
  /** `name` or `namespace/name` of DaemonSets that must run a pod on every node. */
  readonly everyNode: readonly string[];
  /**
   * `name` or `namespace/name` of variant families (the `everynode.io/family` label) that must
   * run at most one variant on each node, and one on every node when they have a default.
   */
  readonly exactlyOnce: readonly string[];
  readonly failOnErrors: boolean;
  readonly failOnAdvisories: boolean;
  /** `--strict`: warnings and app-wide findings fail too. */
  readonly failOnWarnings: boolean;
}

/** Nodes, errors or advisories listed in one line before the rest is counted. */
const LISTED_NODES = 5;
const LISTED_FINDINGS = 3;

/**
 * Checks the names given to an `--expect-...` option before anything is read, so a typo is a
 * usage error rather than a failed expectation.
 * @param option the option, as the message names it (`--expect-every-node`)
 * @throws UsageError for an empty name or namespace
 */
export function checkObjectNames(names: readonly string[], option: string): void {
  for (const name of names) {
    const parts = name.split('/');
    if (parts.length > 2 || parts.some((part) => part === '')) {
      throw new UsageError(`${option} needs NAME or NAMESPACE/NAME (got '${name}')`, 'place');
    }
  }
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

/**
 * The expectations the report breaks, one line each; none when all hold.
 *
 * A bare NAME matches that name in every namespace, and each match must hold. A NAME that
 * matches no DaemonSet (or family) fails: the DaemonSet the check guards may have been dropped
 * from the manifests, which is exactly what such a check exists to catch.
 */
export function failedExpectations(report: PlacementReport, expectations: PlaceExpectations): string[] {
  const failures: string[] = [];
  for (const wanted of expectations.everyNode) {
    const found = report.daemonSets.filter((daemonSet) => matches(daemonSet, wanted));
    if (found.length === 0) {
      failures.push(`expected DaemonSet ${wanted} on every node, but the manifests hold no DaemonSet ${wanted}`);
    }
    for (const daemonSet of found) {
      const skipped = daemonSet.placements.filter((placement) => !placement.shouldRun);
      if (skipped.length === 0) continue;
      const nodes = listed(skipped, LISTED_NODES, (p) => `${p.node} (${p.reasons.map((r) => r.message).join(' and ')})`);
      failures.push(
        `expected ${formatDaemonSetId(daemonSet)} on every node, but it runs on ` +
        `${daemonSet.desiredNumberScheduled} of ${report.nodes.length}: no new pod on ${nodes}`,
      );
    }
  }
  failures.push(...expectations.exactlyOnce.flatMap((wanted) => exactlyOnceFailures(report, wanted)));
  for (const daemonSet of report.daemonSets) {
    if (expectations.failOnErrors && daemonSet.errors.length > 0) {
      const count = daemonSet.errors.length;
      failures.push(
        `${formatDaemonSetId(daemonSet)} has ${count} validation error${count === 1 ? '' : 's'}: ` +
        listed(daemonSet.errors, LISTED_FINDINGS, formatFieldError),
      );
    }
    if (expectations.failOnAdvisories && daemonSet.advisories.length > 0) {
      const count = daemonSet.advisories.length;
      failures.push(
        `${formatDaemonSetId(daemonSet)} has ${count} advisor${count === 1 ? 'y' : 'ies'}: ` +
        listed(daemonSet.advisories, LISTED_FINDINGS, (a) => `${a.node}: ${a.code}: ${a.message}`),
      );
    }
    if (expectations.failOnWarnings && daemonSet.warnings.length > 0) {
      const count = daemonSet.warnings.length;
      failures.push(
        `${formatDaemonSetId(daemonSet)} has ${count} warning${count === 1 ? '' : 's'} (--strict): ` +
        listed(daemonSet.warnings, LISTED_FINDINGS, formatWarning),
      );
    }
  }
  if (expectations.failOnWarnings) {
    for (const finding of report.findings) failures.push(`${finding.message} (--strict)`);
  }
  return failures;
}

function familyFailures(coverage: FamilyCoverage, nodeNames: readonly string[]): string[] {
  const { family } = coverage;
  const expected = `expected family ${family.namespace}/${family.name} to run exactly once on every node, but`;
  const failures: string[] = [];
  if (coverage.overlapNodes.length > 0) {
    failures.push(`${expected} ${overlapSummary(coverage)}: ${describeOverlaps(coverage, nodeNames, LISTED_NODES)}`);
  }
  if (coverage.gapNodes.length > 0) {
    failures.push(`${expected} ${gapSummary(coverage)}: ${describeGaps(coverage, nodeNames, LISTED_NODES)}`);
  }
  return failures;
}

/** `--expect-exactly-once`: a line per family that `wanted` names and kind of failure. */
function exactlyOnceFailures(report: PlacementReport, wanted: string): string[] {
  const coverages = familyCoverageOf(report);
  // The report comes from evaluatePlacement in this process: no coverage is a bug, not bad input.
  if (coverages === undefined) throw new Error('the report carries no variant families: it was not made by evaluatePlacement');
  const found = familiesNamed(coverages, wanted);
  if (found.length === 0) {
    const slash = wanted.indexOf('/');
    const where = slash < 0 ? '' : ` in namespace ${wanted.slice(0, slash)}`;
    return [
      `expected family ${wanted} to run exactly once on every node, but the manifests hold no DaemonSet ` +
      `labelled ${FAMILY_LABEL}=${wanted.slice(slash + 1)}${where}`,
    ];
  }
  return found.filter((coverage) => !isExactlyOnce(coverage)).flatMap((coverage) => familyFailures(coverage, report.nodes));
}
