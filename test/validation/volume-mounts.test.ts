import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const MOUNTS = `${TEMPLATE_SPEC}.containers[0].volumeMounts`;
const DEVICES = `${TEMPLATE_SPEC}.containers[0].volumeDevices`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

/** The minimal DaemonSet with volumes `logs` (hostPath), `data` (a claim) and the given mounts. */
const withMounts = (...mounts: Manifest[]): Mutator => (ds) => {
  podSpec(ds).volumes = [
    { name: 'logs', hostPath: { path: '/var/log' } },
    { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
  ];
  container(ds).volumeMounts = mounts;
};

describe('ValidateVolumeMounts: mountPath must be unique in a container', () => {
  it('accepts one volume mounted twice at different paths', () => {
    expectAccepted(validate(withMounts({ name: 'logs', mountPath: '/var/log' }, { name: 'logs', mountPath: '/host/log', readOnly: true })), MOUNTS);
  });

  it('accepts the same mountPath in two containers', () => {
    expectAccepted(validate((ds) => {
      withMounts({ name: 'logs', mountPath: '/var/log' })(ds);
      podSpec(ds).containers.push({ name: 'b', image: 'busybox', volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] });
    }), TEMPLATE_SPEC);
  });

  it('rejects two mounts at one path with the API server\'s words', () => {
    const errors = validate(withMounts({ name: 'logs', mountPath: '/var/log' }, { name: 'data', mountPath: '/var/log' }));
    expect(errors).toEqual([{ field: `${MOUNTS}[1].mountPath`, type: 'Invalid', message: 'must be unique', value: '/var/log' }]);
  });
});

describe('ValidateVolumeMounts: subPath and subPathExpr (validateLocalDescendingPath)', () => {
  it.each<[string, Manifest]>([
    ['a relative subPath', { name: 'logs', mountPath: '/etc/app.conf', subPath: 'app/app.conf' }],
    ['a subPathExpr', { name: 'logs', mountPath: '/log', subPathExpr: '$(POD_NAME)' }],
    ['a subPath with dots inside a name', { name: 'logs', mountPath: '/log', subPath: 'a..b/c' }],
  ])('accepts %s', (_, mount) => {
    expectAccepted(validate(withMounts(mount)), MOUNTS);
  });

  // Upstream names `volumeMounts.subPath`, without the mount's index.
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['an absolute subPath', { name: 'logs', mountPath: '/log', subPath: '/etc' },
      [{ field: `${MOUNTS}.subPath`, type: 'Invalid', message: 'must be a relative path', value: '/etc' }]],
    ['a subPath that climbs out', { name: 'logs', mountPath: '/log', subPath: '../etc' },
      [{ field: `${MOUNTS}.subPath`, type: 'Invalid', message: "must not contain '..'" }]],
    ['an absolute subPathExpr that climbs out', { name: 'logs', mountPath: '/log', subPathExpr: '/a/../b' },
      [{ field: `${MOUNTS}.subPathExpr`, type: 'Invalid', message: 'must be a relative path' }, { field: `${MOUNTS}.subPathExpr`, type: 'Invalid', message: "must not contain '..'" }]],
    ['both subPath and subPathExpr', { name: 'logs', mountPath: '/log', subPath: 'a', subPathExpr: '$(X)' },
      [{ field: `${MOUNTS}[0].subPathExpr`, type: 'Invalid', message: 'subPathExpr and subPath are mutually exclusive' }]],
  ])('rejects %s', (_, mount, expected) => {
    expectOnly(withMounts(mount), ...expected);
  });
});

describe('ValidateVolumeMounts: mountPropagation (validateMountPropagation) and recursiveReadOnly (validateMountRecursiveReadOnly)', () => {
  it.each<[string, Mutator]>([
    ['HostToContainer', withMounts({ name: 'logs', mountPath: '/log', mountPropagation: 'HostToContainer' })],
    ['Bidirectional in a privileged container (a CSI node plugin)', (ds) => {
      withMounts({ name: 'logs', mountPath: '/log', mountPropagation: 'Bidirectional' })(ds);
      container(ds).securityContext = { privileged: true };
    }],
    ['recursiveReadOnly Enabled on a read-only mount', withMounts({ name: 'logs', mountPath: '/log', readOnly: true, recursiveReadOnly: 'Enabled' })],
    ['recursiveReadOnly Disabled on a writable mount', withMounts({ name: 'logs', mountPath: '/log', recursiveReadOnly: 'Disabled' })],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate), MOUNTS);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['Bidirectional in an unprivileged container', { name: 'logs', mountPath: '/log', mountPropagation: 'Bidirectional' },
      [{ field: `${MOUNTS}.mountPropagation`, type: 'Forbidden', message: 'Bidirectional mount propagation is available only to privileged containers' }]],
    ['an unknown propagation', { name: 'logs', mountPath: '/log', mountPropagation: 'Shared' },
      [{ field: `${MOUNTS}.mountPropagation`, type: 'NotSupported', message: 'supported values: "Bidirectional", "HostToContainer", "None"' }]],
    ['recursiveReadOnly on a writable mount', { name: 'logs', mountPath: '/log', recursiveReadOnly: 'IfPossible' },
      [{ field: `${MOUNTS}.recursiveReadOnly`, type: 'Forbidden', message: 'may only be specified when readOnly is true' }]],
    ['recursiveReadOnly with propagation', { name: 'logs', mountPath: '/log', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'HostToContainer' },
      [{ field: `${MOUNTS}.recursiveReadOnly`, type: 'Forbidden', message: 'may only be specified when mountPropagation is None or not specified' }]],
    ['an unknown recursiveReadOnly', { name: 'logs', mountPath: '/log', readOnly: true, recursiveReadOnly: 'Always' },
      [{ field: `${MOUNTS}.recursiveReadOnly`, type: 'NotSupported', message: 'supported values: "Disabled", "Enabled", "IfPossible"' }]],
  ])('rejects %s', (_, mount, expected) => {
    expectOnly(withMounts(mount), ...expected);
  });
});

describe('ValidateVolumeMounts: a mount names a volume that validated', () => {
  it('reports both Required and NotFound for a mount without a name, as upstream', () => {
    expectOnly(withMounts({ mountPath: '/log' }),
      { field: `${MOUNTS}[0].name`, type: 'Required' },
      { field: `${MOUNTS}[0].name`, type: 'NotFound', value: '' });
  });

  it('reports a mount of an invalid volume as not found too', () => {
    expectOnly((ds) => {
      podSpec(ds).volumes = [{ name: 'logs', hostPath: { path: '' } }];
      container(ds).volumeMounts = [{ name: 'logs', mountPath: '/log' }];
    },
    { field: `${TEMPLATE_SPEC}.volumes[0].hostPath.path`, type: 'Required' },
    { field: `${MOUNTS}[0].name`, type: 'NotFound', value: 'logs' });
  });
});

describe('ValidateVolumeDevices: raw block devices', () => {
  const withDevices = (...devices: Manifest[]): Mutator => (ds) => {
    withMounts()(ds);
    container(ds).volumeDevices = devices;
  };

  it('accepts a claim as a block device', () => {
    expectAccepted(validate(withDevices({ name: 'data', devicePath: '/dev/xvda' })), DEVICES);
  });

  it.each<[string, Mutator, Array<Partial<FieldError>>]>([
    ['a hostPath volume as a device', withDevices({ name: 'logs', devicePath: '/dev/xvda' }),
      [{ field: `${DEVICES}[0].name`, type: 'Invalid', message: 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode' }]],
    ['an undeclared volume', withDevices({ name: 'disk', devicePath: '/dev/xvda' }),
      [{ field: `${DEVICES}[0].name`, type: 'NotFound', value: 'disk' }]],
    ['a device path with a backstep', withDevices({ name: 'data', devicePath: '/dev/../xvda' }),
      [{ field: `${DEVICES}[0].devicePath`, type: 'Invalid', message: "can not contain backsteps ('..')" }]],
    ['the same device path twice', withDevices({ name: 'data', devicePath: '/dev/xvda' }, { name: 'data', devicePath: '/dev/xvda' }),
      [{ field: `${DEVICES}[1].name`, type: 'Invalid', message: 'must be unique' }, { field: `${DEVICES}[1].devicePath`, type: 'Invalid', message: 'must be unique' }]],
    ['a volume both mounted and a device', (ds) => {
      withDevices({ name: 'data', devicePath: '/dev/xvda' })(ds);
      container(ds).volumeMounts = [{ name: 'data', mountPath: '/data' }];
    }, [
      { field: `${MOUNTS}[0].name`, type: 'Invalid', message: 'must not already exist in volumeDevices' },
      { field: `${DEVICES}[0].name`, type: 'Invalid', message: 'must not already exist in volumeMounts' },
    ]],
  ])('rejects %s', (_, mutate, expected) => {
    expectOnly(mutate, ...expected);
  });
});
