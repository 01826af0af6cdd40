import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const C = `${TEMPLATE_SPEC}.containers[0].securityContext`;
const P = `${TEMPLATE_SPEC}.securityContext`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withContext = (context: Manifest): Mutator => (ds) => { container(ds).securityContext = context; };
const withPodContext = (context: Manifest, spec: Manifest = {}): Mutator => (ds) => {
  podSpec(ds).securityContext = context;
  Object.assign(podSpec(ds), spec);
};

describe('ValidateSecurityContext (a container\'s)', () => {
  it.each<[string, Manifest]>([
    ['a privileged node agent', { privileged: true, capabilities: { add: ['SYS_ADMIN', 'NET_ADMIN'] } }],
    ['a locked-down agent', { runAsUser: 65534, runAsGroup: 65534, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }],
    ['the RuntimeDefault seccomp profile', { seccompProfile: { type: 'RuntimeDefault' } }],
    ['a Localhost seccomp profile', { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/agent.json' } }],
    ['a Localhost AppArmor profile', { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-agent' } }],
    ['procMount Default', { procMount: 'Default' }],
  ])('accepts %s', (_, context) => {
    expectAccepted(validate(withContext(context)), C);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a negative runAsUser', { runAsUser: -1 },
      [{ field: `${C}.runAsUser`, type: 'Invalid', value: -1, message: 'must be between 0 and 4294967295, inclusive' }]],
    ['privileged without privilege escalation', { privileged: true, allowPrivilegeEscalation: false },
      [{ field: C, type: 'Invalid', message: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true' }]],
    ['CAP_SYS_ADMIN without privilege escalation', { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } },
      [{ field: C, type: 'Invalid', message: 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN' }]],
    ['an Unmasked /proc outside a user namespace', { procMount: 'Unmasked' },
      [{ field: `${C}.procMount`, type: 'Invalid', message: '`hostUsers` must be false to use `Unmasked`' }]],
    ['a seccomp profile without a type', { seccompProfile: {} },
      [{ field: `${C}.seccompProfile.type`, type: 'Required', message: 'type is required when seccompProfile is set' }]],
    ['a Localhost seccomp profile without a file', { seccompProfile: { type: 'Localhost' } },
      [{ field: `${C}.seccompProfile.localhostProfile`, type: 'Required', message: 'must be set when seccomp type is Localhost' }]],
    ['a seccomp file outside the seccomp root', { seccompProfile: { type: 'Localhost', localhostProfile: '../etc/x.json' } },
      [{ field: `${C}.seccompProfile.localhostProfile`, type: 'Invalid', message: "must not contain '..'" }]],
    ['a localhost profile on RuntimeDefault', { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } },
      [{ field: `${C}.seccompProfile.localhostProfile`, type: 'Invalid', message: 'can only be set when seccomp type is Localhost' }]],
    ['an unknown seccomp type', { seccompProfile: { type: 'runtime/default' } },
      [{ field: `${C}.seccompProfile.type`, type: 'NotSupported', message: 'supported values: "Localhost", "RuntimeDefault", "Unconfined"' }]],
    ['an AppArmor profile padded with spaces', { appArmorProfile: { type: 'Localhost', localhostProfile: ' k8s-agent' } },
      [{ field: `${C}.appArmorProfile.localhostProfile`, type: 'Invalid', message: 'must not be padded with whitespace' }]],
    ['an AppArmor profile without a type', { appArmorProfile: {} },
      [{ field: `${C}.appArmorProfile.type`, type: 'Required', message: 'type is required when appArmorProfile is set' }]],
  ])('rejects %s', (_, context, expected) => {
    expectOnly(withContext(context), ...expected);
  });
});

describe('validatePodSpecSecurityContext, validateSysctls and validateHostUsers', () => {
  it.each<[string, Mutator]>([
    ['fsGroup, supplementalGroups and a sysctl', withPodContext({ fsGroup: 2000, supplementalGroups: [1, 2], sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] })],
    ['a net sysctl written with slashes', withPodContext({ sysctls: [{ name: 'net/ipv4/ip_local_port_range', value: '1024 65535' }] })],
    ['a kernel sysctl with hostNetwork', withPodContext({ sysctls: [{ name: 'kernel.shm_rmid_forced', value: '1' }] }, { hostNetwork: true })],
    ['fsGroupChangePolicy OnRootMismatch', withPodContext({ fsGroupChangePolicy: 'OnRootMismatch' })],
    ['a pod in its own user namespace', (ds) => { podSpec(ds).hostUsers = false; }],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate), TEMPLATE_SPEC);
  });

  it.each<[string, Mutator, Array<Partial<FieldError>>]>([
    ['a negative fsGroup', withPodContext({ fsGroup: -1 }), [{ field: `${P}.fsGroup`, type: 'Invalid', message: 'must be between 0 and 4294967295, inclusive' }]],
    ['a supplemental group out of range', withPodContext({ supplementalGroups: [1, 4294967296] }),
      [{ field: `${P}.supplementalGroups[1]`, type: 'Invalid' }]],
    ['a shared process namespace with the host PID namespace', withPodContext({}, { hostPID: true, shareProcessNamespace: true }),
      [{ field: `${P}.shareProcessNamespace`, type: 'Invalid', value: true, message: 'ShareProcessNamespace and HostPID cannot both be enabled' }]],
    ['a net sysctl with hostNetwork', withPodContext({ sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] }, { hostNetwork: true }),
      [{ field: `${P}.sysctls[0].name`, type: 'Invalid', message: "may not be specified when 'hostNetwork' is true" }]],
    ['an IPC sysctl with hostIPC', withPodContext({ sysctls: [{ name: 'kernel.msgmax', value: '1' }] }, { hostIPC: true }),
      [{ field: `${P}.sysctls[0].name`, type: 'Invalid', message: "may not be specified when 'hostIPC' is true" }]],
    ['a sysctl set twice', withPodContext({ sysctls: [{ name: 'kernel.sem', value: '1' }, { name: 'kernel.sem', value: '2' }] }),
      [{ field: `${P}.sysctls[1].name`, type: 'Duplicate', value: 'kernel.sem' }]],
    ['a sysctl name with capitals', withPodContext({ sysctls: [{ name: 'Net.core', value: '1' }] }), [{
      field: `${P}.sysctls[0].name`,
      type: 'Invalid',
      message: 'must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$',
    }]],
    ['an unknown fsGroupChangePolicy', withPodContext({ fsGroupChangePolicy: 'Never' }),
      [{ field: `${P}.fsGroupChangePolicy`, type: 'NotSupported', message: 'supported values: "Always", "OnRootMismatch"' }]],
    ['hostNetwork, hostPID and hostIPC in a user namespace', (ds) => { Object.assign(podSpec(ds), { hostUsers: false, hostNetwork: true, hostPID: true, hostIPC: true }); }, [
      { field: `${TEMPLATE_SPEC}.hostNetwork`, type: 'Forbidden', message: 'when `pod.Spec.HostUsers` is false' },
      { field: `${TEMPLATE_SPEC}.HostPID`, type: 'Forbidden', message: 'when `pod.Spec.HostUsers` is false' },
      { field: `${TEMPLATE_SPEC}.HostIPC`, type: 'Forbidden', message: 'when `pod.Spec.HostUsers` is false' },
    ]],
  ])('rejects %s', (_, mutate, expected) => {
    expectOnly(mutate, ...expected);
  });
});

describe('validateWindowsSecurityContextOptions', () => {
  it('accepts a DOMAIN\\user name and a GMSA spec name', () => {
    expectAccepted(validate(withContext({ windowsOptions: { runAsUserName: 'NT AUTHORITY\\SYSTEM', gmsaCredentialSpecName: 'gmsa-webapp' } })), C);
  });

  it.each<[string, string]>([
    ['two backslashes', 'a\\b\\c'],
    ['an empty name', ''],
  ])('rejects runAsUserName with %s', (_, runAsUserName) => {
    expectOnly(withContext({ windowsOptions: { runAsUserName } }), { field: `${C}.windowsOptions.runAsUserName`, type: 'Invalid' });
  });
});
