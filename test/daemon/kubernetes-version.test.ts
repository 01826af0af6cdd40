/*
 * The model's kubernetesVersion, for every daemon kind alike: `Toleration.controlPlane()` given
 * without a version follows the daemon's; one given with a version is the user's choice, kept as
 * written, and warned about when the daemon's version's control-plane nodes do not carry it.
 * kubeadm 1.24 applies both taint names (`AddNewControlPlaneTaint`), 1.25 only control-plane
 * (`RemoveOldControlPlaneTaint`); DESIGN.md section 4.
 */
import { propsErrorOf } from './props-error-of';
import { modelWarnings, nodeDaemonManifest, nodeFilteredDaemonManifest, NodeFilter, Toleration } from '../../src/daemon';

const OWNER = 'NodeDaemon agents/agent';
const IMAGE = 'registry.example/agent:1.0';
const keys = (manifest: ReturnType<typeof nodeDaemonManifest>) => (manifest.spec!.template.spec!.tolerations ?? []).map((t) => t.key);

test.each([
  ['1.23', ['node-role.kubernetes.io/master']],
  ['1.24', ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']],
  ['1.25', ['node-role.kubernetes.io/control-plane']],
])('a NodeDaemon for %s keeps the control-plane tolerations its nodes need', (kubernetesVersion, expected) => {
  expect(keys(nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, kubernetesVersion, tolerations: Toleration.controlPlane() }))).toEqual(expected);
});

test('the other tolerations stay whatever the version', () => {
  const tolerations = [Toleration.exists('nvidia.com/gpu'), ...Toleration.controlPlane()];
  const manifest = nodeFilteredDaemonManifest(OWNER, 'agent', { image: IMAGE, kubernetesVersion: '1.23', nodes: NodeFilter.gpu(), tolerations });
  expect(keys(manifest)).toEqual(['nvidia.com/gpu', 'node-role.kubernetes.io/master']);
});

test('a control-plane toleration made for another version is kept, with a warning naming the user\'s index', () => {
  const manifest = nodeDaemonManifest(OWNER, 'agent', {
    image: IMAGE,
    kubernetesVersion: '1.25',
    tolerations: Toleration.controlPlane({ kubernetesVersion: '1.23' }),
  });
  expect(keys(manifest)).toEqual(['node-role.kubernetes.io/master']);
  expect(modelWarnings(manifest).map((w) => [w.code, w.field])).toEqual([['ControlPlaneTaintName', 'spec.template.spec.tolerations[0]']]);
});

test('a bad kubernetesVersion on a NodeDaemon is refused, naming the prop (it used to be ignored)', () => {
  expect(propsErrorOf(() => nodeDaemonManifest(OWNER, 'agent', { image: IMAGE, kubernetesVersion: '1.x' })).message).toBe(
    `${OWNER}: kubernetesVersion: must look like "1.29" or "v1.29.3" (got "1.x")`,
  );
});
