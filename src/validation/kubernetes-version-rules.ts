import { FieldError, FieldPath } from './field-error';
import { intOrPercentValue } from './int-or-percent';
import { ValidationWarning } from './validation-warning';
import {
  allowsDaemonSetSurge,
  allowsInternalTrafficPolicy,
  controlPlaneTaintKeysOf,
  formatKubernetesVersion,
  INTERNAL_TRAFFIC_POLICY_SINCE,
  KubernetesMinorVersion,
  kubernetesVersionProblem,
  parseKubernetesVersion,
  SURGE_SINCE,
} from '../daemon/kubernetes-version';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/*
 * What a target version changes in what the API server accepts, beyond the rules of the latest
 * one: fields whose feature gate is off before some version, which that version's API server drops
 * as it stores the object, and the control-plane taint names a version's nodes carry.
 */

/** Options of the DaemonSet checks. */
export interface ValidationOptions {
  /**
   * The Kubernetes version of the target cluster (`"1.21"`, `"v1.29.3"`): fields that version
   * drops are errors (`maxSurge` before 1.22), and tolerating only a control-plane taint name
   * that version does not use is a warning.
   * @default - the latest Kubernetes, with both control-plane taint names in use
   */
  readonly kubernetesVersion?: string;
}

/**
 * The target version of the options.
 * @throws RangeError when `kubernetesVersion` is not a Kubernetes version
 */
export function targetVersionOf(options: ValidationOptions): KubernetesMinorVersion | undefined {
  const text = options.kubernetesVersion;
  if (text === undefined) return undefined;
  const problem = kubernetesVersionProblem(text);
  if (problem) throw new RangeError(`kubernetesVersion ${problem}`);
  return parseKubernetesVersion(text);
}

/** A decoded DaemonSet's errors that only a target version before the latest has. */
export function daemonSetVersionErrors(daemonSet: JsonObject, version: KubernetesMinorVersion | undefined): FieldError[] {
  if (allowsDaemonSetSurge(version)) return [];
  const strategy = objectAt(objectAt(daemonSet.spec)?.updateStrategy);
  const maxSurge = objectAt(strategy?.rollingUpdate)?.maxSurge;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate' || !(intOrPercentValue(maxSurge) > 0)) return [];
  return [
    FieldPath.root('spec').child('updateStrategy', 'rollingUpdate', 'maxSurge').forbidden(
      `needs Kubernetes ${SURGE_SINCE} or later, and the target is ${formatKubernetesVersion(version!)}: its API server drops maxSurge ` +
        '(the DaemonSetUpdateSurge feature gate is off) and then refuses maxUnavailable 0; replace pods in place with maxUnavailable instead',
    ),
  ];
}

/**
 * A toleration of a control-plane taint name that the target's nodes do not carry, where the
 * DaemonSet tolerates none that they do: its pods were meant for the control plane and skip it.
 */
export function daemonSetVersionWarnings(daemonSet: JsonObject, version: KubernetesMinorVersion | undefined): ValidationWarning[] {
  if (!version) return [];
  const path = FieldPath.root('spec').child('template', 'spec', 'tolerations');
  const tolerations = listAt(objectAt(objectAt(objectAt(daemonSet.spec)?.template)?.spec)?.tolerations);
  const carried = controlPlaneTaintKeysOf(version);
  const stale: Array<{ index: number; key: string }> = [];
  let covered = false;
  tolerations.forEach((value, index) => {
    const toleration = objectAt(value);
    const effect = stringAt(toleration?.effect) ?? '';
    if (!toleration || (effect !== '' && effect !== 'NoSchedule')) return;
    const key = stringAt(toleration.key) ?? '';
    if (key === '' && toleration.operator === 'Exists') covered = true;
    else if (carried.includes(key)) covered = true;
    else if (controlPlaneTaintKeysOf(undefined).includes(key)) stale.push({ index, key });
  });
  if (covered) return [];
  return stale.map(({ index, key }) => ({
    code: 'ControlPlaneTaintName',
    field: path.index(index).toString(),
    message:
      `tolerates ${key}, but control-plane nodes of Kubernetes ${formatKubernetesVersion(version)} carry ${carried.join(' and ')}: ` +
      `the pods skip the control plane; tolerate ${carried.join(' and ')} (Toleration.controlPlane() does)`,
  }));
}

/** A Service's errors that only a target version before the latest has. */
export function serviceVersionErrors(service: JsonObject, version: KubernetesMinorVersion | undefined): FieldError[] {
  if (allowsInternalTrafficPolicy(version)) return [];
  const policy = objectAt(service.spec)?.internalTrafficPolicy;
  if (policy === undefined || policy === null || policy === '') return [];
  return [
    FieldPath.root('spec').child('internalTrafficPolicy').forbidden(
      `needs Kubernetes ${INTERNAL_TRAFFIC_POLICY_SINCE} or later, and the target is ${formatKubernetesVersion(version!)}: its API server drops ` +
        'internalTrafficPolicy (the ServiceInternalTrafficPolicy feature gate is off), and the Service then reaches pods on every node',
    ),
  ];
}
