import { AdoptedPodFate, DaemonSetDiff, DiffRollout, LostPod } from '../diff-report';

/** `1 node`, `3 nodes`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function idOf(diff: DaemonSetDiff): string {
  return `${diff.namespace}/${diff.name}`;
}

/** `340 pods restart in 34 waves`. */
function restarts(rollout: DiffRollout): string {
  const pods = rollout.podsReplaced;
  return `${count(pods, 'pod')} restart${pods === 1 ? 's' : ''} in ${count(rollout.waves, 'wave')}`;
}

/**
 * The one line a reviewer reads first: `+3 nodes, -12 nodes, 340 pods restart in 34 waves`, or
 * what makes the change impossible as it stands.
 */
export function summaryOf(diff: DaemonSetDiff): string {
  const parts: string[] = [];
  if (diff.change === 'added') parts.push('added');
  if (diff.change === 'removed') parts.push('removed');
  if (diff.selectorChanged) parts.push('selector changed: the API server rejects the update (delete and recreate, below)');
  if (diff.gained.length > 0) parts.push(`+${count(diff.gained.length, 'node')}`);
  if (diff.lost.length > 0) parts.push(`-${count(diff.lost.length, 'node')}`);
  if (diff.rollout.podsReplaced > 0) parts.push(restarts(diff.rollout));
  if (diff.rollout.podsOutdated > 0) parts.push(`${count(diff.rollout.podsOutdated, 'pod')} keep the old template until deleted (${diff.rollout.strategy})`);
  if (diff.orphanedPods && diff.orphanedPods.length > 0) parts.push(`${count(diff.orphanedPods.length, 'old pod')} would be left to no controller`);
  if (parts.length === 0) parts.push(diff.change === 'changed' ? 'changed, no pod restarts' : 'unchanged');
  return parts.join(', ');
}

/** Whether a DaemonSet is worth a section of its own: something happens to its pods or its manifest. */
export function hasDetails(diff: DaemonSetDiff): boolean {
  return diff.change !== 'unchanged' || diff.gained.length > 0 || diff.lost.length > 0;
}

/** Lost nodes that share the same reasons, in the order they first appear. */
export function lostByReasons(lost: readonly LostPod[]): Array<{ readonly reasons: string; readonly nodes: string[] }> {
  const groups = new Map<string, string[]>();
  for (const pod of lost) {
    const reasons = pod.reasons.map((reason) => reason.message).join('; ') || 'no reason given';
    const nodes = groups.get(reasons);
    if (nodes) nodes.push(pod.node);
    else groups.set(reasons, [pod.node]);
  }
  return [...groups].map(([reasons, nodes]) => ({ reasons, nodes }));
}

/** What the rollout does, in a sentence; undefined when the pod template did not change. */
export function rolloutSentence(diff: DaemonSetDiff): string | undefined {
  if (!diff.templateChanged || diff.selectorChanged) return undefined;
  const rollout = diff.rollout;
  if (rollout.strategy === 'OnDelete') {
    return `The pod template changed. OnDelete replaces no pod: ${count(rollout.podsOutdated, 'pod')} keep the old template until someone deletes them.`;
  }
  if (rollout.podsReplaced === 0) return 'The pod template changed, but no existing pod is replaced: no node keeps a pod.';
  const perWave = rollout.maxSurge ? `maxSurge ${rollout.maxSurge}: a new pod starts beside the old one` : `maxUnavailable ${rollout.maxUnavailable}`;
  return `The pod template changed: RollingUpdate replaces ${count(rollout.podsReplaced, 'pod')} in ${count(rollout.waves, 'wave')} (${perWave}).`;
}

const FATE_SENTENCES: Record<AdoptedPodFate, (diff: DaemonSetDiff) => string> = {
  replaced: (diff) => `its RollingUpdate then replaces them in ${count(diff.rollout.waves, 'wave')} (their pod template hash is not the new one)`,
  kept: (diff) => (diff.templateChanged
    ? 'OnDelete leaves them as they are until someone deletes them'
    : 'the pod template is the same, so they stay as they are'),
  deleted: () => 'it does not run on those nodes, so it deletes them',
};

/** One adoption outcome: the nodes, and what the new DaemonSet does with their pods. */
export interface AdoptionGroup {
  readonly nodes: readonly string[];
  readonly sentence: string;
}

/** The adopted pods grouped by what the new DaemonSet does with them. */
export function adoptionGroups(diff: DaemonSetDiff): AdoptionGroup[] {
  const groups: AdoptionGroup[] = [];
  for (const fate of ['replaced', 'kept', 'deleted'] as const) {
    const nodes = (diff.adoptedPods ?? []).filter((pod) => pod.fate === fate).map((pod) => pod.node);
    if (nodes.length > 0) groups.push({ nodes, sentence: FATE_SENTENCES[fate](diff) });
  }
  return groups;
}

/** The command that deletes the old DaemonSet, leaving its pods running when the new one adopts them. */
export function deleteCommand(diff: DaemonSetDiff): string {
  const orphan = diff.orphanedPods === undefined ? ' --cascade=orphan' : '';
  return `kubectl delete daemonset ${diff.name} --namespace ${diff.namespace}${orphan}`;
}

/** Why the old pods cannot be handed over, when the new selector claims none of them. */
export function orphanWarning(diff: DaemonSetDiff): string {
  const nodes = diff.orphanedPods?.length ?? 0;
  return `Its new selector matches none of the old pods' labels: with --cascade=orphan the old pods on ${count(nodes, 'node')} ` +
    'would keep running, owned by no controller, beside the new ones. So the old DaemonSet is deleted with its pods (each node ' +
    'is without the agent until the new pod starts); or make the new selector match the old pods\' labels and orphan them instead.';
}
