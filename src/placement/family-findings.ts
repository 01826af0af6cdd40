import { Finding } from '../validation';
import { FamilyCoverage } from './family-coverage';
import { describeFamily, memberNames, VariantFamily } from './variant-families';

/** Nodes a finding's message names; its `nodes` lists them all. */
const NODES_IN_MESSAGE = 3;

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function nodeCount(count: number): string {
  return `${count} node${count === 1 ? '' : 's'}`;
}

/** A node where more than one variant of a family runs, and those variants. */
export interface VariantOverlap {
  readonly node: string;
  readonly variants: readonly string[];
}

/** The first `limit` nodes (all by default) where more than one variant runs, in inventory order. */
export function overlapsOf(coverage: FamilyCoverage, nodeNames: readonly string[], limit = Number.POSITIVE_INFINITY): VariantOverlap[] {
  const names = memberNames(coverage.family);
  const variants = coverage.combinations.map((members) => members.map((m) => names[m]));
  const count = Math.min(limit, coverage.overlapNodes.length);
  return Array.from({ length: count }, (_, k) => ({
    node: nodeNames[coverage.overlapNodes[k]],
    variants: variants[coverage.overlapCombinations[k]],
  }));
}

/** The first `limit` nodes (all by default) where a family with a default runs no variant, in inventory order. */
export function gapsOf(coverage: FamilyCoverage, nodeNames: readonly string[], limit = Number.POSITIVE_INFINITY): string[] {
  return Array.from(coverage.gapNodes.subarray(0, Math.min(limit, coverage.gapNodes.length)), (i) => nodeNames[i]);
}

/** `gpu-1 runs gpu and default, gpu-2 runs gpu and default, and 3 more`. */
export function describeOverlaps(coverage: FamilyCoverage, nodeNames: readonly string[], limit: number): string {
  const shown = overlapsOf(coverage, nodeNames, limit).map(({ node, variants }) => `${node} runs ${andList(variants)}`);
  const more = coverage.overlapNodes.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : shown.join(', ');
}

/** `worker-1, worker-2, and 3 more`. */
export function describeGaps(coverage: FamilyCoverage, nodeNames: readonly string[], limit: number): string {
  const shown = gapsOf(coverage, nodeNames, limit);
  const more = coverage.gapNodes.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : shown.join(', ');
}

/** `N nodes run more than one variant`, the words the finding, the CLI and the matcher share. */
export function overlapSummary(coverage: FamilyCoverage): string {
  const count = coverage.overlapNodes.length;
  return `${nodeCount(count)} run${count === 1 ? 's' : ''} more than one variant`;
}

/** `N nodes run none of its variants gpu, windows and default, though it has a default`. */
export function gapSummary(coverage: FamilyCoverage): string {
  const count = coverage.gapNodes.length;
  return `${nodeCount(count)} run${count === 1 ? 's' : ''} none of its variants ${andList(memberNames(coverage.family))}, though it has a default`;
}

function daemonSetsOf(family: VariantFamily, members: Iterable<number>): string[] {
  return [...new Set(members)].sort((a, b) => a - b).map((m) => `DaemonSet ${family.namespace}/${family.members[m].name}`);
}

/**
 * The `VariantOverlap` and `VariantGap` errors: one per family and kind, naming the family, the
 * variants and the first few nodes, with every node in `nodes`.
 *
 * Kubernetes has no such notion: the DaemonSet controller places each DaemonSet on its own
 * (`NodeShouldRunDaemonPod`), so two variants whose node affinities both match a node both run
 * there, and a node that none of them matches runs none. These are everynode's own checks,
 * built on the controller's verdicts.
 */
export function familyFindings(coverages: readonly FamilyCoverage[], nodeNames: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  for (const coverage of coverages) {
    const family = coverage.family;
    if (coverage.overlapNodes.length > 0) {
      findings.push({
        code: 'VariantOverlap',
        severity: 'error',
        objects: daemonSetsOf(family, coverage.combinations.flat()),
        nodes: Array.from(coverage.overlapNodes, (i) => nodeNames[i]),
        message: `family ${describeFamily(family)}: ${overlapSummary(coverage)}: ${describeOverlaps(coverage, nodeNames, NODES_IN_MESSAGE)}`,
      });
    }
    if (coverage.gapNodes.length > 0) {
      findings.push({
        code: 'VariantGap',
        severity: 'error',
        objects: daemonSetsOf(family, family.members.keys()),
        nodes: Array.from(coverage.gapNodes, (i) => nodeNames[i]),
        message: `family ${describeFamily(family)}: ${gapSummary(coverage)}: ${describeGaps(coverage, nodeNames, NODES_IN_MESSAGE)}`,
      });
    }
  }
  return findings;
}
