import { FieldError, FieldPath } from './field-error';
import { dns1123SubdomainErrors, inclusiveRange } from './names';
import { validateLocalDescendingPath } from './paths';
import { JsonObject, listAt, numberAt, objectAt, stringAt } from '../json/shape';

const MAX_ID = 0xffffffff;
const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const PROC_MOUNT_TYPES = ['Default', 'Unmasked'];
const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];
const SUPPLEMENTAL_GROUPS_POLICIES = ['Merge', 'Strict'];
const SELINUX_CHANGE_POLICIES = ['MountOption', 'Recursive'];
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_NAME = new RegExp(`^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`);
const SYSCTL_MAX = 253;
const MAX_LOCALHOST_PROFILE = 4095;
const MAX_GMSA_SPEC = 64 * 1024;
const MAX_DOMAIN = 256;
const MAX_USER = 104;
const NETBIOS_DOMAIN = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const isSet = (value: unknown) => value !== undefined && value !== null;

/** `IsValidUserID` / `IsValidGroupID`: a 32-bit unsigned ID. */
function validateId(value: unknown, path: FieldPath): FieldError[] {
  const id = numberAt(value);
  return id !== undefined && (id < 0 || id > MAX_ID) ? [path.invalid(id, inclusiveRange(0, MAX_ID))] : [];
}

/**
 * Mirrors `validateSeccompProfileField` in pkg/apis/core/validation/validation.go: a Localhost
 * profile names a file under the kubelet's seccomp root, and only it does.
 */
export function validateSeccompProfile(profile: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!profile) return [];
  const errors: FieldError[] = [];
  const type = stringAt(profile.type) ?? '';
  if (type === '') errors.push(path.child('type').required('type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(type)) errors.push(path.child('type').notSupported(type, SECCOMP_TYPES));
  const localhost = profile.localhostProfile;
  if (type === 'Localhost') {
    if (!isSet(localhost)) errors.push(path.child('localhostProfile').required('must be set when seccomp type is Localhost'));
    else errors.push(...validateLocalDescendingPath(stringAt(localhost) ?? '', path.child('localhostProfile')));
  } else if (isSet(localhost)) {
    errors.push(path.child('localhostProfile').invalid(profile, 'can only be set when seccomp type is Localhost'));
  }
  return errors;
}

/** Mirrors `ValidateAppArmorProfileField` in pkg/apis/core/validation/validation.go. */
export function validateAppArmorProfile(profile: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!profile) return [];
  const type = stringAt(profile.type) ?? '';
  const localhost = profile.localhostProfile;
  const localhostPath = path.child('localhostProfile');
  switch (type) {
    case 'Localhost': {
      if (!isSet(localhost)) return [localhostPath.required('must be set when AppArmor type is Localhost')];
      const text = stringAt(localhost) ?? '';
      const errors: FieldError[] = [];
      if (text.trim() !== text) errors.push(localhostPath.invalid(text, 'must not be padded with whitespace'));
      else if (text === '') errors.push(localhostPath.required('must be set when AppArmor type is Localhost'));
      if (text.length > MAX_LOCALHOST_PROFILE) errors.push(localhostPath.tooLong(`may not be more than ${MAX_LOCALHOST_PROFILE} bytes`));
      return errors;
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return isSet(localhost) ? [localhostPath.invalid(localhost, 'can only be set when AppArmor type is Localhost')] : [];
    case '':
      return [path.child('type').required('type is required when appArmorProfile is set')];
    default:
      return [path.child('type').notSupported(type, APPARMOR_TYPES)];
  }
}

/**
 * Mirrors `validateWindowsSecurityContextOptions` in pkg/apis/core/validation/validation.go: GMSA
 * references and the DOMAIN\USER form of runAsUserName.
 */
export function validateWindowsOptions(options: JsonObject | undefined, path: FieldPath): FieldError[] {
  if (!options) return [];
  const errors: FieldError[] = [];
  const specName = stringAt(options.gmsaCredentialSpecName);
  if (specName !== undefined) {
    errors.push(...dns1123SubdomainErrors(specName).map((m) => path.child('gmsaCredentialSpecName').invalid(specName, m)));
  }
  const spec = stringAt(options.gmsaCredentialSpec);
  if (spec !== undefined && spec.length === 0) {
    errors.push(path.child('gmsaCredentialSpec').invalid(spec, 'gmsaCredentialSpec cannot be an empty string'));
  } else if (spec !== undefined && spec.length > MAX_GMSA_SPEC) {
    errors.push(path.child('gmsaCredentialSpec').invalid(spec, 'gmsaCredentialSpec size must be under 64 KiB'));
  }
  const userName = stringAt(options.runAsUserName);
  if (userName === undefined) return errors;
  const invalid = (message: string) => errors.push(path.child('runAsUserName').invalid(userName, message));
  const parts = userName.split('\\');
  if (userName.length === 0) {
    invalid('runAsUserName cannot be an empty string');
  } else if (/[\x00-\x1f\x7f]/.test(userName)) {
    invalid('runAsUserName cannot contain control characters');
  } else if (parts.length > 2) {
    invalid('runAsUserName cannot contain more than one backslash');
  } else {
    const [domain, user] = parts.length === 1 ? ['', parts[0]] : parts;
    if (domain.length >= MAX_DOMAIN) invalid(`runAsUserName's Domain length must be under ${MAX_DOMAIN} characters`);
    if (parts.length === 2 && !NETBIOS_DOMAIN.test(domain) && !DNS_DOMAIN.test(domain)) {
      invalid("runAsUserName's Domain doesn't match the NetBios nor the DNS format");
    }
    if (user.length === 0) invalid("runAsUserName's User cannot be empty");
    else if (user.length > MAX_USER) invalid(`runAsUserName's User length must not be longer than ${MAX_USER} characters`);
    if (/^[. ]+$/.test(user)) invalid("runAsUserName's User cannot contain only periods or spaces");
    if (/["/\\:;|=,+*?<>@[\]]/.test(user)) invalid('runAsUserName\'s User cannot contain the following characters: "/\\:;|=,+*?<>@[]');
  }
  return errors;
}

/**
 * Mirrors `ValidateSecurityContext` in pkg/apis/core/validation/validation.go (a container's).
 * `privileged` being disallowed by the cluster's `--allow-privileged` is a cluster setting, not a
 * property of the manifest, so it is not checked.
 */
export function validateContainerSecurityContext(context: JsonObject | undefined, hostUsers: boolean, path: FieldPath): FieldError[] {
  if (!context) return [];
  const errors = [...validateId(context.runAsUser, path.child('runAsUser')), ...validateId(context.runAsGroup, path.child('runAsGroup'))];
  const procMount = context.procMount;
  if (isSet(procMount)) {
    if (!PROC_MOUNT_TYPES.includes(String(procMount))) errors.push(path.child('procMount').notSupported(procMount, PROC_MOUNT_TYPES));
    // An unmasked /proc is only safe inside a user namespace.
    if (hostUsers && procMount === 'Unmasked') errors.push(path.child('procMount').invalid(procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errors.push(...validateSeccompProfile(objectAt(context.seccompProfile), path.child('seccompProfile')));
  if (context.allowPrivilegeEscalation === false) {
    if (context.privileged === true) {
      errors.push(path.invalid(context, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    }
    for (const capability of listAt(objectAt(context.capabilities)?.add)) {
      if (capability === 'CAP_SYS_ADMIN') {
        errors.push(path.invalid(context, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
      }
    }
  }
  errors.push(...validateWindowsOptions(objectAt(context.windowsOptions), path.child('windowsOptions')));
  errors.push(...validateAppArmorProfile(objectAt(context.appArmorProfile), path.child('appArmorProfile')));
  return errors;
}

/** The kernel namespace a sysctl lives in, as component-helpers `GetNamespace` classifies it. */
function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  // A name written with slashes (`net/ipv4/ip_forward`) is normalised to dots first.
  const firstSeparator = name.search(/[./]/);
  const normalized = firstSeparator >= 0 && name[firstSeparator] === '/'
    ? name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'))
    : name;
  if (normalized.startsWith('net.')) return 'net';
  if (['kernel.sem'].includes(normalized) || ['kernel.shm', 'kernel.msg', 'fs.mqueue.'].some((p) => normalized.startsWith(p))) return 'ipc';
  return undefined;
}

/**
 * Mirrors `validateSysctls` with `ValidateHostSysctl` in pkg/apis/core/validation/validation.go: a
 * namespaced sysctl would change the host's own network or IPC settings when the pod shares them.
 */
function validateSysctls(sysctls: unknown, spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  listAt(sysctls).forEach((raw, i) => {
    const name = stringAt(objectAt(raw)?.name) ?? '';
    const namePath = path.index(i).child('name');
    if (name.length === 0) {
      errors.push(namePath.required());
    } else if (name.length > SYSCTL_MAX || !SYSCTL_NAME.test(name)) {
      errors.push(namePath.invalid(name, `must have at most ${SYSCTL_MAX} characters and match regex ${SYSCTL_NAME.source}`));
    } else if (names.has(name)) {
      errors.push(namePath.duplicate(name));
    }
    const namespace = sysctlNamespace(name);
    if (spec.hostNetwork === true && namespace === 'net') errors.push(namePath.invalid(name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && namespace === 'ipc') errors.push(namePath.invalid(name, "may not be specified when 'hostIPC' is true"));
    names.add(name);
  });
  return errors;
}

/** The plain enum checks of validatePodSpecSecurityContext. */
function validateEnum(value: unknown, supported: readonly string[], path: FieldPath): FieldError[] {
  return isSet(value) && !supported.includes(String(value)) ? [path.notSupported(value, supported)] : [];
}

function shareProcessNamespaceError(path: FieldPath): FieldError {
  return path.child('shareProcessNamespace').invalid(true, 'ShareProcessNamespace and HostPID cannot both be enabled');
}

/**
 * Mirrors `validatePodSpecSecurityContext` in pkg/apis/core/validation/validation.go.
 * `shareProcessNamespace` sits on the pod spec in v1; the API server still names it under
 * `securityContext`, where its internal type keeps it.
 */
export function validatePodSecurityContext(spec: JsonObject, specPath: FieldPath): FieldError[] {
  const sharesHostPid = spec.shareProcessNamespace === true && spec.hostPID === true;
  const context = objectAt(spec.securityContext);
  // Every other rule reads the security context: a pod without one has nothing more to check.
  if (!context) return sharesHostPid ? [shareProcessNamespaceError(specPath.child('securityContext'))] : [];
  const path = specPath.child('securityContext');
  const errors = [
    ...validateId(context.fsGroup, path.child('fsGroup')),
    ...validateId(context.runAsUser, path.child('runAsUser')),
    ...validateId(context.runAsGroup, path.child('runAsGroup')),
    ...listAt(context.supplementalGroups).flatMap((gid, i) => validateId(gid, path.child('supplementalGroups').index(i))),
  ];
  if (sharesHostPid) errors.push(shareProcessNamespaceError(path));
  errors.push(...validateSysctls(context.sysctls, spec, path.child('sysctls')));
  errors.push(...validateEnum(context.fsGroupChangePolicy, FS_GROUP_CHANGE_POLICIES, path.child('fsGroupChangePolicy')));
  errors.push(...validateSeccompProfile(objectAt(context.seccompProfile), path.child('seccompProfile')));
  errors.push(...validateWindowsOptions(objectAt(context.windowsOptions), path.child('windowsOptions')));
  errors.push(...validateAppArmorProfile(objectAt(context.appArmorProfile), path.child('appArmorProfile')));
  errors.push(...validateEnum(context.supplementalGroupsPolicy, SUPPLEMENTAL_GROUPS_POLICIES, path.child('supplementalGroupsPolicy')));
  errors.push(...validateEnum(context.seLinuxChangePolicy, SELINUX_CHANGE_POLICIES, path.child('seLinuxChangePolicy')));
  return errors;
}

/**
 * Mirrors `validateHostUsers` in pkg/apis/core/validation/validation.go: a pod in its own user
 * namespace may not share the host's network, PID or IPC namespace. The `HostPID` and `HostIPC`
 * paths are capitalised upstream.
 */
export function validateHostUsers(spec: JsonObject, path: FieldPath): FieldError[] {
  if (spec.hostUsers !== false) return [];
  const errors: FieldError[] = [];
  const message = 'when `pod.Spec.HostUsers` is false';
  if (spec.hostNetwork === true) errors.push(path.child('hostNetwork').forbidden(message));
  if (spec.hostPID === true) errors.push(path.child('HostPID').forbidden(message));
  if (spec.hostIPC === true) errors.push(path.child('HostIPC').forbidden(message));
  return errors;
}
