import { VOLUME_FIELD_PATHS, validateObjectFieldSelector, validateResourceFieldSelector } from './downward-api';
import { FieldError, FieldPath } from './field-error';
import { validateLabelSelector } from './label-selector';
import { dns1123LabelErrors, dns1123SubdomainErrors, inclusiveRange } from './names';
import { validateAnnotations, validateLabels } from './object-meta';
import { validateLocalDescendingPath, validateLocalNonReservedPath, validatePathNoBacksteps } from './paths';
import { formatQuantity, quantitySign, readQuantity } from './quantity';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

/**
 * The volumes that passed validation, by name, with the key of their source (`hostPath`,
 * `persistentVolumeClaim`, ...).
 */
export type VolumeSources = ReadonlyMap<string, string>;

type SourceRule = (source: JsonObject, path: FieldPath, volumeName: string) => FieldError[];

const FILE_MODE_MESSAGE = 'must be a number between 0 and 0777 (octal), both inclusive';
const MAX_FILE_MODE = 0o777;
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const ISCSI_IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9.-]+)(:[^,;*&$|\s]+)$/;
const ISCSI_EUI = /^eui.[A-Za-z0-9]{16}$/;
const ISCSI_NAA = /^naa.[A-Za-z0-9]{32}$/;
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MIN_TOKEN_SECONDS = 10 * 60;
const MAX_TOKEN_SECONDS = 2 ** 32;

const str = (value: unknown) => stringAt(value) ?? '';
const requiredString = (source: JsonObject, key: string, path: FieldPath): FieldError[] =>
  str(source[key]).length === 0 ? [path.child(key).required()] : [];

/** The file-mode rule of the secret, configMap, downwardAPI and projected validators: 0 to 0777. */
function validateMode(value: unknown, path: FieldPath): FieldError[] {
  const mode = numberAt(value);
  return mode !== undefined && (mode < 0 || mode > MAX_FILE_MODE) ? [path.invalid(mode, FILE_MODE_MESSAGE)] : [];
}

/**
 * Mirrors `validateKeyToPath` in pkg/apis/core/validation/validation.go (the `items` of configMap,
 * secret and projected sources).
 */
function validateKeyToPath(item: JsonObject, path: FieldPath): FieldError[] {
  const errors = [...requiredString(item, 'key', path), ...requiredString(item, 'path', path)];
  errors.push(...validateLocalNonReservedPath(str(item.path), path.child('path')));
  errors.push(...validateMode(item.mode, path.child('mode')));
  return errors;
}

/** The `items` of a configMap or secret source. */
function validateItems(source: JsonObject, path: FieldPath): FieldError[] {
  return listAt(source.items).flatMap((item, i) => validateKeyToPath(objectAt(item) ?? {}, path.child('items').index(i)));
}

/**
 * Mirrors `validateDownwardAPIVolumeFile` in pkg/apis/core/validation/validation.go. Upstream names
 * the source, not the item, in these paths.
 */
function validateDownwardApiFile(file: JsonObject, path: FieldPath): FieldError[] {
  const errors = requiredString(file, 'path', path);
  errors.push(...validateLocalNonReservedPath(str(file.path), path.child('path')));
  const fieldRef = objectAt(file.fieldRef);
  const resourceFieldRef = objectAt(file.resourceFieldRef);
  if (fieldRef) {
    errors.push(...validateObjectFieldSelector(fieldRef, VOLUME_FIELD_PATHS, path.child('fieldRef')));
    if (resourceFieldRef) errors.push(path.invalid('resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resourceFieldRef) {
    errors.push(...validateResourceFieldSelector(resourceFieldRef, path.child('resourceFieldRef'), true));
  } else {
    errors.push(path.required('one of fieldRef and resourceFieldRef is required'));
  }
  errors.push(...validateMode(file.mode, path.child('mode')));
  return errors;
}

/** Mirrors `validateHostPathVolumeSource` with `validateHostPathType` in pkg/apis/core/validation/validation.go. */
const hostPath: SourceRule = (source, path) => {
  const target = str(source.path);
  if (target.length === 0) return [path.child('path').required()];
  const errors = validatePathNoBacksteps(target, path.child('path'));
  const type = source.type;
  if (type !== undefined && type !== null && !HOST_PATH_TYPES.includes(str(type))) {
    errors.push(path.child('type').notSupported(type, HOST_PATH_TYPES));
  }
  return errors;
};

/** Mirrors the emptyDir part of `validateVolumeSource`: a size limit may not be negative. */
const emptyDir: SourceRule = (source, path) => {
  const limit = readQuantity(source.sizeLimit);
  if (typeof limit === 'string') return [path.child('sizeLimit').invalid(source.sizeLimit, limit)];
  return limit && quantitySign(limit) < 0 ? [path.child('sizeLimit').forbidden('SizeLimit field must be a valid resource quantity')] : [];
};

/** Mirrors `validateSecretVolumeSource` in pkg/apis/core/validation/validation.go. */
const secret: SourceRule = (source, path) => [
  ...requiredString(source, 'secretName', path),
  ...validateMode(source.defaultMode, path.child('defaultMode')),
  ...validateItems(source, path),
];

/** Mirrors `validateConfigMapVolumeSource` in pkg/apis/core/validation/validation.go. */
const configMap: SourceRule = (source, path) => [
  ...requiredString(source, 'name', path),
  ...validateMode(source.defaultMode, path.child('defaultMode')),
  ...validateItems(source, path),
];

/** Mirrors `validateDownwardAPIVolumeSource` in pkg/apis/core/validation/validation.go. */
const downwardAPI: SourceRule = (source, path) => [
  ...validateMode(source.defaultMode, path.child('defaultMode')),
  ...listAt(source.items).flatMap((item) => validateDownwardApiFile(objectAt(item) ?? {}, path)),
];

/**
 * Mirrors `validateProjectionSources` and `validateProjectedVolumeSource` in
 * pkg/apis/core/validation/validation.go: one kind per source, and no two files at the same path.
 * Token paths are not in that check upstream, and a missing token path is reported on the volume's
 * `path`, as there.
 */
const projected: SourceRule = (source, path) => {
  const errors = validateMode(source.defaultMode, path.child('defaultMode'));
  const paths = new Set<string>();
  const claimPath = (file: string, value: unknown) => {
    if (file.length === 0) return;
    if (paths.has(file)) errors.push(path.invalid(value, 'conflicting duplicate paths'));
    paths.add(file);
  };
  listAt(source.sources).forEach((raw, i) => {
    const projection = objectAt(raw) ?? {};
    const sourcePath = path.child('sources').index(i);
    let kinds = 0;
    for (const kind of ['secret', 'configMap']) {
      const ref = objectAt(projection[kind]);
      if (!ref) continue;
      kinds++;
      const refPath = sourcePath.child(kind);
      errors.push(...requiredString(ref, 'name', refPath));
      listAt(ref.items).forEach((rawItem, j) => {
        const item = objectAt(rawItem) ?? {};
        errors.push(...validateKeyToPath(item, refPath.child('items').index(j)));
        claimPath(str(item.path), str(ref.name));
      });
    }
    const downward = objectAt(projection.downwardAPI);
    if (downward) {
      kinds++;
      listAt(downward.items).forEach((rawItem) => {
        const item = objectAt(rawItem) ?? {};
        errors.push(...validateDownwardApiFile(item, sourcePath.child('downwardAPI')));
        claimPath(str(item.path), str(item.path));
      });
    }
    const token = objectAt(projection.serviceAccountToken);
    if (token) {
      kinds++;
      // expirationSeconds defaults to an hour (SetDefaults_ServiceAccountTokenProjection).
      const seconds = numberAt(token.expirationSeconds) ?? 3600;
      const secondsPath = sourcePath.child('serviceAccountToken', 'expirationSeconds');
      if (seconds < MIN_TOKEN_SECONDS) errors.push(secondsPath.invalid(seconds, 'may not specify a duration less than 10 minutes'));
      if (seconds > MAX_TOKEN_SECONDS) errors.push(secondsPath.invalid(seconds, 'may not specify a duration larger than 2^32 seconds'));
      const tokenPath = str(token.path);
      if (tokenPath.length === 0) errors.push(path.child('path').required());
      else errors.push(...validateLocalNonReservedPath(tokenPath, path.child('path')));
    }
    if (objectAt(projection.clusterTrustBundle)) kinds++;
    if (kinds > 1) errors.push(sourcePath.forbidden('may not specify more than 1 volume type per source'));
  });
  return errors;
};

/** Mirrors `ValidateCSIDriverName` and `validateCSIVolumeSource` in pkg/apis/core/validation/validation.go. */
const csi: SourceRule = (source, path) => {
  const errors: FieldError[] = [];
  const driver = str(source.driver);
  const driverPath = path.child('driver');
  if (driver.length === 0) errors.push(driverPath.required());
  if (driver.length > 63) errors.push(driverPath.tooLong('may not be more than 63 bytes'));
  errors.push(...dns1123SubdomainErrors(driver.toLowerCase()).map((message) => driverPath.invalid(driver, message)));
  const secretRef = objectAt(source.nodePublishSecretRef);
  if (secretRef) {
    const name = str(secretRef.name);
    if (name.length === 0) errors.push(path.child('nodePublishSecretRef', 'name').required());
    // Upstream reports a bad secret name at `csi.name`.
    else errors.push(...dns1123SubdomainErrors(name).map((message) => path.child('name').invalid(name, message)));
  }
  return errors;
};

/**
 * Mirrors `ValidatePersistentVolumeClaimTemplate` in pkg/apis/core/validation/validation.go
 * (metadata and the parts of the claim spec a template sets).
 */
const ephemeral: SourceRule = (source, path) => {
  const template = objectAt(source.volumeClaimTemplate);
  const templatePath = path.child('volumeClaimTemplate');
  if (!template) return [templatePath.required()];
  const metadata = objectAt(template.metadata) ?? {};
  const metaPath = templatePath.child('metadata');
  const errors = [...validateAnnotations(metadata.annotations, metaPath.child('annotations')), ...validateLabels(metadata.labels, metaPath.child('labels'))];
  for (const key of Object.keys(metadata)) {
    if (key !== 'labels' && key !== 'annotations' && metadata[key] !== null && metadata[key] !== undefined) {
      errors.push(metaPath.child(key).forbidden('cannot be set'));
    }
  }
  const spec = objectAt(template.spec) ?? {};
  const specPath = templatePath.child('spec');
  const modes = listAt(spec.accessModes).map(String);
  if (modes.length === 0) errors.push(specPath.child('accessModes').required('at least 1 access mode is required'));
  const selector = objectAt(spec.selector);
  if (selector) errors.push(...validateLabelSelector(selector, specPath.child('selector')));
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errors.push(specPath.child('accessModes').notSupported(mode, ACCESS_MODES));
  }
  if (modes.includes('ReadWriteOncePod') && modes.some((mode) => mode !== 'ReadWriteOncePod' && ACCESS_MODES.includes(mode))) {
    errors.push(specPath.child('accessModes').forbidden('may not use ReadWriteOncePod with other access modes'));
  }
  const storagePath = specPath.child('resources').key('storage');
  const storage = objectAt(objectAt(spec.resources)?.requests)?.storage;
  const quantity = storage === undefined ? undefined : readQuantity(storage);
  if (quantity === undefined) errors.push(storagePath.required());
  else if (typeof quantity === 'string') errors.push(storagePath.invalid(storage, quantity));
  else if (quantitySign(quantity) <= 0) errors.push(storagePath.invalid(formatQuantity(quantity), 'must be greater than zero'));
  const className = str(spec.storageClassName);
  if (className) errors.push(...dns1123SubdomainErrors(className).map((m) => specPath.child('storageClassName').invalid(className, m)));
  if (spec.volumeMode !== undefined && spec.volumeMode !== null && !VOLUME_MODES.includes(str(spec.volumeMode))) {
    errors.push(specPath.child('volumeMode').notSupported(spec.volumeMode, VOLUME_MODES));
  }
  return errors;
};

/**
 * Mirrors `validateGCEPersistentDiskVolumeSource` and `validateAWSElasticBlockStoreVolumeSource` in
 * pkg/apis/core/validation/validation.go: a disk ID, and a partition from 0 to 255 (which upstream
 * words as 1 to 255).
 */
function partitionRule(idKey: string): SourceRule {
  return (source, path) => {
    const errors = requiredString(source, idKey, path);
    const partition = numberAt(source.partition) ?? 0;
    if (partition < 0 || partition > 255) errors.push(path.child('partition').invalid(partition, inclusiveRange(1, 255)));
    return errors;
  };
}

/**
 * The sources whose validators only require fields: `validateGlusterfsVolumeSource`,
 * `validatePersistentClaimVolumeSource`, `validateAzureFile`, `validateVsphereVolumeSource`,
 * `validatePhotonPersistentDiskVolumeSource`, `validatePortworxVolumeSource` and
 * `validateScaleIOVolumeSource` in pkg/apis/core/validation/validation.go.
 */
function requiredRule(...keys: string[]): SourceRule {
  return (source, path) => keys.flatMap((key) => requiredString(source, key, path));
}

/** Mirrors `validateCephFSVolumeSource` and the monitors rule of `validateRBDVolumeSource` in pkg/apis/core/validation/validation.go. */
function requiredListRule(key: string): SourceRule {
  return (source, path) => (listAt(source[key]).length === 0 ? [path.child(key).required()] : []);
}

/** An iSCSI qualified name: `iqn.`, `eui.` or `naa.` form, checked with upstream's patterns. */
function iscsiNameErrors(name: string, path: FieldPath, prefixMessage: string): FieldError[] {
  if (!/^(iqn|eui|naa)/.test(name)) return [path.invalid(name, prefixMessage)];
  const pattern = name.startsWith('iqn') ? ISCSI_IQN : name.startsWith('eui') ? ISCSI_EUI : ISCSI_NAA;
  return pattern.test(name) ? [] : [path.invalid(name, 'must be valid format')];
}

/**
 * Mirrors `validateISCSIVolumeSource` in pkg/apis/core/validation/validation.go and the iSCSI
 * name-length rule of `validateVolumeSource`.
 */
const iscsi: SourceRule = (source, path, volumeName) => {
  const errors = requiredString(source, 'targetPortal', path);
  const iqn = str(source.iqn);
  if (iqn.length === 0) errors.push(path.child('iqn').required());
  else errors.push(...iscsiNameErrors(iqn, path.child('iqn'), 'must be valid format starting with iqn, eui, or naa'));
  const lun = numberAt(source.lun) ?? 0;
  if (lun < 0 || lun > 255) errors.push(path.child('lun').invalid(lun, inclusiveRange(0, 255)));
  if ((source.chapAuthDiscovery === true || source.chapAuthSession === true) && !objectAt(source.secretRef)) {
    errors.push(path.child('secretRef').required());
  }
  const initiator = stringAt(source.initiatorName);
  if (initiator !== undefined) {
    errors.push(...iscsiNameErrors(initiator, path.child('initiatorname'), 'must be valid format starting with iqn, eui, or naa'));
    if (`${volumeName}:${str(source.targetPortal)}`.length > 64) {
      errors.push(
        path.child('name').invalid(volumeName, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'),
      );
    }
  }
  return errors;
};

/** Mirrors `validateNFSVolumeSource` in pkg/apis/core/validation/validation.go. */
const nfs: SourceRule = (source, path) => {
  const errors = requiredString(source, 'server', path);
  const target = str(source.path);
  if (target.length === 0) errors.push(path.child('path').required());
  if (!target.startsWith('/')) errors.push(path.child('path').invalid(target, 'must be an absolute path'));
  return errors;
};

/** Mirrors `validateFCVolumeSource` in pkg/apis/core/validation/validation.go. */
const fc: SourceRule = (source, path) => {
  const errors: FieldError[] = [];
  const wwns = listAt(source.targetWWNs);
  const wwids = listAt(source.wwids);
  if (wwns.length === 0 && wwids.length === 0) {
    errors.push(path.child('targetWWNs').required('must specify either targetWWNs or wwids, but not both'));
  }
  if (wwns.length > 0 && wwids.length > 0) {
    errors.push(path.child('targetWWNs').invalid(wwns, 'targetWWNs and wwids can not be specified simultaneously'));
  }
  if (wwns.length > 0) {
    const lun = numberAt(source.lun);
    if (lun === undefined) errors.push(path.child('lun').required('lun is required if targetWWNs is specified'));
    else if (lun < 0 || lun > 255) errors.push(path.child('lun').invalid(lun, inclusiveRange(0, 255)));
  }
  return errors;
};

/** Mirrors `validateFlockerVolumeSource` in pkg/apis/core/validation/validation.go. */
const flocker: SourceRule = (source, path) => {
  const name = str(source.datasetName);
  const uuid = str(source.datasetUUID);
  const errors: FieldError[] = [];
  if (!name && !uuid) errors.push(path.required('one of datasetName and datasetUUID is required'));
  if (name && uuid) errors.push(path.invalid('resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errors.push(path.child('datasetName').invalid(name, "must not contain '/'"));
  return errors;
};

/**
 * Mirrors `validateFlexVolumeSource` in pkg/apis/core/validation/validation.go: the `kubernetes.io`
 * and `k8s.io` option namespaces are reserved.
 */
const flexVolume: SourceRule = (source, path) => {
  const errors = requiredString(source, 'driver', path);
  for (const key of Object.keys(objectAt(source.options) ?? {})) {
    // A key without a prefix is its own namespace upstream, so `kubernetes.io` alone is reserved too.
    const namespace = `.${key.split('/')[0].toLowerCase()}`;
    if (namespace.endsWith('.kubernetes.io') || namespace.endsWith('.k8s.io')) {
      errors.push(path.child('options').key(key).invalid(key, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errors;
};

/** Mirrors `validateQuobyteVolumeSource` in pkg/apis/core/validation/validation.go. */
const quobyte: SourceRule = (source, path) => {
  const errors: FieldError[] = [];
  const registry = str(source.registry);
  const hostPortMessage = 'must be a host:port pair or multiple pairs separated by commas';
  if (registry.length === 0) {
    errors.push(path.child('registry').required(hostPortMessage));
  } else if (str(source.tenant).length >= 65) {
    errors.push(path.child('tenant').required('must be a UUID and may not exceed a length of 64 characters'));
  } else {
    for (const pair of registry.split(',')) {
      if (!/^(\[[^\]]*\]|[^:[\]]*):[^:]*$/.test(pair)) errors.push(path.child('registry').invalid(registry, hostPortMessage));
    }
  }
  errors.push(...requiredString(source, 'volume', path));
  return errors;
};

/** Mirrors `validateAzureDisk` in pkg/apis/core/validation/validation.go. */
const azureDisk: SourceRule = (source, path) => {
  const errors = [...requiredString(source, 'diskName', path), ...requiredString(source, 'diskURI', path)];
  const cachingModes = ['None', 'ReadOnly', 'ReadWrite'];
  const kinds = ['Dedicated', 'Managed', 'Shared'];
  const caching = stringAt(source.cachingMode);
  if (caching !== undefined && !cachingModes.includes(caching)) errors.push(path.child('cachingMode').notSupported(caching, cachingModes));
  const kind = stringAt(source.kind);
  if (kind !== undefined && !kinds.includes(kind)) errors.push(path.child('kind').notSupported(kind, kinds));
  const uri = str(source.diskURI);
  if (kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    errors.push(path.child('diskURI').notSupported(uri, ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}']));
  }
  if (kind !== undefined && kind !== 'Managed' && !uri.startsWith('https://')) {
    errors.push(path.child('diskURI').notSupported(uri, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd']));
  }
  return errors;
};

/** Mirrors `validateStorageOSVolumeSource` in pkg/apis/core/validation/validation.go. */
const storageos: SourceRule = (source, path) => {
  const errors: FieldError[] = [];
  const name = str(source.volumeName);
  if (name.length === 0) errors.push(path.child('volumeName').required());
  else errors.push(...dns1123LabelErrors(name).map((m) => path.child('volumeName').invalid(name, m)));
  const namespace = str(source.volumeNamespace);
  if (namespace) errors.push(...dns1123LabelErrors(namespace).map((m) => path.child('volumeNamespace').invalid(namespace, m)));
  const secretRef = objectAt(source.secretRef);
  if (secretRef && !str(secretRef.name)) errors.push(path.child('secretRef', 'name').required());
  return errors;
};

/** Mirrors `validateCinderVolumeSource` in pkg/apis/core/validation/validation.go. */
const cinder: SourceRule = (source, path) => {
  const errors = requiredString(source, 'volumeID', path);
  const secretRef = objectAt(source.secretRef);
  if (secretRef && !str(secretRef.name)) errors.push(path.child('secretRef', 'name').required());
  return errors;
};

/** Mirrors `validateGitRepoVolumeSource` in pkg/apis/core/validation/validation.go. */
const gitRepo: SourceRule = (source, path) => [
  ...requiredString(source, 'repository', path),
  ...validateLocalDescendingPath(str(source.directory), path.child('directory')),
];

/**
 * Mirrors `validateImageVolumeSource` in pkg/apis/core/validation/validation.go for a template: the
 * reference may be filled in later, the pull policy may not be wrong.
 */
const image: SourceRule = (source, path) => {
  const policy = source.pullPolicy;
  if (policy === undefined || policy === null || policy === '') return [];
  return PULL_POLICIES.includes(str(policy)) ? [] : [path.child('pullPolicy').notSupported(policy, PULL_POLICIES)];
};

/**
 * The volume sources in the order `validateVolumeSource` tries them, with the path it validates
 * each under and the path it names when a second source is given. The odd ones are upstream's:
 * `gcePersistentDisk` is validated as `persistentDisk`, `cephfs` is refused as `cephFS`, and a
 * second `downwardAPI` is refused as `downwarAPI`.
 */
const SOURCES: ReadonlyArray<{ key: string; rule: SourceRule; validateAs?: string; refuseAs?: string }> = [
  { key: 'emptyDir', rule: emptyDir },
  { key: 'hostPath', rule: hostPath },
  { key: 'gitRepo', rule: gitRepo },
  { key: 'gcePersistentDisk', rule: partitionRule('pdName'), validateAs: 'persistentDisk' },
  { key: 'awsElasticBlockStore', rule: partitionRule('volumeID') },
  { key: 'secret', rule: secret },
  { key: 'nfs', rule: nfs },
  { key: 'iscsi', rule: iscsi },
  { key: 'glusterfs', rule: requiredRule('endpoints', 'path') },
  { key: 'flocker', rule: flocker },
  { key: 'persistentVolumeClaim', rule: requiredRule('claimName') },
  { key: 'rbd', rule: (s, p) => [...requiredListRule('monitors')(s, p, ''), ...requiredString(s, 'image', p)] },
  { key: 'cinder', rule: cinder },
  { key: 'cephfs', rule: requiredListRule('monitors'), refuseAs: 'cephFS' },
  { key: 'quobyte', rule: quobyte },
  { key: 'downwardAPI', rule: downwardAPI, refuseAs: 'downwarAPI' },
  { key: 'fc', rule: fc },
  { key: 'flexVolume', rule: flexVolume },
  { key: 'configMap', rule: configMap },
  { key: 'azureFile', rule: requiredRule('secretName', 'shareName') },
  { key: 'vsphereVolume', rule: requiredRule('volumePath') },
  { key: 'photonPersistentDisk', rule: requiredRule('pdID') },
  { key: 'portworxVolume', rule: requiredRule('volumeID') },
  { key: 'azureDisk', rule: azureDisk },
  { key: 'storageos', rule: storageos },
  { key: 'projected', rule: projected },
  { key: 'scaleIO', rule: requiredRule('gateway', 'system', 'volumeName') },
  { key: 'csi', rule: csi },
  { key: 'ephemeral', rule: ephemeral },
  { key: 'image', rule: image },
];

/**
 * Mirrors `validateVolumeSource` in pkg/apis/core/validation/validation.go: exactly one source. A
 * volume with none is valid because the API server defaults it to an emptyDir (SetDefaults_Volume)
 * before validating.
 */
function validateVolumeSource(volume: JsonObject, path: FieldPath, name: string): { errors: FieldError[]; kind: string } {
  const errors: FieldError[] = [];
  let kind = '';
  for (const source of sourcesOf(volume)) {
    const { key, rule, validateAs, refuseAs } = source;
    if (kind) {
      errors.push(path.child(refuseAs ?? key).forbidden('may not specify more than 1 volume type'));
      continue;
    }
    kind = key;
    errors.push(...rule(objectAt(volume[key])!, path.child(validateAs ?? key), name));
  }
  return { errors, kind: kind || 'emptyDir' };
}

type VolumeSourceKind = (typeof SOURCES)[number];
const SOURCE_ORDER = new Map<string, number>(SOURCES.map(({ key }, i) => [key, i]));

/**
 * The sources a volume sets, in the order of SOURCES. Read from the volume's own few keys rather
 * than by asking it for each of the thirty sources: this runs for every volume of every DaemonSet.
 */
function sourcesOf(volume: JsonObject): VolumeSourceKind[] {
  const found: VolumeSourceKind[] = [];
  for (const key in volume) {
    const order = SOURCE_ORDER.get(key);
    if (order !== undefined && objectAt(volume[key])) found.push(SOURCES[order]);
  }
  return found.length > 1 ? found.sort((a, b) => SOURCE_ORDER.get(a.key)! - SOURCE_ORDER.get(b.key)!) : found;
}

/**
 * Mirrors `ValidateVolumes` in pkg/apis/core/validation/validation.go. A volume with any error is
 * left out of the returned sources, so a mount of it is also reported as not found, as the API
 * server does.
 */
export function validateVolumes(volumes: unknown, path: FieldPath): { errors: FieldError[]; sources: VolumeSources } {
  const errors: FieldError[] = [];
  const sources = new Map<string, string>();
  listAt(volumes).forEach((raw, i) => {
    const volume = objectAt(raw) ?? {};
    const itemPath = path.index(i);
    const namePath = itemPath.child('name');
    const name = str(volume.name);
    const { errors: volumeErrors, kind } = validateVolumeSource(volume, itemPath, name);
    if (name.length === 0) volumeErrors.push(namePath.required());
    else volumeErrors.push(...dns1123LabelErrors(name).map((message) => namePath.invalid(name, message)));
    if (sources.has(name)) volumeErrors.push(namePath.duplicate(name));
    if (volumeErrors.length === 0) sources.set(name, kind);
    else errors.push(...volumeErrors);
  });
  return { errors, sources };
}

