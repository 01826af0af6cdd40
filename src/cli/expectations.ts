import { PlacementReport } from '../placement';
import { formatDaemonSetId } from './daemon-set-id';
import { expectationFailures } from '../expectations/placement-expectations';
import { formatFieldError, formatWarning } from '../validation';

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

/** Errors or advisories listed in one line before the rest is counted. */
const LISTED_FINDINGS = 3;

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
  const failures = expectationFailures(report, expectations).map((failure) => failure.message);
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
