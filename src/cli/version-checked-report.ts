import { daemonSetId, formatDaemonSetId } from './daemon-set-id';
import { JsonObject } from '../json/shape';
import { DaemonSetPlacement, PlacementReport } from '../placement';
import { familyCoverageOf, withFamilyCoverage } from '../placement/report-families';
import { daemonSetVersionErrors, daemonSetVersionWarnings, targetVersionOf } from '../validation/kubernetes-version-rules';

/**
 * `report`, with what the API server of `kubernetesVersion` says beyond the latest one's rules
 * added to each DaemonSet's errors and warnings (`place --kubernetes-version`).
 *
 * @param daemonSets the DaemonSets the report was made from; each one's entry is found by namespace/name, in order
 */
export function withKubernetesVersion(report: PlacementReport, daemonSets: readonly JsonObject[], kubernetesVersion: string): PlacementReport {
  const version = targetVersionOf({ kubernetesVersion });
  // A Map, not an object: namespace/name come from untrusted input and may read `__proto__`.
  const pending = new Map<string, JsonObject[]>();
  for (const daemonSet of daemonSets) {
    const id = formatDaemonSetId(daemonSetId(daemonSet));
    pending.set(id, [...(pending.get(id) ?? []), daemonSet]);
  }
  const entries = report.daemonSets.map((entry): DaemonSetPlacement => {
    if ((entry as { readonly kind?: string }).kind !== undefined) return entry;
    const manifest = pending.get(formatDaemonSetId(entry))?.shift();
    if (!manifest) return entry;
    const errors = daemonSetVersionErrors(manifest, version);
    const warnings = daemonSetVersionWarnings(manifest, version);
    if (errors.length + warnings.length === 0) return entry;
    return { ...entry, errors: [...entry.errors, ...errors], warnings: [...entry.warnings, ...warnings] };
  });
  const copy: PlacementReport = { ...report, daemonSets: entries };
  const coverages = familyCoverageOf(report);
  return coverages ? withFamilyCoverage(copy, coverages) : copy;
}
