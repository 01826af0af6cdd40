import { formatFieldError, formatWarning } from '../../validation';
import { DaemonSetPlacement, PlacementReport } from '../report';
import { describeRowNodes, isStaticPodEntry, MARKS, MatrixOptions, placementMatrix } from './matrix';
import { describeMirrorPods } from './table';

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `` `kube-system/etcd` (static pod) ``: the entry's name in code, and what it is when it is a static pod. */
function entryName(entry: DaemonSetPlacement): string {
  return `\`${cell(`${entry.namespace}/${entry.name}`)}\`${isStaticPodEntry(entry) ? ' (static pod)' : ''}`;
}

/** The report as GitHub-flavoured Markdown, for pull-request comments and job summaries. */
export function renderMarkdown(report: PlacementReport, options: MatrixOptions = {}): string {
  const matrix = placementMatrix(report, options);
  const lines: string[] = [];
  lines.push('| | DaemonSet | Runs on | Rollout |', '|---|---|---|---|');
  matrix.columns.forEach((column, c) => {
    const kind = column.static ? ` (static pod; ${cell(describeMirrorPods(report.daemonSets[c]))})` : '';
    lines.push(`| ${column.label} | \`${cell(column.id)}\`${kind} | ${column.desiredNumberScheduled}/${matrix.nodeCount} | ${cell(column.rollout)} |`);
  });
  lines.push('');
  lines.push(`| ${matrix.grouped ? 'Nodes' : 'Node'} | ${matrix.columns.map((c) => c.label).join(' | ')} |`);
  lines.push(`|---|${matrix.columns.map(() => ':-:').join('|')}|`);
  for (const row of matrix.rows) lines.push(`| ${cell(describeRowNodes(row))} | ${row.cells.map(cell).join(' | ')} |`);
  lines.push('', `${MARKS.runs} runs a pod · ${MARKS.stays} no new pod, a running one stays · ${MARKS.absent} no pod · numbers refer to the reasons`);
  if (matrix.columns.some((column) => column.static)) {
    lines.push('', `${MARKS.staticRuns} static pod: the node's kubelet runs it from its file, whatever its taints; ${MARKS.notStatic} no file for this node`);
  }
  if (matrix.reasons.length > 0) {
    lines.push('', '**Reasons**', '');
    matrix.reasons.forEach((reason, i) => lines.push(`${i + 1}. ${cell(reason)}`));
  }
  const advisories = report.daemonSets.flatMap((ds) => ds.advisories.map((a) => `${entryName(ds)} on \`${a.node}\`: ${a.code}: ${cell(a.message)}`));
  if (advisories.length > 0) {
    lines.push('', '**Advisories**', '');
    advisories.forEach((a) => lines.push(`- ${a}`));
  }
  const errors = report.daemonSets.flatMap((ds) => ds.errors.map((e) => `${entryName(ds)}: ${cell(formatFieldError(e))}`));
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
    ...report.daemonSets.flatMap((ds) => ds.warnings.map((w) => `${entryName(ds)}: ${cell(formatWarning(w))}`)),
    ...report.findings.filter((f) => f.severity === 'warning').map((f) => cell(f.message)),
  ];
  if (warnings.length > 0) {
    lines.push('', '**Warnings**', '');
    warnings.forEach((w) => lines.push(`- warning: ${w}`));
  }
  return `${lines.join('\n')}\n`;
}
