import { DaemonSetDiff, PlacementDiff } from '../diff-report';
import { adoptionGroups, count, deleteCommand, hasDetails, idOf, lostByReasons, orphanWarning, rolloutSentence, summaryOf } from './sentences';

const WIDTH = 100;

/** Node names after a label, wrapped to the terminal width and indented under it. */
function wrappedNodes(label: string, nodes: readonly string[], indent: string): string[] {
  const lines: string[] = [];
  let line = `${indent}${label} `;
  nodes.forEach((node, i) => {
    const word = `${node}${i < nodes.length - 1 ? ',' : ''}`;
    if (line.length + word.length > WIDTH && line.trim() !== label) {
      lines.push(line.trimEnd());
      line = `${indent}    `;
    }
    line += `${word} `;
  });
  lines.push(line.trimEnd());
  return lines;
}

function selectorLines(diff: DaemonSetDiff): string[] {
  const lines = [
    '  spec.selector changed: the API server rejects this update (spec.selector is immutable). The way through:',
    `    1. ${deleteCommand(diff)}`,
    '    2. create the new DaemonSet (kubectl apply -f with the new manifest)',
  ];
  if (diff.orphanedPods !== undefined) {
    lines.push(`    ${orphanWarning(diff)}`);
    return lines;
  }
  const groups = adoptionGroups(diff);
  if (groups.length === 0) lines.push('    3. it adopts no old pod: there is none on the nodes that stay');
  groups.forEach((group, i) => {
    lines.push(...wrappedNodes(`${i === 0 ? '3.' : '  '} it adopts the old pods on ${count(group.nodes.length, 'node')}, as their labels match its new selector;`
      + ` ${group.sentence}:`, group.nodes, '    '));
  });
  return lines;
}

function detailLines(diff: DaemonSetDiff): string[] {
  const lines: string[] = [`${idOf(diff)}: ${summaryOf(diff)}`];
  if (!hasDetails(diff)) return lines;
  if (diff.gained.length > 0) lines.push(...wrappedNodes(`gains a pod on ${count(diff.gained.length, 'node')}:`, diff.gained, '  '));
  if (diff.lost.length > 0) {
    lines.push(`  loses its pod on ${count(diff.lost.length, 'node')}:`);
    for (const group of lostByReasons(diff.lost)) lines.push(...wrappedNodes(`${group.reasons}:`, group.nodes, '    '));
  }
  const rollout = rolloutSentence(diff);
  if (rollout) lines.push(`  ${rollout}`);
  if (diff.selectorChanged) lines.push(...selectorLines(diff));
  return lines;
}

/**
 * The diff for a terminal: one line per DaemonSet with what happens to its pods, followed by
 * the nodes that gain and lose a pod (grouped by reason), the rollout, and for a changed selector
 * the commands that get the change through.
 */
export function renderDiffText(diff: PlacementDiff): string {
  if (diff.daemonSets.length === 0) return 'No DaemonSet before or after the change.\n';
  const changed = diff.daemonSets.filter(hasDetails);
  const unchanged = diff.daemonSets.length - changed.length;
  const lines: string[] = [];
  for (const daemonSet of changed) lines.push(...detailLines(daemonSet), '');
  if (unchanged > 0) lines.push(`${count(unchanged, 'DaemonSet')} unchanged.`);
  else lines.pop();
  return `${lines.join('\n')}\n`;
}
