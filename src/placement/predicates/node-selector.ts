import { NodeView } from '../node-view';
import { joinedParts, ReasonText } from './reason-text';

/**
 * The `nodeSelector` half of component-helpers `nodeaffinity.GetRequiredNodeAffinity(pod).Match`:
 * `labels.SelectorFromSet`, so every pair must be a node label with exactly that value.
 * @returns one reason per pair the node does not have
 */
export function nodeSelectorMismatches(nodeSelector: ReadonlyArray<readonly [string, string]>, node: NodeView): ReasonText[] {
  const reasons: ReasonText[] = [];
  for (let p = 0; p < nodeSelector.length; p++) {
    const [key, value] = nodeSelector[p];
    const actual = node.labels.get(key);
    if (actual === value) continue;
    reasons.push({ code: 'NodeSelectorMismatch', parts: joinedParts(`nodeSelector ${key}=${value} not matched (`, { key, value: actual }, ')') });
  }
  return reasons;
}
