import { renderDiffMarkdown } from './markdown';
import { renderDiffText } from './text';
import { PlacementDiff } from '../diff-report';

/**
 * The diff as text for a terminal (`table`, the default) or as a pull-request comment in
 * GitHub-flavoured Markdown (`markdown`): a one-line summary per DaemonSet, then the nodes that
 * gain and lose a pod, the rollout, and for a changed selector the way through.
 * `JSON.stringify(diff)` is the JSON form.
 */
export function renderDiff(diff: PlacementDiff, format: 'table' | 'markdown' = 'table'): string {
  return format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff);
}
