import { FieldError, FieldPath } from './field-error';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './paths';
import { VolumeSources } from './volumes';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];
const BLOCK_SOURCES = ['persistentVolumeClaim', 'ephemeral'];

const str = (value: unknown) => stringAt(value) ?? '';
const isSet = (value: unknown) => value !== undefined && value !== null;

/** Only an explicit `privileged: true` counts, as upstream reads it. */
function isPrivileged(container: JsonObject): boolean {
  return objectAt(container.securityContext)?.privileged === true;
}

/**
 * Mirrors `validateMountPropagation` in pkg/apis/core/validation/validation.go: Bidirectional
 * propagation reaches the host, so only a privileged container may ask for it.
 */
function validateMountPropagation(propagation: unknown, container: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  if (!PROPAGATIONS.includes(str(propagation))) errors.push(path.notSupported(propagation, PROPAGATIONS));
  if (propagation === 'Bidirectional' && !isPrivileged(container)) {
    errors.push(path.forbidden('Bidirectional mount propagation is available only to privileged containers'));
  }
  return errors;
}

/**
 * Mirrors `validateMountRecursiveReadOnly` in pkg/apis/core/validation/validation.go: recursive
 * read-only needs a read-only mount that propagates nothing.
 */
function validateRecursiveReadOnly(mount: JsonObject, path: FieldPath): FieldError[] {
  const value = mount.recursiveReadOnly;
  if (!isSet(value) || value === 'Disabled') return [];
  if (value !== 'Enabled' && value !== 'IfPossible') return [path.notSupported(value, RECURSIVE_READ_ONLY)];
  const errors: FieldError[] = [];
  if (mount.readOnly !== true) errors.push(path.forbidden('may only be specified when readOnly is true'));
  if (isSet(mount.mountPropagation) && mount.mountPropagation !== 'None') {
    errors.push(path.forbidden('may only be specified when mountPropagation is None or not specified'));
  }
  return errors;
}

/** name → devicePath (or mountPath) of a container's devices (or mounts), as `GetVolumeDeviceMap` builds it. */
function pathsByName(entries: unknown, pathKey: 'mountPath' | 'devicePath'): Map<string, string> {
  const map = new Map<string, string>();
  for (const raw of listAt(entries)) {
    const entry = objectAt(raw) ?? {};
    map.set(str(entry.name), str(entry[pathKey]));
  }
  return map;
}

/**
 * Mirrors `ValidateVolumeMounts` in pkg/apis/core/validation/validation.go. Upstream writes the
 * `subPath`, `subPathExpr`, `mountPropagation` and `recursiveReadOnly` errors under `volumeMounts`
 * without the index; so does this.
 */
export function validateVolumeMounts(container: JsonObject, volumes: VolumeSources, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const devices = pathsByName(container.volumeDevices, 'devicePath');
  const devicePaths = new Set(devices.values());
  const mountPaths = new Set<string>();
  listAt(container.volumeMounts).forEach((raw, i) => {
    const mount = objectAt(raw) ?? {};
    const itemPath = path.index(i);
    const name = str(mount.name);
    const mountPath = str(mount.mountPath);
    if (name.length === 0) errors.push(itemPath.child('name').required());
    if (!volumes.has(name)) errors.push(itemPath.child('name').notFound(name));
    if (mountPath.length === 0) errors.push(itemPath.child('mountPath').required());
    if (mountPaths.has(mountPath)) errors.push(itemPath.child('mountPath').invalid(mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    if (devices.has(name)) errors.push(itemPath.child('name').invalid(name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath)) {
      errors.push(itemPath.child('mountPath').invalid(mountPath, 'must not already exist as a path in volumeDevices'));
    }
    const subPath = str(mount.subPath);
    const subPathExpr = str(mount.subPathExpr);
    // An image volume is a read-only OCI artifact: the kubelet cannot bind a part of it.
    if (volumes.get(name) === 'image') {
      if (subPath) errors.push(itemPath.child('subPath').invalid(subPath, 'not allowed in image volume sources'));
      if (subPathExpr) errors.push(itemPath.child('subPathExpr').invalid(subPathExpr, 'not allowed in image volume sources'));
    }
    if (subPath) errors.push(...validateLocalDescendingPath(subPath, path.child('subPath')));
    if (subPathExpr) {
      if (subPath) errors.push(itemPath.child('subPathExpr').invalid(subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errors.push(...validateLocalDescendingPath(subPathExpr, path.child('subPathExpr')));
    }
    if (isSet(mount.mountPropagation)) {
      errors.push(...validateMountPropagation(mount.mountPropagation, container, path.child('mountPropagation')));
    }
    errors.push(...validateRecursiveReadOnly(mount, path.child('recursiveReadOnly')));
  });
  return errors;
}

/**
 * Mirrors `ValidateVolumeDevices` in pkg/apis/core/validation/validation.go: raw block devices come
 * only from claims, at unique paths apart from the mounts.
 */
export function validateVolumeDevices(container: JsonObject, volumes: VolumeSources, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const mounts = pathsByName(container.volumeMounts, 'mountPath');
  const mountPaths = new Set(mounts.values());
  const names = new Set<string>();
  const devicePaths = new Set<string>();
  listAt(container.volumeDevices).forEach((raw, i) => {
    const device = objectAt(raw) ?? {};
    const itemPath = path.index(i);
    const name = str(device.name);
    const devicePath = str(device.devicePath);
    const source = volumes.get(name);
    if (name.length === 0) errors.push(itemPath.child('name').required());
    if (names.has(name)) errors.push(itemPath.child('name').invalid(name, 'must be unique'));
    if (source !== undefined && !BLOCK_SOURCES.includes(source)) {
      errors.push(itemPath.child('name').invalid(name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    }
    if (source === undefined) errors.push(itemPath.child('name').notFound(name));
    if (devicePath.length === 0) errors.push(itemPath.child('devicePath').required());
    if (devicePaths.has(devicePath)) errors.push(itemPath.child('devicePath').invalid(devicePath, 'must be unique'));
    if (devicePath.length > 0 && validatePathNoBacksteps(devicePath, itemPath).length > 0) {
      errors.push(itemPath.child('devicePath').invalid(devicePath, "can not contain backsteps ('..')"));
    } else {
      devicePaths.add(devicePath);
    }
    if (mounts.has(name)) errors.push(itemPath.child('name').invalid(name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(devicePath)) errors.push(itemPath.child('devicePath').invalid(devicePath, 'must not already exist as a path in volumeMounts'));
    if (name.length > 0) names.add(name);
  });
  return errors;
}
