import { JsonObject, objectAt } from '../json/shape';

/** JSON null decodes to the zero value, and the API server defaults a string's zero value "". */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** An int-or-string pointer is defaulted only when it is nil: "" is a value, and an invalid one. */
function isNil(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * The defaults the API server applies to an apps/v1 DaemonSet before validating it
 * (`SetDefaults_DaemonSet` in pkg/apis/apps/v1/defaults.go, `SetDefaults_PodSpec` in
 * pkg/apis/core/v1/defaults.go): a RollingUpdate strategy with maxUnavailable 1 and maxSurge 0,
 * revisionHistoryLimit 10, restartPolicy Always.
 *
 * This is why a manifest that sets only `maxSurge: 1` is rejected: maxUnavailable becomes 1.
 * Returns a defaulted copy; the input is not changed.
 */
export function withApiServerDefaults(daemonSet: JsonObject): JsonObject {
  const spec = objectAt(daemonSet.spec) ?? {};
  const strategy = { ...(objectAt(spec.updateStrategy) ?? {}) } as Record<string, unknown>;
  if (isUnset(strategy.type)) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const rollingUpdate = { ...(objectAt(strategy.rollingUpdate) ?? {}) } as Record<string, unknown>;
    if (isNil(rollingUpdate.maxUnavailable)) rollingUpdate.maxUnavailable = 1;
    if (isNil(rollingUpdate.maxSurge)) rollingUpdate.maxSurge = 0;
    strategy.rollingUpdate = rollingUpdate;
  }
  const template = objectAt(spec.template) ?? {};
  const podSpec = { ...(objectAt(template.spec) ?? {}) } as Record<string, unknown>;
  if (isUnset(podSpec.restartPolicy)) podSpec.restartPolicy = 'Always';
  return {
    ...daemonSet,
    spec: {
      ...spec,
      updateStrategy: strategy,
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      template: { ...template, spec: podSpec },
    },
  };
}
