import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';
import { append } from '../validation/error-list';
import { FieldError, FieldPath } from '../validation/field-error';

/*
 * What the API server refuses in a mirror pod: the read-only copy of a static pod that the kubelet
 * creates (annotation `kubernetes.io/config.mirror`). The kubelet runs a static pod whether or not
 * the API server takes its mirror, so a refused mirror pod is silent: the pod runs, but no
 * `kubectl get pods` shows it and the kubelet logs "Failed creating a mirror pod".
 *
 * Three upstream places refuse, on create:
 * - the ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount/admission.go,
 *   `Plugin.Validate`, its mirror-pod branch): no ServiceAccount, no Secret (any reference that
 *   `podutil.VisitPodSecretNames` visits, over all containers), no ServiceAccountToken projection;
 * - the NodeRestriction admission plugin (plugin/pkg/admission/noderestriction/admission.go,
 *   `admitPodCreate`), on by default with kubeadm, for what a kubelet may create: besides the
 *   above, no ConfigMap (`podutil.VisitPodConfigmapNames`), no ClusterTrustBundle projection, no
 *   PersistentVolumeClaim;
 * - pod validation (pkg/apis/core/validation/validation.go, `ValidatePodCreate`): no ephemeral
 *   containers on create, for any pod.
 *
 * The admission plugins stop at the first reference and print one sentence; here every reference
 * gets its own error at its own field path, so that a user fixes them all at once. The sentences are
 * the plugins' own, then what to do instead.
 */

const FROM_THE_NODE = 'put what it holds on the node and mount it with hostPaths';

const SERVICE_ACCOUNT = 'a mirror pod may not reference service accounts: read a kubeconfig from the node through hostPaths instead';
const SECRET = `a mirror pod may not reference secrets: ${FROM_THE_NODE}`;
const PULL_SECRET = 'a mirror pod may not reference secrets: the node\'s container runtime must pull the image with its own credentials';
const CONFIG_MAP = `a mirror pod may not reference configmaps: ${FROM_THE_NODE}`;
const TOKEN_PROJECTION = 'a mirror pod may not use ServiceAccountToken volume projections: read a kubeconfig from the node through hostPaths instead';
const TRUST_BUNDLE = `a mirror pod may not reference clustertrustbundles: ${FROM_THE_NODE}`;
const CLAIM = 'a mirror pod may not reference persistentvolumeclaims: mount a directory of the node with hostPaths';
const EPHEMERAL = 'cannot be set on create';

/**
 * The container lists in the order of upstream `podutil.VisitContainers` with `AllContainers`:
 * init containers, containers, ephemeral containers.
 */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/**
 * Whether a reference names an object. Upstream's visitors skip empty names (`skipEmptyNames` in
 * pkg/api/pod/util.go): a reference without a name is pod validation's to report, as Required.
 */
function names(value: unknown): boolean {
  const name = stringAt(value);
  return name !== undefined && name !== '';
}

function refNames(ref: unknown): boolean {
  return names(objectAt(ref)?.name);
}

/** Calls `visit` with each container of the pod and its path, in upstream's order. */
function forEachContainer(spec: JsonObject, path: FieldPath, visit: (container: JsonObject, path: FieldPath) => void): void {
  for (const list of CONTAINER_LISTS) {
    listAt(spec[list]).forEach((raw, i) => {
      const container = objectAt(raw);
      if (container) visit(container, path.child(list).index(i));
    });
  }
}

/** Calls `visit` with each volume of the pod and its path. */
function forEachVolume(spec: JsonObject, path: FieldPath, visit: (volume: JsonObject, path: FieldPath) => void): void {
  listAt(spec.volumes).forEach((raw, i) => {
    const volume = objectAt(raw);
    if (volume) visit(volume, path.child('volumes').index(i));
  });
}

/** Calls `visit` with each source of each projected volume, and its path. */
function forEachProjection(spec: JsonObject, path: FieldPath, visit: (source: JsonObject, path: FieldPath) => void): void {
  forEachVolume(spec, path, (volume, volumePath) => {
    listAt(objectAt(volume.projected)?.sources).forEach((raw, j) => {
      const source = objectAt(raw);
      if (source) visit(source, volumePath.child('projected', 'sources').index(j));
    });
  });
}

/**
 * The `env[].valueFrom.<selector>` and `envFrom[].<ref>` references of a container, as
 * upstream's `visitContainerSecretNames` / `visitContainerConfigmapNames` read them.
 */
function containerReferences(
  container: JsonObject,
  path: FieldPath,
  keySelector: 'secretKeyRef' | 'configMapKeyRef',
  sourceRef: 'secretRef' | 'configMapRef',
  message: string,
): FieldError[] {
  const errors: FieldError[] = [];
  listAt(container.envFrom).forEach((raw, j) => {
    if (refNames(objectAt(raw)?.[sourceRef])) errors.push(path.child('envFrom').index(j).child(sourceRef).forbidden(message));
  });
  listAt(container.env).forEach((raw, j) => {
    const valueFrom = objectAt(objectAt(raw)?.valueFrom);
    if (refNames(valueFrom?.[keySelector])) errors.push(path.child('env').index(j).child('valueFrom', keySelector).forbidden(message));
  });
  return errors;
}

/**
 * No ServiceAccount: serviceaccount admission `Plugin.Validate` ("a mirror pod may not reference
 * service accounts") and noderestriction `admitPodCreate`. `serviceAccount` is the deprecated
 * v1 alias that the API server copies into `serviceAccountName`, so it counts too.
 */
export function serviceAccountReferences(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (names(spec.serviceAccountName)) errors.push(path.child('serviceAccountName').forbidden(SERVICE_ACCOUNT));
  if (names(spec.serviceAccount)) errors.push(path.child('serviceAccount').forbidden(SERVICE_ACCOUNT));
  return errors;
}

/** The volume sources that name a Secret, and the field of each that holds its reference. */
const SECRET_VOLUME_REFERENCES: ReadonlyArray<readonly [source: string, field: string]> = [
  ['azureFile', 'secretName'],
  ['cephfs', 'secretRef'],
  ['cinder', 'secretRef'],
  ['flexVolume', 'secretRef'],
  ['rbd', 'secretRef'],
  ['scaleIO', 'secretRef'],
  ['iscsi', 'secretRef'],
  ['storageos', 'secretRef'],
  ['csi', 'nodePublishSecretRef'],
];

/**
 * No Secret, wherever `podutil.VisitPodSecretNames` (pkg/api/pod/util.go) finds one, over all
 * containers: `imagePullSecrets`, `env[].valueFrom.secretKeyRef` and `envFrom[].secretRef` of
 * every container, `secret` volumes, projected `secret` sources, and the secret references of
 * volume plugins (azureFile, cephfs, cinder, flexVolume, rbd, scaleIO, iscsi, storageos, csi).
 * Refused by serviceaccount admission `Plugin.Validate` and noderestriction `admitPodCreate`.
 */
export function secretReferences(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  listAt(spec.imagePullSecrets).forEach((raw, i) => {
    if (refNames(raw)) errors.push(path.child('imagePullSecrets').index(i).forbidden(PULL_SECRET));
  });
  forEachContainer(spec, path, (container, containerPath) => {
    append(errors, containerReferences(container, containerPath, 'secretKeyRef', 'secretRef', SECRET));
  });
  forEachVolume(spec, path, (volume, volumePath) => {
    if (names(objectAt(volume.secret)?.secretName)) errors.push(volumePath.child('secret').forbidden(SECRET));
    listAt(objectAt(volume.projected)?.sources).forEach((raw, j) => {
      if (refNames(objectAt(raw)?.secret)) errors.push(volumePath.child('projected', 'sources').index(j).child('secret').forbidden(SECRET));
    });
    for (const [source, field] of SECRET_VOLUME_REFERENCES) {
      const reference = objectAt(volume[source])?.[field];
      if (field === 'secretName' ? names(reference) : refNames(reference)) errors.push(volumePath.child(source, field).forbidden(SECRET));
    }
  });
  return errors;
}

/**
 * No ConfigMap, wherever `podutil.VisitPodConfigmapNames` (pkg/api/pod/util.go) finds one:
 * `env[].valueFrom.configMapKeyRef` and `envFrom[].configMapRef` of every container, `configMap`
 * volumes and projected `configMap` sources. Refused by noderestriction `admitPodCreate` ("can not
 * create pods that reference configmaps").
 */
export function configMapReferences(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  forEachContainer(spec, path, (container, containerPath) => {
    append(errors, containerReferences(container, containerPath, 'configMapKeyRef', 'configMapRef', CONFIG_MAP));
  });
  forEachVolume(spec, path, (volume, volumePath) => {
    if (refNames(volume.configMap)) errors.push(volumePath.child('configMap').forbidden(CONFIG_MAP));
    listAt(objectAt(volume.projected)?.sources).forEach((raw, j) => {
      if (refNames(objectAt(raw)?.configMap)) errors.push(volumePath.child('projected', 'sources').index(j).child('configMap').forbidden(CONFIG_MAP));
    });
  });
  return errors;
}

/**
 * No projected ServiceAccount token: serviceaccount admission `Plugin.Validate` ("a mirror pod may
 * not use ServiceAccountToken volume projections").
 */
export function serviceAccountTokenProjections(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  forEachProjection(spec, path, (source, sourcePath) => {
    if (objectAt(source.serviceAccountToken)) errors.push(sourcePath.child('serviceAccountToken').forbidden(TOKEN_PROJECTION));
  });
  return errors;
}

/** No projected ClusterTrustBundle: noderestriction `admitPodCreate` ("can not create pods that reference clustertrustbundles"). */
export function clusterTrustBundleProjections(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  forEachProjection(spec, path, (source, sourcePath) => {
    if (objectAt(source.clusterTrustBundle)) errors.push(sourcePath.child('clusterTrustBundle').forbidden(TRUST_BUNDLE));
  });
  return errors;
}

/** No PersistentVolumeClaim volume: noderestriction `admitPodCreate` ("can not create pods that reference persistentvolumeclaims"). */
export function persistentVolumeClaimVolumes(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  forEachVolume(spec, path, (volume, volumePath) => {
    if (objectAt(volume.persistentVolumeClaim)) errors.push(volumePath.child('persistentVolumeClaim').forbidden(CLAIM));
  });
  return errors;
}

/**
 * No ephemeral containers on create: `ValidatePodCreate` in pkg/apis/core/validation/validation.go
 * ("cannot be set on create"). Every pod is created without them; a mirror pod is only ever created.
 */
export function ephemeralContainersOnCreate(spec: JsonObject, path: FieldPath): FieldError[] {
  return listAt(spec.ephemeralContainers).length > 0 ? [path.child('ephemeralContainers').forbidden(EPHEMERAL)] : [];
}

/**
 * Everything the API server refuses in a mirror pod's spec, one error per offending field, with
 * paths from `path` (by default `spec`, as the API server writes them for a Pod). Pod validation
 * proper (`validatePodSpec`) is not repeated here.
 */
export function validateMirrorPodSpec(spec: JsonObject, path: FieldPath = FieldPath.root('spec')): FieldError[] {
  return [
    ...serviceAccountReferences(spec, path),
    ...secretReferences(spec, path),
    ...configMapReferences(spec, path),
    ...serviceAccountTokenProjections(spec, path),
    ...clusterTrustBundleProjections(spec, path),
    ...persistentVolumeClaimVolumes(spec, path),
    ...ephemeralContainersOnCreate(spec, path),
  ];
}

/** The mirror-pod errors of a parsed Pod (any JSON: a missing or malformed spec has nothing to refuse). */
export function mirrorPodErrors(pod: unknown): FieldError[] {
  const spec = objectAt(objectAt(pod)?.spec);
  return spec ? validateMirrorPodSpec(spec) : [];
}
