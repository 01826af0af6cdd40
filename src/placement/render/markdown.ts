import { formatFieldError, formatWarning } from '../../validation';
import { PlacementReport } from '../report';
import { describeRowNodes, MARKS, MatrixOptions, placementMatrix } from './matrix';

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The report as GitHub-flavoured Markdown, for pull-request comments and job summaries. */
export function renderMarkdown(report: PlacementReport, options: MatrixOptions = {}): string {
  const matrix = placementMatrix(report, options);
  const lines: string[] = [];
  lines.push('| | DaemonSet | Runs on | Rollout |', '|---|---|---|---|');
  for (const column of matrix.columns) {
    lines.push(`| ${column.label} | \`${cell(column.id)}\` | ${column.desiredNumberScheduled}/${matrix.nodeCount} | ${cell(column.rollout)} |`);
  }
  lines.push('');
  lines.push(`| ${matrix.grouped ? 'Nodes' : 'Node'} | ${matrix.columns.map((c) => c.label).join(' | ')} |`);
  lines.push(`|---|${matrix.columns.map(() => ':-:').join('|')}|`);
  for (const row of matrix.rows) lines.push(`| ${cell(describeRowNodes(row))} | ${row.cells.map(cell).join(' | ')} |`);
  lines.push('', `${MARKS.runs} runs a pod · ${MARKS.stays} no new pod, a running one stays · ${MARKS.absent} no pod · numbers refer to the reasons`);
  if (matrix.reasons.length > 0) {
    lines.push('', '**Reasons**', '');
    matrix.reasons.forEach((reason, i) => lines.push(`${i + 1}. ${cell(reason)}`));
  }
  const advisories = report.daemonSets.flatMap((ds) => ds.advisories.map((a) => `\`${ds.namespace}/${ds.name}\` on \`${a.node}\`: ${a.code}: ${cell(a.message)}`));
  if (advisories.length > 0) {
    lines.push('', '**Advisories**', '');
    advisories.forEach((a) => lines.push(`- ${a}`));
  }
  const errors = report.daemonSets.flatMap((ds) => ds.errors.map((e) => `\`${ds.namespace}/${ds.name}\`: ${cell(formatFieldError(e))}`));
  if (errors.length > 0) {
    lines.push('', '**Validation errors**', '');
    errors.forEach((e) => lines.push(`- ${e}`));
  }
  const appErrors = report.findings.filter((f) => f.severity === 'error');
  if (appErrors.length > 0) {
    lines.push('', '**Errors across DaemonSets**', '');
    appErrors.forEach((f) => lines.push(`- error: ${cell(f.message)}`));
  }
  const warnings = [
    ...report.daemonSets.flatMap((ds) => ds.warnings.map((w) => `\`${ds.namespace}/${ds.name}\`: ${cell(formatWarning(w))}`)),
    ...report.findings.filter((f) => f.severity === 'warning').map((f) => cell(f.message)),
  ];
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '');
    warnings.forEach((w) => lines.push(`- warning: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}
