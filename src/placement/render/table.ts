import { formatFieldError, formatWarning } from '../../validation';
import { DaemonSetPlacement, PlacementReport } from '../report';
import { describeEntry, describeRowNodes, isStaticPodEntry, MARKS, MatrixColumn, MatrixOptions, placementMatrix } from './matrix';

/** Options of the text table. */
export interface TableOptions extends MatrixOptions {
  /**
   * At most this many advisories are listed; the JSON report has them all.
   * @default 20
   */
  readonly maxAdvisories?: number;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

const LISTED_MIRROR_PODS = 3;

/** `mirror pod etcd-cp-1`, `mirror pods etcd-cp-1, etcd-cp-2, etcd-cp-3 and 2 more`. */
export function describeMirrorPods(entry: DaemonSetPlacement): string {
  const names = (entry.mirrorPods ?? []).map((pod) => pod.name);
  const shown = names.slice(0, LISTED_MIRROR_PODS).join(', ');
  const more = names.length > LISTED_MIRROR_PODS ? ` and ${names.length - LISTED_MIRROR_PODS} more` : '';
  return `mirror pod${names.length === 1 ? '' : 's'} ${shown}${more}`;
}

/** What the legend says of a column: where it runs, how it rolls out, what is wrong. */
function columnNotes(column: MatrixColumn, entry: DaemonSetPlacement, nodeCount: number): string {
  const errors = column.errors > 0 ? [`${column.errors} validation error${column.errors === 1 ? '' : 's'}`] : [];
  if (!column.static) return [`runs on ${column.desiredNumberScheduled}/${nodeCount}`, column.rollout, ...errors].join('; ');
  return [`static pod, runs on ${column.desiredNumberScheduled}/${nodeCount} (${describeMirrorPods(entry)})`, column.rollout, ...errors].join('; ');
}

/**
 * The report as a terminal table: a legend of DaemonSets and static pods, a matrix of nodes (or groups of nodes
 * with the same verdicts) by DaemonSets with a mark per cell, the numbered reasons, then
 * advisories, validation errors, errors across DaemonSets (variant families) and warnings.
 */
export function renderTable(report: PlacementReport, options: TableOptions = {}): string {
  const matrix = placementMatrix(report, options);
  const lines: string[] = [];
  const nodeWord = (n: number) => `${n} node${n === 1 ? '' : 's'}`;

  const staticCount = matrix.columns.filter((column) => column.static).length;
  const daemonSetCount = report.daemonSets.length - staticCount;
  const counted = [
    ...(daemonSetCount > 0 || staticCount === 0 ? [`DaemonSets (${daemonSetCount})`] : []),
    ...(staticCount > 0 ? [`${daemonSetCount > 0 ? 'static' : 'Static'} pods (${staticCount})`] : []),
  ];
  lines.push(`${counted.join(' and ')} on ${nodeWord(matrix.nodeCount)}:`);
  const idWidth = Math.max(0, ...matrix.columns.map((c) => c.id.length));
  matrix.columns.forEach((column, c) => {
    lines.push(`  ${pad(column.label, 3)}${pad(column.id, idWidth)}  ${columnNotes(column, report.daemonSets[c], matrix.nodeCount)}`);
  });
  lines.push('');

  const rowLabels = matrix.rows.map(describeRowNodes);
  const header = matrix.grouped ? 'NODES' : 'NODE';
  const labelWidth = Math.max(header.length, ...rowLabels.map((l) => l.length));
  const cellWidths = matrix.columns.map((column, c) =>
    Math.max(column.label.length, ...matrix.rows.map((row) => [...row.cells[c]].length)),
  );
  lines.push([pad(header, labelWidth), ...matrix.columns.map((column, c) => pad(column.label, cellWidths[c]))].join('  ').trimEnd());
  matrix.rows.forEach((row, r) => {
    lines.push([pad(rowLabels[r], labelWidth), ...row.cells.map((cell, c) => pad(cell, cellWidths[c]))].join('  ').trimEnd());
  });
  lines.push('');
  lines.push(`${MARKS.runs} runs a pod   ${MARKS.stays} no new pod, a running one stays   ${MARKS.absent} no pod   (numbers: reasons)`);
  if (staticCount > 0) {
    lines.push(`${MARKS.staticRuns} static pod: the node's kubelet runs it from its file, whatever its taints   ${MARKS.notStatic} no file for this node`);
  }

  if (matrix.reasons.length > 0) {
    lines.push('', 'Reasons:');
    const numberWidth = String(matrix.reasons.length).length;
    matrix.reasons.forEach((reason, i) => lines.push(`  ${String(i + 1).padStart(numberWidth)}  ${reason}`));
  }

  const advisories = report.daemonSets.flatMap((ds) =>
    ds.advisories.map((a) => `${describeEntry(ds)} on ${a.node}: ${a.code}: ${a.message}`),
  );
  if (advisories.length > 0) {
    const shown = options.maxAdvisories ?? 20;
    // Not only Pending: a pod on a node of another OS is scheduled and then fails on the node.
    lines.push('', `Advisories (${advisories.length}): the controller creates these pods, but they would not run:`);
    advisories.slice(0, shown).forEach((a) => lines.push(`  ${a}`));
    if (advisories.length > shown) lines.push(`  ... and ${advisories.length - shown} more (see --output json)`);
  }

  const errors = report.daemonSets.flatMap((ds) => ds.errors.map((e) => `${describeEntry(ds)}: ${formatFieldError(e)}`));
  if (errors.length > 0) {
    const mirrorPods = report.daemonSets.some((ds) => isStaticPodEntry(ds) && ds.errors.length > 0) ? ' or mirror pods' : '';
    lines.push('', `Validation errors (the API server would reject these DaemonSets${mirrorPods}):`);
    errors.forEach((e) => lines.push(`  ${e}`));
  }

  // Each DaemonSet of a variant family that runs twice on a node passes every check of its own.
  const appErrors = report.findings.filter((f) => f.severity === 'error');
  if (appErrors.length > 0) {
    lines.push('', 'Errors across DaemonSets (each is fine alone, not together):');
    appErrors.forEach((f) => lines.push(`  error: ${f.message}`));
  }

  const warnings = [
    ...report.daemonSets.flatMap((ds) => ds.warnings.map((w) => `${describeEntry(ds)}: ${formatWarning(w)}`)),
    ...report.findings.filter((f) => f.severity === 'warning').map((f) => f.message),
  ];
  if (warnings.length > 0) {
    lines.push('', 'Warnings (the API server accepts these, but they are almost certainly mistakes):');
    warnings.forEach((w) => lines.push(`  warning: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}
