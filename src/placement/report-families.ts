import { Finding } from '../validation';
import { FamilyCoverage } from './family-coverage';
import { PlacementReport } from './report';

/**
 * Where a report keeps the coverage of its variant families, for the checks that ask about one
 * family by name (`--expect-exactly-once`, `toRunExactlyOncePerNode`): the findings name only
 * the families that are wrong, and these checks must also tell a right family from a missing
 * one. Not enumerable, so it is never part of the report's JSON.
 */
const FAMILY_COVERAGE = Symbol('everynode.familyCoverage');

interface WithFamilyCoverage {
  readonly [FAMILY_COVERAGE]?: readonly FamilyCoverage[];
}

/** `report`, carrying `coverages` for `familyCoverageOf`. */
export function withFamilyCoverage<T extends PlacementReport>(report: T, coverages: readonly FamilyCoverage[]): T {
  Object.defineProperty(report, FAMILY_COVERAGE, { value: coverages, enumerable: false });
  return report;
}

/**
 * The coverage of every variant family the report's DaemonSets form; undefined for a report
 * that was not made by `evaluatePlacement` (read back from JSON, say).
 */
export function familyCoverageOf(report: PlacementReport): readonly FamilyCoverage[] | undefined {
  return (report as WithFamilyCoverage)[FAMILY_COVERAGE];
}

/** A copy of `report` with other findings, still carrying its family coverage. */
export function withFindings(report: PlacementReport, findings: readonly Finding[]): PlacementReport {
  const copy: PlacementReport = { ...report, findings };
  const coverages = familyCoverageOf(report);
  return coverages ? withFamilyCoverage(copy, coverages) : copy;
}

/**
 * The families that `reference` names: `namespace/name`, or a bare `name`, which matches that
 * family in every namespace.
 */
export function familiesNamed(coverages: readonly FamilyCoverage[], reference: string): FamilyCoverage[] {
  const slash = reference.indexOf('/');
  return coverages.filter(({ family }) => (slash < 0
    ? family.name === reference
    : family.namespace === reference.slice(0, slash) && family.name === reference.slice(slash + 1)));
}
