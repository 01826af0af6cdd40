import { JsonObject } from '../json/shape';
import { Finding } from '../validation';
import { FamilyCoverage, familyCoverage } from './family-coverage';
import { familyFindings } from './family-findings';
import { variantFamilies } from './variant-families';
import { VerdictTable } from './verdict-table';

/** What the variant-family check found: every family's coverage, and the findings of the wrong ones. */
export interface VariantFamilyCheck {
  readonly coverages: readonly FamilyCoverage[];
  readonly findings: readonly Finding[];
}

/**
 * Checks every variant family among the evaluated DaemonSets against their verdicts: no node runs
 * two variants, and a family with a default runs one on every node.
 *
 * @param daemonSets the evaluated DaemonSets, in report order
 * @param tables their verdict tables, in the same order
 * @param nodeNames the inventory's node names, in order
 */
export function checkVariantFamilies(
  daemonSets: readonly JsonObject[],
  tables: readonly VerdictTable[],
  nodeNames: readonly string[],
): VariantFamilyCheck {
  const coverages = variantFamilies(daemonSets).map((family) => familyCoverage(family, tables, nodeNames.length));
  return { coverages, findings: familyFindings(coverages, nodeNames) };
}
