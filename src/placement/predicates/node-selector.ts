import { NodeView } from '../node-view';
import { PlacementReason } from '../report';
import { TextMemo } from './text-memo';

const mismatchTexts = new TextMemo<readonly [string, string]>();

/**
 * The `nodeSelector` half of component-helpers `nodeaffinity.GetRequiredNodeAffinity(pod).Match`:
 * `labels.SelectorFromSet`, so every pair must be a node label with exactly that value.
 * @returns one reason per pair the node does not have
 */
export function nodeSelectorMismatches(nodeSelector: ReadonlyArray<readonly [string, string]>, node: NodeView): PlacementReason[] {
  const reasons: PlacementReason[] = [];
  for (let p = 0; p < nodeSelector.length; p++) {
    const pair = nodeSelector[p];
    const [key, value] = pair;
    const actual = node.labels.get(key);
    if (actual === value) continue;
    const message = mismatchTexts.text(pair, [actual], () => `nodeSelector ${key}=${value} not matched (${actual === undefined ? 'absent' : `node: '${actual}'`})`);
    reasons.push({ code: 'NodeSelectorMismatch', message });
  }
  return reasons;
}
