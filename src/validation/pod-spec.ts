import { validateHostNetworkPorts } from './container-ports';
import { PodContext, validateContainers, validateInitContainers } from './containers';
import { append, NO_ERRORS } from './error-list';
import { FieldError, FieldPath } from './field-error';
import { dns1123LabelErrors, dns1123SubdomainErrors, inclusiveRange, qualifiedNameErrors } from './names';
import { validateNodeAffinity } from './node-affinity';
import { validateLabels } from './object-meta';
import { validatePodAffinityKind } from './pod-affinity';
import { validateDnsPolicy, validateHostAliases, validatePodDnsConfig } from './pod-dns';
import { validatePodOs, validateWindowsHostProcess } from './pod-os';
import { validateResourceRequirements } from './resources';
import { validateHostUsers, validatePodSecurityContext } from './security-context';
import { validateTolerations } from './tolerations';
import { validateTopologySpreadConstraints } from './topology-spread';
import { validateVolumes, VolumeSources } from './volumes';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const DEFAULT_GRACE_PERIOD = 30;
const MAX_INT32 = 2 ** 31 - 1;

const isSet = (value: unknown) => value !== undefined && value !== null;
const NO_VOLUMES: VolumeSources = new Map();

/** The object-name rules of ValidatePodSpec, which skip an empty name. */
function nameErrors(value: unknown, check: (name: string) => string[], path: FieldPath): FieldError[] {
  const name = stringAt(value);
  if (!name) return [];
  return check(name).map((message) => path.invalid(name, message));
}

/** Mirrors `validateReadinessGates` in pkg/apis/core/validation/validation.go: condition types are qualified names. */
function validateReadinessGates(gates: unknown, path: FieldPath): FieldError[] {
  return listAt(gates).flatMap((raw, i) => {
    const type = stringAt(objectAt(raw)?.conditionType) ?? '';
    return qualifiedNameErrors(type).map((message) => path.index(i).child('conditionType').invalid(type, message));
  });
}

/** Mirrors `validateSchedulingGates` in pkg/apis/core/validation/validation.go: unique qualified names. */
function validateSchedulingGates(gates: unknown, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  listAt(gates).forEach((raw, i) => {
    const name = stringAt(objectAt(raw)?.name) ?? '';
    errors.push(...qualifiedNameErrors(name).map((message) => path.index(i).invalid(name, message)));
    if (seen.has(name)) errors.push(path.index(i).duplicate(name));
    seen.add(name);
  });
  return errors;
}

/** Mirrors `ValidatePreemptionPolicy` in pkg/apis/core/validation/validation.go. */
function validatePreemptionPolicy(policy: unknown, path: FieldPath): FieldError[] {
  if (!isSet(policy)) return [];
  if (policy === '') return [path.required()];
  return PREEMPTION_POLICIES.includes(String(policy)) ? [] : [path.notSupported(policy, PREEMPTION_POLICIES)];
}

/**
 * Mirrors `validateRestartPolicy` in pkg/apis/core/validation/validation.go (the DaemonSet's own
 * rule then narrows it to Always).
 */
function validateRestartPolicy(policy: unknown, specPath: FieldPath): readonly FieldError[] {
  if (policy === undefined) return NO_ERRORS;
  return typeof policy === 'string' && RESTART_POLICIES.includes(policy) ? NO_ERRORS : [specPath.child('restartPolicy').notSupported(policy, RESTART_POLICIES)];
}

/**
 * Mirrors `ValidatePodSpec` in pkg/apis/core/validation/validation.go for a pod template, with the
 * API server's defaults applied where they decide the outcome (terminationGracePeriodSeconds 30,
 * dnsPolicy ClusterFirst, a volume without a source as emptyDir). `spec.resources` and
 * `spec.resourceClaims` are left out: the API server drops them unless the PodLevelResources and
 * DynamicResourceAllocation features are on. `imagePullSecrets` entries can only carry a name in v1
 * JSON, so upstream's "only name may be set" cannot arise.
 */
export function validatePodSpec(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  // Most of what follows reads one optional field, and most pod specs set few of them: an absent
  // field (undefined or null, its zero value) has nothing to check, so no path is made for it.
  const volumes = listAt(spec.volumes);
  let volumeSources: VolumeSources = NO_VOLUMES;
  if (volumes.length > 0) {
    const { errors: volumeErrors, sources } = validateVolumes(volumes, path.child('volumes'));
    append(errors, volumeErrors);
    volumeSources = sources;
  }
  const pod: PodContext = {
    volumes: volumeSources,
    gracePeriod: numberAt(spec.terminationGracePeriodSeconds) ?? DEFAULT_GRACE_PERIOD,
    restartPolicy: stringAt(spec.restartPolicy) || 'Always',
    hostUsers: spec.hostUsers !== false,
  };
  const containers = listAt(spec.containers);
  append(errors, validateContainers(containers, pod, path.child('containers')));
  const initContainers = listAt(spec.initContainers);
  if (initContainers.length > 0) append(errors, validateInitContainers(initContainers, containers, pod, path.child('initContainers')));
  if (spec.hostNetwork === true) append(errors, validateHostNetworkPorts(containers, true, path.child('containers')));
  append(errors, validateRestartPolicy(spec.restartPolicy, path));
  if (isSet(spec.dnsPolicy)) append(errors, validateDnsPolicy(spec.dnsPolicy, path.child('dnsPolicy')));
  if (isSet(spec.nodeSelector)) append(errors, validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  append(errors, validatePodSecurityContext(spec, path));
  const affinity = objectAt(spec.affinity);
  if (affinity) {
    append(errors, validateNodeAffinity(objectAt(affinity.nodeAffinity), path.child('affinity', 'nodeAffinity')));
    append(errors, validatePodAffinityKind(objectAt(affinity.podAffinity), path.child('affinity', 'podAffinity')));
    append(errors, validatePodAffinityKind(objectAt(affinity.podAntiAffinity), path.child('affinity', 'podAntiAffinity')));
  }
  // Without a dnsConfig, only the None policy has something to say.
  if (isSet(spec.dnsConfig) || spec.dnsPolicy === 'None') append(errors, validatePodDnsConfig(spec, path.child('dnsConfig')));
  if (isSet(spec.readinessGates)) append(errors, validateReadinessGates(spec.readinessGates, path.child('readinessGates')));
  if (isSet(spec.schedulingGates)) append(errors, validateSchedulingGates(spec.schedulingGates, path.child('schedulingGates')));
  if (isSet(spec.topologySpreadConstraints)) {
    append(errors, validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  }
  append(errors, validateWindowsHostProcess(spec, path));
  if (spec.hostUsers === false) append(errors, validateHostUsers(spec, path));
  if (isSet(spec.serviceAccountName)) append(errors, nameErrors(spec.serviceAccountName, dns1123SubdomainErrors, path.child('serviceAccountName')));
  if (isSet(spec.nodeName)) append(errors, nameErrors(spec.nodeName, dns1123SubdomainErrors, path.child('nodeName')));
  const deadline = numberAt(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push(path.child('activeDeadlineSeconds').invalid(deadline, inclusiveRange(1, MAX_INT32)));
  }
  if (isSet(spec.hostname)) append(errors, nameErrors(spec.hostname, dns1123LabelErrors, path.child('hostname')));
  if (isSet(spec.subdomain)) append(errors, nameErrors(spec.subdomain, dns1123LabelErrors, path.child('subdomain')));
  if (isSet(spec.tolerations)) append(errors, validateTolerations(spec.tolerations, path.child('tolerations')));
  if (isSet(spec.hostAliases)) append(errors, validateHostAliases(spec.hostAliases, path.child('hostAliases')));
  if (isSet(spec.priorityClassName)) append(errors, nameErrors(spec.priorityClassName, dns1123SubdomainErrors, path.child('priorityClassName')));
  const runtimeClassName = stringAt(spec.runtimeClassName);
  if (runtimeClassName !== undefined) {
    append(errors, dns1123SubdomainErrors(runtimeClassName).map((message) => path.child('runtimeClassName').invalid(runtimeClassName, message)));
  }
  if (isSet(spec.preemptionPolicy)) append(errors, validatePreemptionPolicy(spec.preemptionPolicy, path.child('preemptionPolicy')));
  const overhead = objectAt(spec.overhead);
  // Overhead is checked as if it were a container's limits, so its paths read `overhead.limits[cpu]`.
  if (overhead) append(errors, validateResourceRequirements({ limits: overhead }, path.child('overhead')));
  if (isSet(spec.os)) append(errors, validatePodOs(spec, path));
  return errors;
}
