import { gzipSync } from 'zlib';
import { CellState, ColumnVerdicts, columnVerdicts, verdictOfNode } from './column-verdicts';
import { escapeHtml, scriptJson } from './escape';
import { groupNodes, NodeGroup } from './node-groups';
import { pageData } from './page-data';
import { PAGE_SCRIPT } from './page-script';
import { PAGE_STYLE } from './page-style';
import { describeRollout, MARKS } from '../placement/render/matrix';
import { DaemonSetPlacement, PlacementReport } from '../placement/report';
import { formatFieldError, formatWarning } from '../validation';

/** Options of the HTML page. */
export interface HtmlOptions {
  /**
   * The page's title and heading.
   * @default 'DaemonSet placement'
   */
  readonly title?: string;
}

const LISTED_REASONS = 10;
const LISTED_ADVISORIES = 50;
const LISTED_FINDING_NODES = 20;
/**
 * Groups written into the page, largest first; the script adds the others on request. A large
 * inventory whose DaemonSets select by rack or serial number splits into a thousand groups, and
 * their 100,000 cells would take the browser seconds to lay out.
 */
const PAGE_GROUPS = 100;
/** Node names each group lists when the page's script does not run. */
const NAMES_WITHOUT_SCRIPT = 20;

const STATE_WORDS: Readonly<Record<CellState, string>> = { r: 'runs a pod', k: 'no new pod, a running one stays', n: 'no pod' };

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function isStatic(entry: DaemonSetPlacement): boolean {
  return entry.kind === 'StaticPod';
}

function symbol(state: CellState, staticPod: boolean): string {
  if (staticPod) return state === 'r' ? MARKS.staticRuns : MARKS.notStatic;
  return state === 'r' ? MARKS.runs : state === 'k' ? MARKS.stays : MARKS.absent;
}

function entryId(entry: DaemonSetPlacement): string {
  return `${entry.namespace}/${entry.name}`;
}

/** A column's cells as they read without script: a symbol, and a class that colours it. */
function cellsHtml(group: NodeGroup, statics: readonly boolean[]): string {
  let html = '';
  for (let c = 0; c < statics.length; c++) {
    const state = group.states[c] as CellState;
    html += statics[c] ? `<i class="${state} s">${symbol(state, true)}</i>` : `<i class=${state}>${symbol(state, false)}</i>`;
  }
  return html;
}

function groupHtml(group: NodeGroup, g: number, nodes: readonly string[], statics: readonly boolean[]): string {
  const first = escapeHtml(nodes[group.nodes[0]]);
  const label = group.nodes.length === 1
    ? `<span class=n1>${first}</span>`
    : `<b>${plural(group.nodes.length, 'node')}</b> <span class=n1>${first}</span>, …`;
  // A few names, as one text node: the script lists every node of the group from its data, and
  // 15,000 names written twice would double what the browser reads before the page answers.
  const listed = group.nodes.slice(0, NAMES_WITHOUT_SCRIPT).map((i) => escapeHtml(nodes[i]));
  if (group.nodes.length > NAMES_WITHOUT_SCRIPT) listed.push(`and ${count(group.nodes.length - NAMES_WITHOUT_SCRIPT)} more, which the page's script lists`);
  const names = listed.join('\n');
  return `<details class=g data-g=${g}><summary class=row><span class=l>${label}</span>${cellsHtml(group, statics)}</summary>`
    + `<div class=names>${names}</div><div class=nodes></div></details>\n`;
}

function moreGroupsHtml(groups: readonly NodeGroup[]): string {
  const rest = groups.slice(PAGE_GROUPS);
  const nodes = rest.reduce((n, group) => n + group.nodes.length, 0);
  const text = rest.length > 0 ? `and ${plural(rest.length, 'smaller group')} of ${plural(nodes, 'node')}, which the page's script lists` : '';
  return `<div id=more-groups class=more-groups>${text}</div>\n`;
}

function headerHtml(entries: readonly DaemonSetPlacement[]): string {
  const columns = entries.map((entry, c) => {
    const id = escapeHtml(entryId(entry));
    const kind = isStatic(entry) ? ' (static pod)' : '';
    return `<a href="#ds-${c}" class="h${isStatic(entry) ? ' s' : ''}" title="${id}${kind}"><span>${escapeHtml(entry.name)}</span></a>`;
  });
  return `<div class="row hdr"><span class=l>Nodes \u2193 \u00b7 DaemonSets \u2192</span>${columns.join('')}</div>\n`;
}

/** Per column: how many nodes get each verdict. */
function nodesPerVerdict(column: ColumnVerdicts, nodeCount: number): Int32Array {
  const counts = new Int32Array(column.states.length);
  for (let i = 0; i < nodeCount; i++) counts[verdictOfNode(column, i)]++;
  return counts;
}

function reasonsHtml(column: ColumnVerdicts, counts: Int32Array): string {
  const nodesPerReason = new Map<string, number>();
  column.reasons.forEach((reasons, v) => {
    for (const reason of reasons) {
      const text = `${reason.code}: ${reason.message}`;
      nodesPerReason.set(text, (nodesPerReason.get(text) ?? 0) + counts[v]);
    }
  });
  if (nodesPerReason.size === 0) return '';
  const sorted = [...nodesPerReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const items = sorted.slice(0, LISTED_REASONS).map(([text, n]) => `<li>${escapeHtml(text)} <span class=count>(${plural(n, 'node')})</span>`);
  if (sorted.length > LISTED_REASONS) items.push(`<li class=more>and ${plural(sorted.length - LISTED_REASONS, 'more reason')}: click a cell for a node's own`);
  return `<h4>Why not</h4><ul class=reasons>${items.join('')}</ul>`;
}

function daemonSetHtml(entry: DaemonSetPlacement, c: number, column: ColumnVerdicts, nodeCount: number): string {
  const counts = nodesPerVerdict(column, nodeCount);
  const perState: Record<CellState, number> = { r: 0, k: 0, n: 0 };
  column.states.forEach((state, v) => { perState[state] += counts[v]; });
  const staticPod = isStatic(entry);
  const problems = [
    entry.advisories.length > 0 ? plural(entry.advisories.length, 'advisory').replace(/advisorys$/, 'advisories') : '',
    entry.errors.length > 0 ? plural(entry.errors.length, 'validation error') : '',
    entry.warnings.length > 0 ? plural(entry.warnings.length, 'warning') : '',
  ].filter((text) => text !== '');
  const summary = [
    `runs on ${count(entry.desiredNumberScheduled)} of ${plural(nodeCount, 'node')}`,
    escapeHtml(describeRollout(entry.rollout)),
    ...problems,
  ].join(' \u00b7 ');
  const badge = staticPod ? ' <span class=badge>static pod</span>' : '';
  const open = entry.errors.length + entry.warnings.length > 0 ? ' open' : '';
  const parts = [`<details class=ds id="ds-${c}"${open}><summary><span class=id>${escapeHtml(entryId(entry))}</span>${badge} \u2014 ${summary}</summary><dl>`];
  parts.push(`<dt>Desired pods</dt><dd>${count(entry.desiredNumberScheduled)} (of ${plural(nodeCount, 'node')})</dd>`);
  parts.push(`<dt>Verdicts</dt><dd>${(['r', 'k', 'n'] as const).map((state) =>
    `<span class="v ${state}">${symbol(state, staticPod)}</span> ${STATE_WORDS[state]}: ${count(perState[state])}`).join(' \u00b7 ')}</dd>`);
  if (entry.rollout.strategy === 'RollingUpdate') {
    const { maxUnavailable, maxSurge, waves } = entry.rollout;
    parts.push(`<dt>Rollout</dt><dd>RollingUpdate: maxUnavailable ${maxUnavailable}, maxSurge ${maxSurge}, ${plural(waves, 'wave')}</dd>`);
  } else {
    parts.push(`<dt>Rollout</dt><dd>${escapeHtml(describeRollout(entry.rollout))}</dd>`);
  }
  if (entry.mirrorPods && entry.mirrorPods.length > 0) {
    parts.push(`<dt>Mirror pods</dt><dd>${entry.mirrorPods.map((pod) => escapeHtml(pod.name)).join(', ')}</dd>`);
  }
  parts.push('</dl>');
  parts.push(reasonsHtml(column, counts));
  if (entry.advisories.length > 0) {
    const items = entry.advisories.slice(0, LISTED_ADVISORIES)
      .map((a) => `<li><span class=node>${escapeHtml(a.node)}</span>: ${escapeHtml(a.code)}: ${escapeHtml(a.message)}`);
    if (entry.advisories.length > LISTED_ADVISORIES) items.push(`<li class=more>and ${count(entry.advisories.length - LISTED_ADVISORIES)} more: click a cell for a node's`);
    parts.push(`<h4>Advisories: the controller creates these pods, but they would not run</h4><ul class=advisories>${items.join('')}</ul>`);
  }
  if (entry.errors.length > 0) {
    const kind = staticPod ? 'mirror pod' : 'DaemonSet';
    const items = entry.errors.map((e) => `<li>${escapeHtml(formatFieldError(e))}`).join('');
    parts.push(`<h4 class=error>Validation errors: the API server would reject this ${kind}</h4><ul class=errors>${items}</ul>`);
  }
  if (entry.warnings.length > 0) {
    const items = entry.warnings.map((w) => `<li>${escapeHtml(formatWarning(w))}`).join('');
    parts.push(`<h4 class=warning>Warnings: accepted, but almost certainly mistakes</h4><ul class=warnings>${items}</ul>`);
  }
  parts.push('</details>\n');
  return parts.join('');
}

function findingsHtml(report: PlacementReport): string {
  if (report.findings.length === 0) return '';
  const items = report.findings.map((finding) => {
    const nodes = finding.nodes ?? [];
    const shown = nodes.slice(0, LISTED_FINDING_NODES).map(escapeHtml).join(', ');
    const more = nodes.length > LISTED_FINDING_NODES ? ` and ${count(nodes.length - LISTED_FINDING_NODES)} more` : '';
    const nodeList = nodes.length > 0 ? `<div class=nodes-of>${plural(nodes.length, 'node')}: ${shown}${more}</div>` : '';
    return `<li class=${finding.severity === 'error' ? 'error' : 'warning'}><b>${finding.severity}</b> ${escapeHtml(finding.code)}: `
      + `${escapeHtml(finding.message)}<div class=objects>${finding.objects.map(escapeHtml).join(', ')}</div>${nodeList}`;
  });
  return `<section id=findings><h2>Across DaemonSets</h2><ul>${items.join('')}</ul></section>\n`;
}

function controlsHtml(entries: readonly DaemonSetPlacement[]): string {
  const daemonSets = entries.map((entry, c) =>
    `<label><input type=checkbox name=ds value=${c} checked> ${escapeHtml(entryId(entry))}${isStatic(entry) ? ' (static pod)' : ''}</label>`).join('');
  const verdicts = (['r', 'k', 'n'] as const).map((state) =>
    `<label><input type=checkbox name=verdict value=${state} checked> <span class="v ${state}">${symbol(state, false)}</span> ${STATE_WORDS[state]}</label>`).join(' ');
  return '<div id=controls hidden>'
    + '<input type=search id=search placeholder="Node name contains\u2026" aria-label="Search nodes by name">'
    + `<span class=verdicts>${verdicts}</span>`
    + '<details id=ds-filter><summary>DaemonSets: <span id=ds-count>all</span></summary>'
    + '<div class=panel><div class=ds-tools><input type=search id=ds-search placeholder="Filter the list\u2026" aria-label="Filter DaemonSets">'
    + ' <button type=button id=ds-all>All</button> <button type=button id=ds-none>None</button></div>'
    + `<div class=ds-list>${daemonSets}</div></div></details>`
    + ' <button type=button id=expand-all>Expand all</button> <button type=button id=collapse-all>Collapse all</button>'
    + ' <span id=status role=status></span></div>\n';
}

function legendHtml(hasStatic: boolean): string {
  const items = (['r', 'k', 'n'] as const).map((state) => `<span class="v ${state}">${symbol(state, false)}</span> ${STATE_WORDS[state]}`);
  if (hasStatic) {
    items.push(`<span class="v r s">${MARKS.staticRuns}</span> static pod: the kubelet runs it from its file`);
    items.push(`<span class="v n s">${MARKS.notStatic}</span> no static pod file for this node`);
  }
  return `<p class=legend>${items.join(' \u00a0 ')}</p>\n`;
}

/**
 * JSON, compressed, in base64 (which holds no character that could end a script element).
 * Reasons that print a node's own value (a rack, a serial number) repeat long texts that differ in
 * a few characters: megabytes of JSON over 15,000 nodes, a few hundred kilobytes compressed.
 */
function pack(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64');
}

/**
 * The report as one self-contained HTML page: a matrix of nodes by DaemonSets, nodes grouped by
 * the verdicts every DaemonSet gives them, with filters, a node search and each cell's reasons
 * on hover or click; then each DaemonSet's desired pods, rollout, advisories, validation errors
 * and warnings, and the findings across DaemonSets. Styles, script and data are inline: the
 * page loads nothing. Without script it still shows the matrix, the node names of each group
 * and everything below it.
 *
 * A report over 15,000 nodes and 100 DaemonSets is read from the verdict tables the evaluator
 * keeps, without building its 1.5 million placements.
 */
export function renderHtml(report: PlacementReport, options: HtmlOptions = {}): string {
  const entries = report.daemonSets;
  const columns = entries.map(columnVerdicts);
  const nodeCount = report.nodes.length;
  const groups = groupNodes(columns, nodeCount);
  const statics = entries.map(isStatic);
  const staticCount = statics.filter(Boolean).length;
  const title = options.title ?? 'DaemonSet placement';
  const data = pageData(report.nodes, entries, columns, groups);
  const meta = {
    nodeCount,
    pageGroups: PAGE_GROUPS,
    marks: { r: MARKS.runs, k: MARKS.stays, n: MARKS.absent, sr: MARKS.staticRuns, sn: MARKS.notStatic },
    columns: entries.map((entry) => ({ id: entryId(entry), static: isStatic(entry) })),
    groupStates: groups.map((group) => group.states),
  };
  const what = `${plural(entries.length - staticCount, 'DaemonSet')}${staticCount > 0 ? ` and ${plural(staticCount, 'static pod')}` : ''}`;
  const errorCount = entries.reduce((n, entry) => n + entry.errors.length, 0) + report.findings.filter((f) => f.severity === 'error').length;
  const stateless = entries.length === 0 ? ' No DaemonSets.' : '';
  return [
    '<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<meta name=viewport content="width=device-width, initial-scale=1">\n',
    `<title>${escapeHtml(title)}</title>\n<style>${PAGE_STYLE}</style>\n</head>\n<body>\n`,
    `<header><h1>${escapeHtml(title)}</h1>\n<p class=summary>${what} on ${plural(nodeCount, 'node')}, `,
    `in ${plural(groups.length, 'group')} of nodes that every DaemonSet treats alike${errorCount > 0 ? ` \u00b7 <span class=error>${plural(errorCount, 'error')}</span>` : ''}.${stateless}</p>\n`,
    legendHtml(staticCount > 0),
    '</header>\n',
    findingsHtml(report),
    '<main>\n',
    controlsHtml(entries),
    '<div id=matrix class=matrix role=table aria-label="Verdicts by node and DaemonSet">\n',
    headerHtml(entries),
    groups.slice(0, PAGE_GROUPS).map((group, g) => groupHtml(group, g, report.nodes, statics)).join(''),
    moreGroupsHtml(groups),
    '</div>\n<div id=pop role=tooltip hidden></div>\n',
    `<section id=daemonsets><h2>DaemonSets</h2>\n${entries.map((entry, c) => daemonSetHtml(entry, c, columns[c], nodeCount)).join('')}</section>\n`,
    '</main>\n',
    `<script type=application/json id=everynode-meta>${scriptJson(meta)}</script>\n`,
    `<script type=text/plain id=everynode-rows>${pack(data.rows)}</script>\n`,
    `<script type=text/plain id=everynode-reasons>${pack(data.reasons)}</script>\n`,
    `<script>${PAGE_SCRIPT}</script>\n`,
    '</body>\n</html>\n',
  ].join('');
}

