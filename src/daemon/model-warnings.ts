import type { ValidationWarning } from '../validation';

/** What the model found when it checked a manifest it built. */
export interface ModelFindings {
  readonly warnings: readonly ValidationWarning[];
  /**
   * Whether the manifest is plain data throughout: a framework then writes it as it is, and what
   * was checked is what is written. False when the props carried a value such as a cdk8s `Lazy`.
   */
  readonly plainData: boolean;
}

/*
 * Kept beside the manifest rather than in its return type: buildDaemonSet and the kinds return the
 * plain DaemonSet their callers (and user-written builders) already rely on, and only the adapters,
 * which surface warnings and decide what to check again, ask for them.
 */
const found = new WeakMap<object, ModelFindings>();

export function recordModelFindings(manifest: object, findings: ModelFindings): void {
  found.set(manifest, findings);
}

/** What the model warned about when it built `manifest`; nothing for a manifest it did not build. */
export function modelWarnings(manifest: object): readonly ValidationWarning[] {
  return found.get(manifest)?.warnings ?? [];
}

/** Whether the model found `manifest` plain data; undefined for a manifest it did not build. */
export function modelBuiltPlainData(manifest: object): boolean | undefined {
  return found.get(manifest)?.plainData;
}
