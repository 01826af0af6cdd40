import { PlacementReport } from '../placement';
import { LookupError } from './find-daemon-set';
import { FamilyCoverage } from '../placement/family-coverage';
import { familiesNamed, familyCoverageOf } from '../placement/report-families';
import { memberNames } from '../placement/variant-families';
import { FAMILY_LABEL } from '../variants/family-labels';

/** `observability/node-agent`, as the matchers name a family. */
export function familyId(coverage: FamilyCoverage): string {
  return `${coverage.family.namespace}/${coverage.family.name}`;
}

function familiesOf(coverages: readonly FamilyCoverage[]): string {
  if (coverages.length === 0) return `No DaemonSet of the report has the ${FAMILY_LABEL} label.`;
  return `Variant families in the report: ${coverages.map((c) => `${familyId(c)} (${memberNames(c.family).join(', ')})`).join('; ')}`;
}

/**
 * The variant family that `reference` names: `namespace/name`, or a bare `name` when only one
 * namespace has a family of that name.
 *
 * @throws LookupError when no family, or more than one, answers to `reference`, or when the report
 *   does not carry its families (it was read back from JSON rather than made by evaluatePlacement)
 */
export function findFamily(report: PlacementReport, reference: unknown): FamilyCoverage {
  const coverages = familyCoverageOf(report);
  if (coverages === undefined) {
    throw new LookupError(
      'the report does not say which DaemonSets form variant families',
      'Only a report that evaluatePlacement (or evaluateChart) made carries them: its JSON, read back, does not.',
    );
  }
  if (typeof reference !== 'string' || reference === '') {
    throw new LookupError('the family must be given as `name` or `namespace/name`', familiesOf(coverages));
  }
  const matches = familiesNamed(coverages, reference);
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const slash = reference.indexOf('/');
    const where = slash < 0 ? '' : ` in namespace ${reference.slice(0, slash)}`;
    throw new LookupError(
      `no variant family ${JSON.stringify(reference)} in the report: no DaemonSet${where} is labelled ${FAMILY_LABEL}=${reference.slice(slash + 1)}`,
      familiesOf(coverages),
    );
  }
  throw new LookupError(
    `the family ${JSON.stringify(reference)} is ambiguous`,
    `Name one of them as namespace/name: ${matches.map(familyId).join(', ')}.`,
  );
}
