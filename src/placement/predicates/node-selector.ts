import { NodeView } from '../node-view';
import { PlacementReason } from '../report';

/**
 * The `nodeSelector` half of component-helpers `nodeaffinity.GetRequiredNodeAffinity(pod).Match`:
 * `labels.SelectorFromSet`, so every pair must be a node label with exactly that value.
 * @returns one reason per pair the node does not have
 */
export function nodeSelectorMismatches(nodeSelector: ReadonlyArray<readonly [string, string]>, node: NodeView): PlacementReason[] {
  const reasons: PlacementReason[] = [];
  for (const [key, value] of nodeSelector) {
    const actual = node.labels.get(key);
    if (actual === value) continue;
    reasons.push({
      code: 'NodeSelectorMismatch',
      message: `nodeSelector ${key}=${value} not matched (${actual === undefined ? 'absent' : `node: '${actual}'`})`,
    });
  }
  return reasons;
}
