import { StaticPodProps, staticPodManifest } from '../../src/static-pods';
import { mirrorPodErrors } from '../../src/static-pods/mirror-pod-rules';
import { propsErrorOf } from '../daemon/props-error-of';

/*
 * What the API server refuses in a mirror pod, one case per reference:
 * - serviceaccount admission, `Plugin.Validate` (plugin/pkg/admission/serviceaccount/admission.go):
 *   "a mirror pod may not reference service accounts" / "... secrets" (every reference
 *   `podutil.VisitPodSecretNames` visits) / "... use ServiceAccountToken volume projections";
 * - noderestriction admission, `admitPodCreate` (plugin/pkg/admission/noderestriction/admission.go):
 *   configmaps (`podutil.VisitPodConfigmapNames`), clustertrustbundles, persistentvolumeclaims;
 * - `ValidatePodCreate` (pkg/apis/core/validation/validation.go): ephemeralContainers "cannot be set on create".
 */

const container = (extra: object = {}) => ({ name: 'agent', image: 'example.com/agent:1', ...extra });
const secretEnv = { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'token' } } };
const configMapEnv = { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'settings', key: 'level' } } };

describe('mirrorPodErrors: Noncompliance', () => {
  test.each<[string, object, string, RegExp]>([
    ['a ServiceAccount', { serviceAccountName: 'agent' }, 'spec.serviceAccountName', /may not reference service accounts/],
    ['the deprecated serviceAccount alias', { serviceAccount: 'agent' }, 'spec.serviceAccount', /may not reference service accounts/],
    ['an image pull Secret', { imagePullSecrets: [{ name: 'registry' }] }, 'spec.imagePullSecrets[0]', /may not reference secrets/],
    ['a Secret volume', { volumes: [{ name: 'tls', secret: { secretName: 'tls' } }] }, 'spec.volumes[0].secret', /may not reference secrets/],
    ['a ConfigMap volume', { volumes: [{ name: 'cfg', configMap: { name: 'settings' } }] }, 'spec.volumes[0].configMap', /may not reference configmaps/],
    [
      'a projected Secret',
      { volumes: [{ name: 'p', projected: { sources: [{ downwardAPI: { items: [] } }, { secret: { name: 'tls' } }] } }] },
      'spec.volumes[0].projected.sources[1].secret',
      /may not reference secrets/,
    ],
    [
      'a projected ConfigMap',
      { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'settings' } }] } }] },
      'spec.volumes[0].projected.sources[0].configMap',
      /may not reference configmaps/,
    ],
    [
      'a projected ServiceAccount token',
      { volumes: [{ name: 'p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] },
      'spec.volumes[0].projected.sources[0].serviceAccountToken',
      /ServiceAccountToken volume projections/,
    ],
    [
      'a projected ClusterTrustBundle',
      { volumes: [{ name: 'p', projected: { sources: [{ clusterTrustBundle: { name: 'ca', path: 'ca.crt' } }] } }] },
      'spec.volumes[0].projected.sources[0].clusterTrustBundle',
      /clustertrustbundles/,
    ],
    [
      'a CSI node-publish Secret',
      { volumes: [{ name: 'c', csi: { driver: 'x.example.com', nodePublishSecretRef: { name: 'creds' } } }] },
      'spec.volumes[0].csi.nodePublishSecretRef',
      /may not reference secrets/,
    ],
    [
      'a PersistentVolumeClaim',
      { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
      'spec.volumes[0].persistentVolumeClaim',
      /persistentvolumeclaims/,
    ],
    [
      'env valueFrom secretKeyRef',
      { containers: [container({ env: [{ name: 'A', value: 'a' }, secretEnv] })] },
      'spec.containers[0].env[1].valueFrom.secretKeyRef',
      /may not reference secrets/,
    ],
    [
      'env valueFrom configMapKeyRef',
      { containers: [container({ env: [{ name: 'A', value: 'a' }, configMapEnv] })] },
      'spec.containers[0].env[1].valueFrom.configMapKeyRef',
      /may not reference configmaps/,
    ],
    [
      'envFrom secretRef in an init container',
      { containers: [container()], initContainers: [container({ envFrom: [{ secretRef: { name: 'token' } }] })] },
      'spec.initContainers[0].envFrom[0].secretRef',
      /may not reference secrets/,
    ],
    [
      'envFrom configMapRef',
      { containers: [container({ envFrom: [{ configMapRef: { name: 'settings' } }] })] },
      'spec.containers[0].envFrom[0].configMapRef',
      /may not reference configmaps/,
    ],
    ['ephemeral containers', { containers: [container()], ephemeralContainers: [container()] }, 'spec.ephemeralContainers', /cannot be set on create/],
  ])('%s is refused at its field', (_, spec, field, message) => {
    const errors = mirrorPodErrors({ apiVersion: 'v1', kind: 'Pod', spec });
    expect(errors).toEqual([{ field, type: 'Forbidden', message: expect.stringMatching(message) }]);
  });

  test('every reference gets its own error, not only the first as the admission plugins report', () => {
    const errors = mirrorPodErrors({
      spec: {
        serviceAccountName: 'agent',
        containers: [container({ env: [secretEnv, configMapEnv] })],
        volumes: [{ name: 'tls', secret: { secretName: 'tls' } }],
      },
    });
    expect(errors.map((e) => e.field)).toEqual([
      'spec.serviceAccountName',
      'spec.containers[0].env[0].valueFrom.secretKeyRef',
      'spec.volumes[0].secret',
      'spec.containers[0].env[1].valueFrom.configMapKeyRef',
    ]);
  });
});

describe('mirrorPodErrors: Compliance', () => {
  test('what a static pod uses: hostPath, emptyDir, the downward API, plain and fieldRef env', () => {
    const errors = mirrorPodErrors({
      spec: {
        hostNetwork: true,
        containers: [container({ env: [{ name: 'A', value: 'a' }, { name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }] })],
        volumes: [
          { name: 'h', hostPath: { path: '/etc/kubernetes' } },
          { name: 'e', emptyDir: {} },
          { name: 'd', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
        ],
      },
    });
    expect(errors).toEqual([]);
  });

  test('a reference without a name is no reference (upstream skipEmptyNames): pod validation reports it', () => {
    expect(mirrorPodErrors({ spec: { imagePullSecrets: [{ name: '' }], serviceAccountName: '' } })).toEqual([]);
  });

  test('malformed input has nothing to refuse and does not throw', () => {
    expect(mirrorPodErrors(undefined)).toEqual([]);
    expect(mirrorPodErrors({ spec: { containers: 'x', volumes: [null, 3] } })).toEqual([]);
  });
});

describe('staticPodManifest refuses what a mirror pod may not have, naming the owner and the prop', () => {
  const base: StaticPodProps = { nodes: ['cp-1'], image: 'example.com/agent:1', env: { A: 'a' }, hostPaths: { '/etc/agent': { mountPath: '/etc/agent' } } };
  const OWNER = 'StaticPod cluster/agent';

  test.each<[string, Partial<StaticPodProps>, string, string]>([
    ['serviceAccountName', { serviceAccountName: 'agent' }, 'serviceAccountName', 'spec.serviceAccountName'],
    ['imagePullSecrets', { imagePullSecrets: ['ok', 'registry'] }, 'imagePullSecrets[0]', 'spec.imagePullSecrets[0]'],
    ['a Secret volume after the hostPath one', { volumes: [{ name: 'tls', secret: { secretName: 'tls' } }] }, 'volumes[0].secret', 'spec.volumes[1].secret'],
    [
      'a projected ConfigMap',
      { volumes: [{ name: 'p', projected: { sources: [{ configMap: { name: 'settings' } }] } }] },
      'volumes[0].projected.sources[0].configMap',
      'spec.volumes[1].projected.sources[0].configMap',
    ],
    ['envVars after env', { envVars: [secretEnv] }, 'envVars[0].valueFrom.secretKeyRef', 'spec.containers[0].env[1].valueFrom.secretKeyRef'],
    [
      'a sidecar\'s envFrom',
      { sidecars: [{ name: 'side', image: 'example.com/side:1', envFrom: [{ configMapRef: { name: 'settings' } }] }] },
      'sidecars[0].envFrom[0].configMapRef',
      'spec.containers[1].envFrom[0].configMapRef',
    ],
  ])('%s', (_, props, field, path) => {
    const error = propsErrorOf(() => staticPodManifest(OWNER, 'agent', { ...base, ...props }));
    expect(error.owner).toBe(OWNER);
    const problems = error.problems.filter((p) => p.path === path);
    expect(problems).toEqual([{ field, path, message: expect.stringMatching(/^Forbidden: a mirror pod may not/) }]);
    expect(error.message).toContain(`${OWNER}: `);
    expect(error.message).toContain(`${field} (${path}): Forbidden: a mirror pod may not`);
  });

  test('imagePullSecrets: one error per Secret', () => {
    const error = propsErrorOf(() => staticPodManifest(OWNER, 'agent', { ...base, imagePullSecrets: ['a', 'b'] }));
    expect(error.problems.map((p) => p.field)).toEqual(['imagePullSecrets[0]', 'imagePullSecrets[1]']);
  });
});
