/*
 * validateDaemonSet / checkDaemonSet with a target version: what that version's API server does
 * beyond the latest one's rules.
 * - maxSurge: the DaemonSetUpdateSurge gate (pkg/features/kube_features.go) is alpha and off in 1.21;
 *   `dropDaemonSetDisabledFields` (pkg/registry/apps/daemonset/strategy.go) then clears maxSurge, and
 *   `ValidateRollingUpdateDaemonSet` (pkg/apis/apps/validation) refuses the maxUnavailable 0 left.
 * - control-plane taints: kubeadm 1.24 adds node-role.kubernetes.io/control-plane beside master
 *   (`AddNewControlPlaneTaint`), 1.25 removes master (`RemoveOldControlPlaneTaint`); DESIGN.md 4.
 */
import { daemonSet, Mutator, podSpec, TEMPLATE_SPEC } from './daemon-set';
import { checkDaemonSet, validateDaemonSet } from '../../src';

const SURGE: Mutator = (ds) => { ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } }; };
const MAX_SURGE = 'spec.updateStrategy.rollingUpdate.maxSurge';

function tolerating(...keys: string[]): Mutator {
  return (ds) => { podSpec(ds).tolerations = keys.map((key) => ({ key, operator: 'Exists', effect: 'NoSchedule' })); };
}

describe('maxSurge', () => {
  test.each(['1.21', 'v1.20.15', '1.19'])('%s: a surge is Forbidden, naming the version', (kubernetesVersion) => {
    const errors = validateDaemonSet(daemonSet(SURGE), undefined, { kubernetesVersion });
    expect(errors).toEqual([{ field: MAX_SURGE, type: 'Forbidden', message: expect.stringContaining('needs Kubernetes 1.22 or later, and the target is') }]);
    expect(errors[0].message).toContain(`the target is ${kubernetesVersion.replace(/^v/, '').split('.').slice(0, 2).join('.')}:`);
  });

  test.each(['1.22', '1.25', '1.33'])('%s: a surge is valid', (kubernetesVersion) => {
    expect(validateDaemonSet(daemonSet(SURGE), undefined, { kubernetesVersion })).toEqual([]);
  });

  test.each<[string, Mutator]>([
    ['maxSurge 0', (ds) => { ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }; }],
    ['maxSurge "0%"', (ds) => { ds.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '0%' } }; }],
    ['OnDelete', (ds) => { ds.spec.updateStrategy = { type: 'OnDelete' }; }],
    ['no update strategy', () => {}],
  ])('1.21: %s is no surge and valid', (_, mutate) => {
    expect(validateDaemonSet(daemonSet(mutate), undefined, { kubernetesVersion: '1.21' })).toEqual([]);
  });

  test('the signature without options still checks for the latest Kubernetes', () => {
    expect(validateDaemonSet(daemonSet(SURGE))).toEqual([]);
    expect(validateDaemonSet(daemonSet(SURGE), undefined)).toEqual([]);
  });

  test('with previous, as an update', () => {
    expect(validateDaemonSet(daemonSet(SURGE), daemonSet(), { kubernetesVersion: '1.21' }).map((e) => e.field)).toEqual([MAX_SURGE]);
  });
});

describe('control-plane taint names', () => {
  const MASTER = 'node-role.kubernetes.io/master';
  const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';

  test.each<[string, string[], string | undefined]>([
    ['1.23', [CONTROL_PLANE], MASTER],
    ['1.23', [MASTER], undefined],
    ['1.24', [CONTROL_PLANE], undefined],
    ['1.24', [MASTER], undefined],
    ['1.25', [MASTER], CONTROL_PLANE],
    ['1.25', [CONTROL_PLANE], undefined],
    ['1.25', [MASTER, CONTROL_PLANE], undefined],
  ])('%s, tolerating %j: warns unless the version\'s name is tolerated', (kubernetesVersion, keys, missing) => {
    const { errors, warnings } = checkDaemonSet(daemonSet(tolerating(...keys)), undefined, { kubernetesVersion });
    expect(errors).toEqual([]);
    if (missing === undefined) {
      expect(warnings).toEqual([]);
    } else {
      expect(warnings).toEqual([{
        code: 'ControlPlaneTaintName',
        field: `${TEMPLATE_SPEC}.tolerations[0]`,
        message: `tolerates ${keys[0]}, but control-plane nodes of Kubernetes ${kubernetesVersion} carry ${missing}: ` +
          `the pods skip the control plane; tolerate ${missing} (Toleration.controlPlane() does)`,
      }]);
    }
  });

  test('a toleration of every taint covers the control plane', () => {
    const mutate: Mutator = (ds) => { podSpec(ds).tolerations = [{ key: MASTER, operator: 'Exists' }, { operator: 'Exists' }]; };
    expect(checkDaemonSet(daemonSet(mutate), undefined, { kubernetesVersion: '1.29' }).warnings).toEqual([]);
  });

  test('without a version, no warning: clusters upgraded across 1.24 may carry either name', () => {
    expect(checkDaemonSet(daemonSet(tolerating(MASTER))).warnings).toEqual([]);
  });
});

test.each(['latest', '1', 'one.two'])('a kubernetesVersion that is no version (%j) throws a RangeError naming it', (kubernetesVersion) => {
  expect(() => validateDaemonSet(daemonSet(), undefined, { kubernetesVersion })).toThrow(RangeError);
  expect(() => validateDaemonSet(daemonSet(), undefined, { kubernetesVersion })).toThrow(`(got ${JSON.stringify(kubernetesVersion)})`);
});
