import { Pod } from 'kubernetes-models/v1/Pod';
import { PriorityClass } from '../../src/daemon';
import { HostPathType } from '../../src/daemon/host-paths';
import { JsonObject } from '../../src/json/shape';
import { mirrorPodName, StaticPodProps, staticPodFiles, staticPodManifest } from '../../src/static-pods';
import { isStaticPodObject } from '../../src/static-pods/static-pod-marker';
import { propsErrorOf } from '../daemon/props-error-of';

const OWNER = 'StaticPod cluster/etcd';

const etcd: StaticPodProps = {
  nodes: ['cp-1', 'cp-2'],
  image: 'registry.k8s.io/etcd:3.5.15-0',
  command: ['etcd', '--data-dir=/var/lib/etcd'],
  hostNetwork: true,
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
  hostPaths: {
    '/var/lib/etcd': { mountPath: '/var/lib/etcd', type: HostPathType.DIRECTORY_OR_CREATE },
    '/etc/kubernetes/pki/etcd': { mountPath: '/etc/kubernetes/pki/etcd', readOnly: true },
  },
};

describe('staticPodManifest', () => {
  test('GIVEN etcd props WHEN built THEN it is a valid v1 Pod in kube-system with a hostPath per mount', () => {
    const manifest = staticPodManifest(OWNER, 'etcd', etcd);
    expect(() => new Pod(manifest).validate()).not.toThrow();
    expect(manifest.metadata).toEqual({ name: 'etcd', namespace: 'kube-system', annotations: { 'everynode.io/static-pod': 'true' } });
    expect(manifest.spec).toEqual({
      containers: [
        {
          name: 'etcd',
          image: 'registry.k8s.io/etcd:3.5.15-0',
          command: ['etcd', '--data-dir=/var/lib/etcd'],
          volumeMounts: [
            { name: 'host-var-lib-etcd', mountPath: '/var/lib/etcd' },
            { name: 'host-etc-kubernetes-pki-etcd', mountPath: '/etc/kubernetes/pki/etcd', readOnly: true },
          ],
        },
      ],
      volumes: [
        { name: 'host-var-lib-etcd', hostPath: { path: '/var/lib/etcd', type: 'DirectoryOrCreate' } },
        { name: 'host-etc-kubernetes-pki-etcd', hostPath: { path: '/etc/kubernetes/pki/etcd' } },
      ],
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
    });
  });

  test('the name and namespace props win; env comes before envVars; downward-API env is fine', () => {
    const manifest = staticPodManifest(OWNER, 'ignored', {
      nodes: ['cp-1'],
      image: 'example.com/agent:1',
      name: 'bootstrap-agent',
      namespace: 'bootstrap',
      env: { LOG_LEVEL: 'info' },
      envVars: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
    });
    expect(() => new Pod(manifest).validate()).not.toThrow();
    expect(manifest.metadata).toEqual({ name: 'bootstrap-agent', namespace: 'bootstrap', annotations: { 'everynode.io/static-pod': 'true' } });
    expect(manifest.spec!.containers[0].env!.map((e) => e.name)).toEqual(['LOG_LEVEL', 'NODE_NAME']);
  });
});

describe('staticPodFiles', () => {
  test('one file per node, at <node>/<name>.yaml, for the kubelet\'s staticPodPath', () => {
    const files = staticPodFiles(OWNER, 'etcd', etcd);
    expect(files.map(({ node, path, nodePath, mirrorPodName: mirror }) => ({ node, path, nodePath, mirror }))).toEqual([
      { node: 'cp-1', path: 'cp-1/etcd.yaml', nodePath: '/etc/kubernetes/manifests/etcd.yaml', mirror: 'etcd-cp-1' },
      { node: 'cp-2', path: 'cp-2/etcd.yaml', nodePath: '/etc/kubernetes/manifests/etcd.yaml', mirror: 'etcd-cp-2' },
    ]);
    const manifest = staticPodManifest(OWNER, 'etcd', etcd);
    expect(files.map((file) => file.manifest)).toEqual([
      { ...manifest, spec: { ...manifest.spec, nodeName: 'cp-1' } },
      { ...manifest, spec: { ...manifest.spec, nodeName: 'cp-2' } },
    ]);
  });

  // Upstream: the kubelet's applyDefaults (pkg/kubelet/config/common.go) sets spec.nodeName to its
  // own node whatever the file says, so the field is true on the node and tells `everynode place`
  // which node the file is for.
  test('each file names its node in spec.nodeName and is marked as a static pod', () => {
    const files = staticPodFiles(OWNER, 'etcd', etcd);
    expect(files.map((file) => file.manifest.spec!.nodeName)).toEqual(['cp-1', 'cp-2']);
    for (const file of files) {
      expect(isStaticPodObject(file.manifest as unknown as JsonObject)).toBe(true);
      expect(() => new Pod(file.manifest).validate()).not.toThrow();
    }
  });

  test('annotations of the props are kept beside the marker', () => {
    const [file] = staticPodFiles(OWNER, 'etcd', { ...etcd, annotations: { 'example.com/owner': 'platform' } });
    expect(file.manifest.metadata!.annotations).toEqual({ 'example.com/owner': 'platform', 'everynode.io/static-pod': 'true' });
  });

  test('a staticPodPath of the kubelet\'s own', () => {
    const [file] = staticPodFiles(OWNER, 'etcd', { ...etcd, nodes: ['cp-1'], staticPodPath: '/var/lib/kubelet/static/' });
    expect(file.nodePath).toBe('/var/lib/kubelet/static/etcd.yaml');
  });
});

describe('mirrorPodName', () => {
  // Upstream: generatePodName in pkg/kubelet/config/common.go (the kubelet's applyDefaults).
  test('is <name>-<node>', () => {
    expect(mirrorPodName('kube-apiserver', 'cp-1.example.com')).toBe('kube-apiserver-cp-1.example.com');
  });
});

describe('bad props', () => {
  test('nodes is required and non-empty', () => {
    const error = propsErrorOf(() => staticPodManifest(OWNER, 'etcd', { ...etcd, nodes: [] }));
    expect(error.owner).toBe(OWNER);
    expect(error.problems.map((p) => p.field)).toEqual(['nodes']);
    expect(error.message).toMatch(/^StaticPod cluster\/etcd: nodes: must name at least one node/);
  });

  test('every bad node name, duplicate and too long mirror pod name, at the index the user wrote', () => {
    const long = 'n'.repeat(250);
    const error = propsErrorOf(() => staticPodManifest(OWNER, 'etcd', { ...etcd, nodes: ['cp-1', 'CP_2', 'cp-1', long] }));
    expect(error.problems.map((p) => p.field)).toEqual(['nodes[1]', 'nodes[2]', 'nodes[3]']);
    expect(error.problems[2].message).toContain('mirror pod name');
  });

  test('image, name and staticPodPath in one error', () => {
    const error = propsErrorOf(() => staticPodManifest(OWNER, 'Etcd', { ...etcd, image: ' ', staticPodPath: 'manifests' }));
    expect(error.problems.map((p) => p.field)).toEqual(['image', 'name', 'staticPodPath']);
  });

  test('pod validation runs on the built spec, and names the prop', () => {
    const error = propsErrorOf(() =>
      staticPodManifest(OWNER, 'etcd', { ...etcd, resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }),
    );
    expect(error.problems).toEqual([
      expect.objectContaining({ field: 'resources.requests', path: 'spec.containers[0].resources.requests' }),
    ]);
  });
});
