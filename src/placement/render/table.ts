import { formatFieldError, formatWarning } from '../../validation';
import { PlacementReport } from '../report';
import { describeRowNodes, MARKS, MatrixOptions, placementMatrix } from './matrix';

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

/**
 * The report as a terminal table: a legend of DaemonSets, a matrix of nodes (or groups of nodes
 * with the same verdicts) by DaemonSets with a mark per cell, the numbered reasons, then
 * advisories, validation errors, errors across DaemonSets (variant families) and warnings.
 */
export function renderTable(report: PlacementReport, options: TableOptions = {}): string {
  const matrix = placementMatrix(report, options);
  const lines: string[] = [];
  const nodeWord = (n: number) => `${n} node${n === 1 ? '' : 's'}`;

  lines.push(`DaemonSets (${report.daemonSets.length}) on ${nodeWord(matrix.nodeCount)}:`);
  const idWidth = Math.max(0, ...matrix.columns.map((c) => c.id.length));
  for (const column of matrix.columns) {
    const notes = [
      `runs on ${column.desiredNumberScheduled}/${matrix.nodeCount}`,
      column.rollout,
      ...(column.errors > 0 ? [`${column.errors} validation error${column.errors === 1 ? '' : 's'}`] : []),
    ];
    lines.push(`  ${pad(column.label, 3)}${pad(column.id, idWidth)}  ${notes.join('; ')}`);
  }
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

  if (matrix.reasons.length > 0) {
    lines.push('', 'Reasons:');
    const numberWidth = String(matrix.reasons.length).length;
    matrix.reasons.forEach((reason, i) => lines.push(`  ${String(i + 1).padStart(numberWidth)}  ${reason}`));
  }

  const advisories = report.daemonSets.flatMap((ds) =>
    ds.advisories.map((a) => `${ds.namespace}/${ds.name} on ${a.node}: ${a.code}: ${a.message}`),
  );
  if (advisories.length > 0) {
    const shown = options.maxAdvisories ?? 20;
    // Not only Pending: a pod on a node of another OS is scheduled and then fails on the node.
    lines.push('', `Advisories (${advisories.length}): the controller creates these pods, but they would not run:`);
    advisories.slice(0, shown).forEach((a) => lines.push(`  ${a}`));
    if (advisories.length > shown) lines.push(`  ... and ${advisories.length - shown} more (see --output json)`);
  }

  const errors = report.daemonSets.flatMap((ds) => ds.errors.map((e) => `${ds.namespace}/${ds.name}: ${formatFieldError(e)}`));
  if (errors.length > 0) {
    lines.push('', 'Validation errors (the API server would reject these DaemonSets):');
    errors.forEach((e) => lines.push(`  ${e}`));
  }

  // Each DaemonSet of a variant family that runs twice on a node passes every check of its own.
  const appErrors = report.findings.filter((f) => f.severity === 'error');
  if (appErrors.length > 0) {
    lines.push('', 'Errors across DaemonSets (each is fine alone, not together):');
    appErrors.forEach((f) => lines.push(`  error: ${f.message}`));
  }

  const warnings = [
    ...report.daemonSets.flatMap((ds) => ds.warnings.map((w) => `${ds.namespace}/${ds.name}: ${formatWarning(w)}`)),
    ...report.findings.filter((f) => f.severity === 'warning').map((f) => f.message),
  ];
  if (warnings.length > 0) {
    lines.push('', 'Warnings (the API server accepts these, but they are almost certainly mistakes):');
    warnings.forEach((w) => lines.push(`  warning: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}
