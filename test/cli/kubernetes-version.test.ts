/*
 * `--kubernetes-version` on validate and place: the API server of an older version drops fields
 * whose feature gate is off, and its control-plane nodes carry other taint names.
 * Upstream: the DaemonSetUpdateSurge gate (pkg/features/kube_features.go) is alpha and off in
 * 1.21, beta and on from 1.22; `dropDaemonSetDisabledFields` (pkg/registry/apps/daemonset/strategy.go)
 * clears maxSurge while it is off, and `ValidateRollingUpdateDaemonSet` then refuses
 * maxUnavailable 0. kubeadm 1.24 adds the control-plane taint beside master
 * (`AddNewControlPlaneTaint`), 1.25 removes master (`RemoveOldControlPlaneTaint`).
 */
import { CLUSTER, daemonSet, everynode, workspace } from './cli-harness';

const SURGING = (() => {
  const manifest = daemonSet('surging', { namespace: 'kube-system' }) as any;
  manifest.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } };
  return manifest;
})();
const MASTER_ONLY = daemonSet('old-agent', { tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }] });

describe('everynode validate --kubernetes-version', () => {
  test('1.21 refuses a surge, naming the field and the version; exit 1', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING] });
    const run = await everynode(['validate', '--kubernetes-version', '1.21', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stdout).toBe([
      '✘ kube-system/surging',
      '    spec.updateStrategy.rollingUpdate.maxSurge: Forbidden: needs Kubernetes 1.22 or later, and the target is 1.21: its API server drops ' +
        'maxSurge (the DaemonSetUpdateSurge feature gate is off) and then refuses maxUnavailable 0; replace pods in place with maxUnavailable instead',
      '',
    ].join('\n'));
  });

  test.each(['1.22', 'v1.25.3', '1.29.0-eks-1234'])('%s accepts the surge', async (version) => {
    const dir = workspace({ 'agents.yaml': [SURGING] });
    const run = await everynode(['validate', '--kubernetes-version', version, 'agents.yaml'], { cwd: dir });

    expect(run).toMatchObject({ code: 0, stdout: '✔ kube-system/surging\n' });
  });

  test('without the option, the latest Kubernetes: the surge is valid', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING] });
    expect((await everynode(['validate', 'agents.yaml'], { cwd: dir })).code).toBe(0);
  });

  test('--output json carries the error with its type', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING] });
    const run = await everynode(['validate', '--kubernetes-version=1.21', '-o', 'json', 'agents.yaml'], { cwd: dir });

    expect(JSON.parse(run.stdout).objects[0].errors).toEqual([
      { field: 'spec.updateStrategy.rollingUpdate.maxSurge', type: 'Forbidden', message: expect.stringMatching(/^needs Kubernetes 1\.22 or later, and the target is 1\.21/) },
    ]);
  });

  test('a toleration of master alone is a warning for 1.25, not for 1.24; --strict makes it fail', async () => {
    const dir = workspace({ 'agents.yaml': [MASTER_ONLY] });
    const on125 = await everynode(['validate', '--kubernetes-version', '1.25', 'agents.yaml'], { cwd: dir });
    const strict = await everynode(['validate', '--strict', '--kubernetes-version', '1.25', 'agents.yaml'], { cwd: dir });
    const on124 = await everynode(['validate', '--strict', '--kubernetes-version', '1.24', 'agents.yaml'], { cwd: dir });

    expect(on125.code).toBe(0);
    expect(on125.stdout).toBe([
      '✔ default/old-agent',
      '    warning: spec.template.spec.tolerations[0]: tolerates node-role.kubernetes.io/master, but control-plane nodes of Kubernetes 1.25 carry ' +
        'node-role.kubernetes.io/control-plane: the pods skip the control plane; tolerate node-role.kubernetes.io/control-plane (Toleration.controlPlane() does)',
      '',
    ].join('\n'));
    expect(strict.code).toBe(1);
    expect(on124).toMatchObject({ code: 0, stdout: '✔ default/old-agent\n' });
  });

  test.each(['latest', '1', ''])('a version that is not one (%j) is a usage error: one line, exit 2', async (version) => {
    const dir = workspace({ 'agents.yaml': [SURGING] });
    const run = await everynode(['validate', '--kubernetes-version', version, 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`--kubernetes-version must look like "1.29" or "v1.29.3" (got ${JSON.stringify(version)})`);
  });
});

describe('everynode place --kubernetes-version', () => {
  test('adds the version\'s errors to the report, and --fail-on-errors fails on them', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING, daemonSet('plain')], 'nodes.yaml': CLUSTER });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'json', '--kubernetes-version', '1.21', '--fail-on-errors', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.daemonSets.map((d: any) => [d.name, d.errors.map((e: any) => e.field)])).toEqual([
      ['surging', ['spec.updateStrategy.rollingUpdate.maxSurge']],
      ['plain', []],
    ]);
  });

  test('for 1.22 the same DaemonSets have no error', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING], 'nodes.yaml': CLUSTER });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'json', '--kubernetes-version', '1.22', '--fail-on-errors', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).daemonSets[0].errors).toEqual([]);
  });

  test('adds the control-plane warning for 1.25', async () => {
    const dir = workspace({ 'agents.yaml': [MASTER_ONLY], 'nodes.yaml': CLUSTER });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'json', '--kubernetes-version', '1.25', 'agents.yaml'], { cwd: dir });

    expect(JSON.parse(run.stdout).daemonSets[0].warnings.map((w: any) => w.code)).toEqual(['ControlPlaneTaintName']);
  });

  test('a bad version is a usage error', async () => {
    const dir = workspace({ 'agents.yaml': [SURGING], 'nodes.yaml': CLUSTER });
    const run = await everynode(['place', '-i', 'nodes.yaml', '--kubernetes-version', 'next', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--kubernetes-version must look like "1.29"');
  });
});
