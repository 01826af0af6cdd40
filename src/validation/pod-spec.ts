import { validateHostNetworkPorts } from './container-ports';
import { PodContext, validateContainers, validateInitContainers } from './containers';
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
import { validateVolumes } from './volumes';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const DEFAULT_GRACE_PERIOD = 30;
const MAX_INT32 = 2 ** 31 - 1;

const isSet = (value: unknown) => value !== undefined && value !== null;

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
function validateRestartPolicy(policy: unknown, path: FieldPath): FieldError[] {
  if (policy === undefined) return [];
  return typeof policy === 'string' && RESTART_POLICIES.includes(policy) ? [] : [path.notSupported(policy, RESTART_POLICIES)];
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
  const hostNetwork = spec.hostNetwork === true;
  const { errors: volumeErrors, sources } = validateVolumes(spec.volumes, path.child('volumes'));
  errors.push(...volumeErrors);
  const pod: PodContext = {
    volumes: sources,
    gracePeriod: numberAt(spec.terminationGracePeriodSeconds) ?? DEFAULT_GRACE_PERIOD,
    restartPolicy: stringAt(spec.restartPolicy) || 'Always',
    hostUsers: spec.hostUsers !== false,
  };
  const containers = listAt(spec.containers);
  errors.push(...validateContainers(containers, pod, path.child('containers')));
  errors.push(...validateInitContainers(listAt(spec.initContainers), containers, pod, path.child('initContainers')));
  errors.push(...validateHostNetworkPorts(containers, hostNetwork, path.child('containers')));
  // Most of what follows reads one optional field, and most pod specs set few of them: an absent
  // field (undefined or null, its zero value) has nothing to check, so no path is made for it.
  const present = (field: string) => spec[field] !== undefined && spec[field] !== null;
  errors.push(...validateRestartPolicy(spec.restartPolicy, path.child('restartPolicy')));
  errors.push(...validateDnsPolicy(spec.dnsPolicy, path.child('dnsPolicy')));
  if (present('nodeSelector')) errors.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  errors.push(...validatePodSecurityContext(spec, path));
  const affinity = objectAt(spec.affinity);
  if (affinity) {
    errors.push(...validateNodeAffinity(objectAt(affinity.nodeAffinity), path.child('affinity', 'nodeAffinity')));
    errors.push(...validatePodAffinityKind(objectAt(affinity.podAffinity), path.child('affinity', 'podAffinity')));
    errors.push(...validatePodAffinityKind(objectAt(affinity.podAntiAffinity), path.child('affinity', 'podAntiAffinity')));
  }
  errors.push(...validatePodDnsConfig(spec, path.child('dnsConfig')));
  if (present('readinessGates')) errors.push(...validateReadinessGates(spec.readinessGates, path.child('readinessGates')));
  if (present('schedulingGates')) errors.push(...validateSchedulingGates(spec.schedulingGates, path.child('schedulingGates')));
  if (present('topologySpreadConstraints')) {
    errors.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  }
  errors.push(...validateWindowsHostProcess(spec, path));
  errors.push(...validateHostUsers(spec, path));
  if (present('serviceAccountName')) errors.push(...nameErrors(spec.serviceAccountName, dns1123SubdomainErrors, path.child('serviceAccountName')));
  if (present('nodeName')) errors.push(...nameErrors(spec.nodeName, dns1123SubdomainErrors, path.child('nodeName')));
  const deadline = numberAt(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push(path.child('activeDeadlineSeconds').invalid(deadline, inclusiveRange(1, MAX_INT32)));
  }
  if (present('hostname')) errors.push(...nameErrors(spec.hostname, dns1123LabelErrors, path.child('hostname')));
  if (present('subdomain')) errors.push(...nameErrors(spec.subdomain, dns1123LabelErrors, path.child('subdomain')));
  if (present('tolerations')) errors.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  if (present('hostAliases')) errors.push(...validateHostAliases(spec.hostAliases, path.child('hostAliases')));
  if (present('priorityClassName')) errors.push(...nameErrors(spec.priorityClassName, dns1123SubdomainErrors, path.child('priorityClassName')));
  const runtimeClassName = stringAt(spec.runtimeClassName);
  if (runtimeClassName !== undefined) {
    errors.push(...dns1123SubdomainErrors(runtimeClassName).map((message) => path.child('runtimeClassName').invalid(runtimeClassName, message)));
  }
  if (present('preemptionPolicy')) errors.push(...validatePreemptionPolicy(spec.preemptionPolicy, path.child('preemptionPolicy')));
  const overhead = objectAt(spec.overhead);
  // Overhead is checked as if it were a container's limits, so its paths read `overhead.limits[cpu]`.
  if (overhead) errors.push(...validateResourceRequirements({ limits: overhead }, path.child('overhead')));
  errors.push(...validatePodOs(spec, path));
  return errors;
}
