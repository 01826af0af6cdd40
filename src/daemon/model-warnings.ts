import type { ValidationWarning } from '../validation';

/*
 * Kept beside the manifest rather than in its return type: buildDaemonSet and the kinds return the
 * plain DaemonSet their callers (and user-written builders) already rely on, and only the adapters,
 * which surface warnings, ask for them.
 */
const found = new WeakMap<object, readonly ValidationWarning[]>();

export function recordModelWarnings(manifest: object, warnings: readonly ValidationWarning[]): void {
  if (warnings.length > 0) found.set(manifest, warnings);
}

/** What the model warned about when it built `manifest`; nothing for a manifest it did not build. */
export function modelWarnings(manifest: object): readonly ValidationWarning[] {
  return found.get(manifest) ?? [];
}
