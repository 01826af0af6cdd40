import { expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const V = `${TEMPLATE_SPEC}.volumes[0]`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withVolume = (volume: Manifest): Mutator => (ds) => { podSpec(ds).volumes = [{ name: 'v', ...volume }]; };

describe('validateVolumeSource: exactly one source per volume', () => {
  it.each<[string, Manifest]>([
    ['no source (defaulted to emptyDir)', {}],
    ['hostPath with a type', { hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }],
    ['hostPath with an empty type', { hostPath: { path: '/sys', type: '' } }],
    ['emptyDir in memory with a size limit', { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }],
    ['a ConfigMap with items and modes', { configMap: { name: 'agent', defaultMode: 0o644, items: [{ key: 'a.conf', path: 'conf/a.conf', mode: 0o400 }] } }],
    ['a Secret', { secret: { secretName: 'agent-tls', optional: true } }],
    ['a CSI inline volume', { csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'x' } } }],
    ['a projected token, ConfigMap and downward API', {
      projected: {
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3600, audience: 'vault' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    }],
    ['a downwardAPI volume of labels and a cpu limit', {
      downwardAPI: {
        items: [
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'cpu', resourceFieldRef: { containerName: 'agent', resource: 'limits.cpu', divisor: '1m' } },
        ],
      },
    }],
    ['an ephemeral claim', { ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }],
    ['an NFS share', { nfs: { server: 'nfs.example.com', path: '/exports' } }],
  ])('accepts %s', (_, volume) => {
    expectAccepted(validate(withVolume(volume)), `${TEMPLATE_SPEC}.volumes`);
  });

  it('rejects a second source on the volume, naming the second', () => {
    expectOnly(withVolume({ hostPath: { path: '/var/log' }, emptyDir: {} }),
      { field: `${V}.hostPath`, type: 'Forbidden', message: 'may not specify more than 1 volume type' });
  });

  it('names a second downwardAPI source as upstream spells it (downwarAPI)', () => {
    expectOnly(withVolume({ secret: { secretName: 'a' }, downwardAPI: {} }),
      { field: `${V}.downwarAPI`, type: 'Forbidden', message: 'may not specify more than 1 volume type' });
  });
});

describe('validateHostPathVolumeSource', () => {
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a missing path', { hostPath: {} }, [{ field: `${V}.hostPath.path`, type: 'Required' }]],
    ['a path with ..', { hostPath: { path: '/var/../etc' } }, [{ field: `${V}.hostPath.path`, type: 'Invalid', message: "must not contain '..'" }]],
    ['an unknown type', { hostPath: { path: '/sys', type: 'Dir' } }, [{
      field: `${V}.hostPath.type`,
      type: 'NotSupported',
      value: 'Dir',
      message: 'supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
    }]],
  ])('rejects %s', (_, volume, expected) => {
    expectOnly(withVolume(volume), ...expected);
  });
});

describe('the other sources of validateVolumeSource', () => {
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a negative emptyDir size limit', { emptyDir: { sizeLimit: '-1Gi' } },
      [{ field: `${V}.emptyDir.sizeLimit`, type: 'Forbidden', message: 'SizeLimit field must be a valid resource quantity' }]],
    ['a ConfigMap without a name', { configMap: {} }, [{ field: `${V}.configMap.name`, type: 'Required' }]],
    ['a Secret without a secretName', { secret: { defaultMode: 0o1777 } }, [
      { field: `${V}.secret.secretName`, type: 'Required' },
      { field: `${V}.secret.defaultMode`, type: 'Invalid', value: 0o1777, message: 'must be a number between 0 and 0777 (octal), both inclusive' },
    ]],
    ['an item path that is absolute', { configMap: { name: 'a', items: [{ key: 'k', path: '/etc/k' }] } },
      [{ field: `${V}.configMap.items[0].path`, type: 'Invalid', message: 'must be a relative path' }]],
    ['an item path starting with ..', { secret: { secretName: 's', items: [{ key: 'k', path: '..data' }] } },
      [{ field: `${V}.secret.items[0].path`, type: 'Invalid', message: "must not start with '..'" }]],
    ['an item without a key', { configMap: { name: 'a', items: [{ path: 'k' }] } }, [{ field: `${V}.configMap.items[0].key`, type: 'Required' }]],
    ['a CSI volume without a driver', { csi: {} }, [
      { field: `${V}.csi.driver`, type: 'Required' },
      { field: `${V}.csi.driver`, type: 'Invalid', value: '' },
    ]],
    ['a persistentVolumeClaim without a claimName', { persistentVolumeClaim: {} }, [{ field: `${V}.persistentVolumeClaim.claimName`, type: 'Required' }]],
    ['an NFS path that is relative', { nfs: { server: 'nfs', path: 'exports' } }, [{ field: `${V}.nfs.path`, type: 'Invalid', message: 'must be an absolute path' }]],
    ['a downwardAPI file with no source (named on the volume)', { downwardAPI: { items: [{ path: 'x' }] } },
      [{ field: `${V}.downwardAPI`, type: 'Required', message: 'one of fieldRef and resourceFieldRef is required' }]],
    ['a downwardAPI file of a field env-only', { downwardAPI: { items: [{ path: 'node', fieldRef: { fieldPath: 'spec.nodeName' } }] } }, [{
      field: `${V}.downwardAPI.fieldRef.fieldPath`,
      type: 'NotSupported',
      message: 'supported values: "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"',
    }]],
    ['a downwardAPI resource without a container', { downwardAPI: { items: [{ path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } }] } },
      [{ field: `${V}.downwardAPI.resourceFieldRef.containerName`, type: 'Required' }]],
    ['an ephemeral volume without a template', { ephemeral: {} }, [{ field: `${V}.ephemeral.volumeClaimTemplate`, type: 'Required' }]],
    ['an ephemeral claim without access modes or storage', { ephemeral: { volumeClaimTemplate: { spec: {} } } }, [
      { field: `${V}.ephemeral.volumeClaimTemplate.spec.accessModes`, type: 'Required', message: 'at least 1 access mode is required' },
      { field: `${V}.ephemeral.volumeClaimTemplate.spec.resources[storage]`, type: 'Required' },
    ]],
  ])('rejects %s', (_, volume, expected) => {
    expectOnly(withVolume(volume), ...expected);
  });
});

describe('the in-tree sources a node agent rarely uses, each with its own rule', () => {
  it.each<[string, Manifest]>([
    ['gitRepo', { gitRepo: { repository: 'https://example.com/r.git', directory: '.' } }],
    ['gcePersistentDisk', { gcePersistentDisk: { pdName: 'disk', partition: 1 } }],
    ['iscsi', { iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 } }],
    ['fc', { fc: { targetWWNs: ['500a0982991b8dc5'], lun: 2 } }],
    ['azureDisk', { azureDisk: { diskName: 'd', diskURI: '/subscriptions/x/disks/d', kind: 'Managed' } }],
    ['flexVolume', { flexVolume: { driver: 'example.com/lvm', options: { size: '1G' } } }],
    ['quobyte', { quobyte: { registry: 'registry:7861', volume: 'v' } }],
  ])('accepts %s', (_, volume) => {
    expectAccepted(validate(withVolume(volume)), `${TEMPLATE_SPEC}.volumes`);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['gitRepo without a repository, into an absolute directory', { gitRepo: { directory: '/x' } }, [
      { field: `${V}.gitRepo.repository`, type: 'Required' },
      { field: `${V}.gitRepo.directory`, type: 'Invalid', message: 'must be a relative path' },
    ]],
    ['gcePersistentDisk (validated as persistentDisk) with partition 256', { gcePersistentDisk: { pdName: 'd', partition: 256 } },
      [{ field: `${V}.persistentDisk.partition`, type: 'Invalid', message: 'must be between 1 and 255, inclusive' }]],
    ['awsElasticBlockStore without a volumeID', { awsElasticBlockStore: {} }, [{ field: `${V}.awsElasticBlockStore.volumeID`, type: 'Required' }]],
    ['iscsi with a malformed IQN', { iscsi: { targetPortal: 'p', iqn: 'iqn.2001.example', lun: 0 } },
      [{ field: `${V}.iscsi.iqn`, type: 'Invalid', message: 'must be valid format' }]],
    ['iscsi with CHAP auth and no secret', { iscsi: { targetPortal: 'p', iqn: 'eui.0123456789ABCDEF', chapAuthSession: true } },
      [{ field: `${V}.iscsi.secretRef`, type: 'Required' }]],
    ['glusterfs without endpoints', { glusterfs: { path: 'vol' } }, [{ field: `${V}.glusterfs.endpoints`, type: 'Required' }]],
    ['flocker with both name and UUID', { flocker: { datasetName: 'a', datasetUUID: 'b' } },
      [{ field: `${V}.flocker`, type: 'Invalid', message: 'datasetName and datasetUUID can not be specified simultaneously' }]],
    ['rbd without monitors', { rbd: { image: 'i' } }, [{ field: `${V}.rbd.monitors`, type: 'Required' }]],
    ['cinder with a nameless secretRef', { cinder: { volumeID: 'v', secretRef: {} } }, [{ field: `${V}.cinder.secretRef.name`, type: 'Required' }]],
    ['cephfs without monitors', { cephfs: {} }, [{ field: `${V}.cephfs.monitors`, type: 'Required' }]],
    ['quobyte with a registry without a port', { quobyte: { registry: 'registry', volume: 'v' } },
      [{ field: `${V}.quobyte.registry`, type: 'Invalid', message: 'must be a host:port pair or multiple pairs separated by commas' }]],
    ['fc with targetWWNs and no lun', { fc: { targetWWNs: ['500a0982991b8dc5'] } },
      [{ field: `${V}.fc.lun`, type: 'Required', message: 'lun is required if targetWWNs is specified' }]],
    ['flexVolume with a reserved option', { flexVolume: { driver: 'd', options: { 'kubernetes.io/secret': 'x' } } },
      [{ field: `${V}.flexVolume.options[kubernetes.io/secret]`, type: 'Invalid', message: 'kubernetes.io and k8s.io namespaces are reserved' }]],
    ['azureFile without a share', { azureFile: { secretName: 's' } }, [{ field: `${V}.azureFile.shareName`, type: 'Required' }]],
    ['azureDisk with an unknown caching mode', { azureDisk: { diskName: 'd', diskURI: 'https://a/b.vhd', cachingMode: 'Always' } },
      [{ field: `${V}.azureDisk.cachingMode`, type: 'NotSupported', message: 'supported values: "None", "ReadOnly", "ReadWrite"' }]],
    ['vsphereVolume without a path', { vsphereVolume: {} }, [{ field: `${V}.vsphereVolume.volumePath`, type: 'Required' }]],
    ['photonPersistentDisk without an ID', { photonPersistentDisk: {} }, [{ field: `${V}.photonPersistentDisk.pdID`, type: 'Required' }]],
    ['portworxVolume without an ID', { portworxVolume: {} }, [{ field: `${V}.portworxVolume.volumeID`, type: 'Required' }]],
    ['storageos with a dotted volume name', { storageos: { volumeName: 'a.b' } }, [{ field: `${V}.storageos.volumeName`, type: 'Invalid' }]],
    ['scaleIO without a gateway', { scaleIO: { system: 's', volumeName: 'v', secretRef: { name: 's' } } }, [{ field: `${V}.scaleIO.gateway`, type: 'Required' }]],
    ['an image volume with an unknown pull policy', { image: { reference: 'registry/artifact:1', pullPolicy: 'Sometimes' } },
      [{ field: `${V}.image.pullPolicy`, type: 'NotSupported', message: 'supported values: "Always", "IfNotPresent", "Never"' }]],
  ])('rejects %s', (_, volume, expected) => {
    expectOnly(withVolume(volume), ...expected);
  });

  it('rejects subPath into an image volume', () => {
    expectOnly((ds) => {
      podSpec(ds).volumes = [{ name: 'v', image: { reference: 'registry/artifact:1' } }];
      ds.spec.template.spec.containers[0].volumeMounts = [{ name: 'v', mountPath: '/a', subPath: 'x' }];
    }, { field: `${TEMPLATE_SPEC}.containers[0].volumeMounts[0].subPath`, type: 'Invalid', message: 'not allowed in image volume sources' });
  });
});

describe('validateProjectionSources: one kind per source, one file per path', () => {
  const P = `${V}.projected`;
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['two kinds in one source', { sources: [{ configMap: { name: 'a' }, secret: { name: 'b' } }] },
      [{ field: `${P}.sources[0]`, type: 'Forbidden', message: 'may not specify more than 1 volume type per source' }]],
    ['two files at one path', {
      sources: [
        { configMap: { name: 'a', items: [{ key: 'k', path: 'ca.crt' }] } },
        { secret: { name: 'b', items: [{ key: 'k', path: 'ca.crt' }] } },
      ],
    }, [{ field: P, type: 'Invalid', value: 'b', message: 'conflicting duplicate paths' }]],
    ['a token that expires in under 10 minutes', { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 300 } }] },
      [{ field: `${P}.sources[0].serviceAccountToken.expirationSeconds`, type: 'Invalid', message: 'may not specify a duration less than 10 minutes' }]],
    ['a token without a path (named on the volume)', { sources: [{ serviceAccountToken: {} }] }, [{ field: `${P}.path`, type: 'Required' }]],
    ['a secret source without a name', { sources: [{ secret: {} }] }, [{ field: `${P}.sources[0].secret.name`, type: 'Required' }]],
  ])('rejects %s', (_, projected, expected) => {
    expectOnly(withVolume({ projected }), ...expected);
  });
});

describe('ValidateVolumes: a volume with an error is not registered', () => {
  it('reports a duplicate only when the first volume was valid', () => {
    expectOnly((ds) => {
      podSpec(ds).volumes = [{ name: 'v', hostPath: {} }, { name: 'v', emptyDir: {} }];
    }, { field: `${V}.hostPath.path`, type: 'Required' });
  });
});
