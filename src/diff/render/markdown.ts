import { DaemonSetDiff, PlacementDiff } from '../diff-report';
import { adoptionGroups, count, deleteCommand, hasDetails, idOf, lostByReasons, orphanWarning, rolloutSentence, summaryOf } from './sentences';

/** Lists longer than this fold into a `<details>` block, so the summary stays on screen. */
const FOLD_OVER = 10;

/** Escapes what would turn into Markdown or HTML in a pull-request comment. */
function text(value: string): string {
  return value.replace(/[\\`*_<>|]/g, (c) => `\\${c}`);
}

/** Code spans may not hold a backtick; node and object names never do, but input is untrusted. */
function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}

/**
 * At most this many names per list: GitHub refuses comments over 65,536 characters, and a list of
 * 15,000 node names is not read anyway. The JSON has every node.
 */
const LISTED = 50;

/** `a`, `b`, `c` — or, when long, folded under a summary that says how many. */
function nodeList(nodes: readonly string[]): string {
  const more = nodes.length > LISTED ? ` and ${nodes.length - LISTED} more (\`--output json\` lists every node)` : '';
  const list = `${nodes.slice(0, LISTED).map(code).join(', ')}${more}`;
  if (nodes.length <= FOLD_OVER) return list;
  return `<details><summary>${count(nodes.length, 'node')}</summary>\n\n${list}\n\n</details>`;
}

function selectorLines(diff: DaemonSetDiff): string[] {
  const lines = [
    '- **`spec.selector` changed: the API server rejects this update** (the selector is immutable). The way through:',
    '',
    `  1. \`${deleteCommand(diff)}\``,
    '  2. Create the new DaemonSet (`kubectl apply -f` with the new manifest).',
  ];
  if (diff.orphanedPods !== undefined) {
    lines.push('', `  ${text(orphanWarning(diff))}`);
    return lines;
  }
  const groups = adoptionGroups(diff);
  if (groups.length === 0) lines.push('  3. It adopts no old pod: there is none on the nodes that stay.');
  groups.forEach((group, i) => {
    const step = i === 0 ? '3. It adopts' : '   It adopts';
    lines.push(`  ${step} the old pods on ${count(group.nodes.length, 'node')}, as their labels match its new selector; ${group.sentence}: ${nodeList(group.nodes)}`);
  });
  return lines;
}

function section(diff: DaemonSetDiff): string[] {
  const lines = ['', `### ${code(idOf(diff))}: ${diff.change}`, ''];
  if (diff.gained.length > 0) lines.push(`- **Gains a pod on ${count(diff.gained.length, 'node')}:** ${nodeList(diff.gained)}`);
  if (diff.lost.length > 0) {
    lines.push(`- **Loses its pod on ${count(diff.lost.length, 'node')}:**`);
    for (const group of lostByReasons(diff.lost)) lines.push(`  - ${text(group.reasons)}: ${nodeList(group.nodes)}`);
  }
  const rollout = rolloutSentence(diff);
  if (rollout) lines.push(`- ${rollout}`);
  if (diff.selectorChanged) lines.push(...selectorLines(diff));
  if (lines.length === 3) lines.push('- No pod is created, deleted or replaced.');
  return lines;
}

/**
 * The diff as a pull-request comment (GitHub-flavoured Markdown): a one-line summary per
 * DaemonSet first (`fluent-bit: +3 nodes, -12 nodes, 340 pods restart in 34 waves`), then a
 * section for each that changes, with long node lists folded into `<details>`.
 */
export function renderDiffMarkdown(diff: PlacementDiff): string {
  const changed = diff.daemonSets.filter(hasDetails);
  const unchanged = diff.daemonSets.length - changed.length;
  const lines = [`**everynode diff**: ${count(changed.length, 'DaemonSet')} change${changed.length === 1 ? 's' : ''}` +
    `${unchanged > 0 ? `, ${unchanged} unchanged` : ''}`, ''];
  for (const daemonSet of changed) lines.push(`- ${code(idOf(daemonSet))}: ${text(summaryOf(daemonSet))}`);
  for (const daemonSet of changed) lines.push(...section(daemonSet));
  return `${lines.join('\n')}\n`;
}
