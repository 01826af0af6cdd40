import { NodePlacement } from './report';
import { VERDICT_TABLE, verdictAt, VerdictTable } from './verdict-table';

/**
 * Gives a report entry its `placements`, built from the verdict table the first time they are read
 * (JSON.stringify, a matcher, a loop) and then kept: a report over 15,000 nodes and 100 DaemonSets
 * holds 1.5 million placements, and a caller that only reads counts, advisories or a streamed
 * rendering should not pay for them. They are an enumerable own property like the others, so the
 * entry serializes and compares as the plain object it is; the table itself is kept where
 * renderers find it and JSON does not (`VERDICT_TABLE`).
 */
export function definePlacements(entry: object, table: VerdictTable, nodeNames: readonly string[]): void {
  let placements: NodePlacement[] | undefined;
  Object.defineProperty(entry, 'placements', {
    enumerable: true,
    get: () => (placements ??= nodeNames.map((node, i) => {
      const verdict = verdictAt(table, i);
      return { node, shouldRun: verdict.shouldRun, shouldContinueRunning: verdict.shouldContinueRunning, reasons: verdict.reasons };
    })),
  });
}

/** Keeps `table` on the entry for renderers, out of its JSON. */
export function attachVerdictTable(entry: object, table: VerdictTable): void {
  Object.defineProperty(entry, VERDICT_TABLE, { value: table, enumerable: false });
}
