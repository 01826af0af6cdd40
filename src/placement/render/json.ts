import { PlacementReport } from '../report';
import { VERDICT_TABLE, WithVerdictTable } from '../verdict-table';
import { PlacementsJsonWriter } from './placements-json';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

export interface JsonChunkOptions {
  /**
   * Reuse one buffer for the DaemonSets' pieces, so that each piece is valid only until the next
   * one is asked for. For a writer that writes every piece out before asking for the next
   * (`fs.writeSync`): it saves allocating the whole report, hundreds of megabytes over 15,000
   * nodes. Default false: every piece is a buffer of its own.
   */
  readonly reuseBuffer?: boolean;
  /** With `reuseBuffer`, the size of the buffer (default 1 MiB): no piece of a DaemonSet is longer. */
  readonly chunkSize?: number;
}

const DEFAULT_CHUNK_SIZE = 2 ** 20;

/**
 * The report as UTF-8 JSON, a few pieces per DaemonSet or static pod, to write one after the
 * other: together the same text as `JSON.stringify(report)` for the reports `evaluatePlacement`
 * makes (a static pod's entry: `kind` first, `mirrorPods` last).
 *
 * A DaemonSet's placements are copied together from its verdict table as bytes (see
 * `PlacementsJsonWriter`). A report over 15,000 nodes and 100 DaemonSets holds 1.5 million
 * placements; building them as objects or strings first costs several times more than the
 * copying, most of it in the garbage collector.
 */
export function* reportJsonChunks(report: PlacementReport, options: JsonChunkOptions = {}): Generator<Uint8Array> {
  const tables = report.daemonSets.map((daemonSet) => (daemonSet as WithVerdictTable)[VERDICT_TABLE]);
  const placements = new PlacementsJsonWriter(report.nodes, tables, options.reuseBuffer ? (options.chunkSize ?? DEFAULT_CHUNK_SIZE) : undefined);
  yield utf8(`{"nodes":${JSON.stringify(report.nodes)},"daemonSets":[`);
  for (const [d, daemonSet] of report.daemonSets.entries()) {
    const { kind, namespace, name, desiredNumberScheduled, rollout, advisories, errors, warnings, mirrorPods } = daemonSet;
    // A static pod's entry opens with its kind and closes with its mirror pods; a DaemonSet's has neither.
    const kindField = kind === undefined ? '' : `"kind":${JSON.stringify(kind)},`;
    const opening = utf8(`${d > 0 ? ',' : ''}{${kindField}"namespace":${JSON.stringify(namespace)},"name":${JSON.stringify(name)},"placements":`);
    const closing = utf8(`,${JSON.stringify({ desiredNumberScheduled, rollout, advisories, errors, warnings, mirrorPods }).slice(1)}`);
    if (tables[d]) yield* placements.write(d, opening, closing);
    else yield Buffer.concat([opening, utf8(JSON.stringify(daemonSet.placements)), closing]);
  }
  yield utf8(`],"findings":${JSON.stringify(report.findings)}}`);
}

/** The report as one JSON text, equal to `JSON.stringify(report)`; see `reportJsonChunks`. */
export function renderJson(report: PlacementReport): string {
  return Buffer.concat([...reportJsonChunks(report)]).toString('utf8');
}
