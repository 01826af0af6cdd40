import { PropProblem } from './props-error';

/**
 * The labels that tie a DaemonSet to its pods. They come from the daemon's name, never from a
 * construct path or a hash, because `spec.selector` is immutable: a selector that changes when
 * code moves makes the next deploy fail.
 */
export function selectorLabelsFor(name: string, instance?: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': instance ?? name };
}

/** Pod labels: the user's, then the selector labels, which the user may repeat but not change. */
export function podLabelsFor(
  selectorLabels: Record<string, string>,
  podLabels: Record<string, string> = {},
): { labels: Record<string, string>; problems: PropProblem[] } {
  const problems: PropProblem[] = [];
  for (const [key, value] of Object.entries(selectorLabels)) {
    if (key in podLabels && podLabels[key] !== value) {
      problems.push({
        field: `podLabels[${JSON.stringify(key)}]`,
        message: `would change the selector label ${key}=${value} and detach the pods from their DaemonSet; remove it, or set selectorLabels to adopt other labels`,
      });
    }
  }
  return { labels: { ...podLabels, ...selectorLabels }, problems };
}
