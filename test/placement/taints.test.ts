import { daemonSet, Manifest, only, rawNode, RawTaint, verdict } from './fixtures';
import { evaluatePlacement, node, TaintInput } from '../../src';

type Toleration = Record<string, unknown>;

function tolerating(...tolerations: Toleration[]): Manifest {
  return daemonSet('agent', { tolerations });
}

/** Whether a pod with `toleration` is placed on a node carrying only `taint`. */
function tolerates(toleration: Toleration, taint: RawTaint): boolean {
  return verdict(tolerating(toleration), rawNode('n', [], [taint])).shouldRun;
}

describe('Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go)', () => {
  it.each<[string, Toleration, RawTaint, boolean]>([
    // Empty key with Exists tolerates every taint, of every effect.
    ['empty key + Exists, NoSchedule taint', { operator: 'Exists' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, true],
    ['empty key + Exists, NoExecute taint', { operator: 'Exists' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, true],
    ['empty key + Exists, valueless taint', { operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, true],
    ['empty key + Exists + NoSchedule, NoExecute taint', { operator: 'Exists', effect: 'NoSchedule' }, { key: 'k', value: 'v', effect: 'NoExecute' }, false],
    ['empty key + Exists + NoExecute, NoExecute taint', { operator: 'Exists', effect: 'NoExecute' }, { key: 'k', value: 'v', effect: 'NoExecute' }, true],
    // An empty effect matches every effect.
    ['key + Exists, no effect, NoSchedule taint', { key: 'dedicated', operator: 'Exists' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, true],
    ['key + Exists, no effect, NoExecute taint', { key: 'dedicated', operator: 'Exists' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, true],
    ['key + Exists, effect "", NoExecute taint', { key: 'dedicated', operator: 'Exists', effect: '' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, true],
    ['key + Exists + NoSchedule, NoExecute taint', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, false],
    ['key + Exists, another key', { key: 'dedicated', operator: 'Exists' }, { key: 'dedicated2', value: 'db', effect: 'NoSchedule' }, false],
    ['key + Exists, key differs in case', { key: 'Dedicated', operator: 'Exists' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    ['key + Exists ignores the value', { key: 'dedicated', operator: 'Exists', value: 'other' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, true],
    // Equal compares values; a missing value is "".
    ['Equal, same value', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, true],
    ['Equal, other value', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, { key: 'dedicated', value: 'batch', effect: 'NoSchedule' }, false],
    ['Equal, value in other case', { key: 'dedicated', operator: 'Equal', value: 'DB' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    ['Equal with a value, valueless taint', { key: 'dedicated', operator: 'Equal', value: 'db' }, { key: 'dedicated', effect: 'NoSchedule' }, false],
    ['Equal without a value, valueless taint', { key: 'dedicated', operator: 'Equal' }, { key: 'dedicated', effect: 'NoSchedule' }, true],
    ['Equal with value "", valueless taint', { key: 'dedicated', operator: 'Equal', value: '' }, { key: 'dedicated', effect: 'NoExecute' }, true],
    ['Equal without a value, taint with a value', { key: 'dedicated', operator: 'Equal' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    // An empty operator means Equal.
    ['no operator, same value', { key: 'dedicated', value: 'db' }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, true],
    ['no operator, other value', { key: 'dedicated', value: 'db' }, { key: 'dedicated', value: 'batch', effect: 'NoExecute' }, false],
    ['operator "", same value', { key: 'dedicated', operator: '', value: 'db' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, true],
    ['no operator and no value: only the valueless kubeadm master taint',
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, true],
    ['no operator and no value, master taint with a value',
      { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }, { key: 'node-role.kubernetes.io/master', value: 'true', effect: 'NoSchedule' }, false],
    ['Equal with an empty key matches any key with that value', { operator: 'Equal', value: 'db' }, { key: 'anything', value: 'db', effect: 'NoSchedule' }, true],
    ['Equal with an empty key, other value', { operator: 'Equal', value: 'db' }, { key: 'anything', value: 'x', effect: 'NoSchedule' }, false],
    ['Equal, effect mismatch', { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoExecute' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    ['Equal, another key', { key: 'dedicated', operator: 'Equal', value: 'db' }, { key: 'team', value: 'db', effect: 'NoSchedule' }, false],
    // Any other operator tolerates nothing.
    ['an unknown operator', { key: 'dedicated', operator: 'Contains', value: 'db' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    ['"exists" in the wrong case', { operator: 'exists' }, { key: 'dedicated', value: 'db', effect: 'NoSchedule' }, false],
    // tolerationSeconds bounds how long a pod stays after a NoExecute taint; it does not change matching.
    ['tolerationSeconds: 0', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }, { key: 'dedicated', value: 'db', effect: 'NoExecute' }, true],
  ])('%s → %s', (_, toleration, taint, expected) => {
    expect(tolerates(toleration, taint)).toBe(expected);
  });
});

describe('FindMatchingUntoleratedTaint with the DaemonSet controller filter (k8s.io/component-helpers/scheduling/corev1/helpers.go; NodeShouldRunDaemonPod and predicates in pkg/controller/daemon/daemon_controller.go)', () => {
  it('PreferNoSchedule never blocks', () => {
    expect(verdict(tolerating(), node('n').taint('dedicated=batch:PreferNoSchedule'))).toEqual({
      node: 'n', shouldRun: true, shouldContinueRunning: true, reasons: [],
    });
  });

  it('an untolerated NoSchedule taint: no new pod, a running pod continues', () => {
    expect(verdict(tolerating(), node('n').taint('dedicated=db:NoSchedule'))).toEqual({
      node: 'n',
      shouldRun: false,
      shouldContinueRunning: true,
      reasons: [{ code: 'UntoleratedTaint', message: 'taint dedicated=db:NoSchedule is not tolerated' }],
    });
  });

  it('an untolerated NoExecute taint: no new pod, and a running pod goes', () => {
    expect(verdict(tolerating(), node('n').taint('dedicated=db:NoExecute'))).toEqual({
      node: 'n',
      shouldRun: false,
      shouldContinueRunning: false,
      reasons: [{ code: 'UntoleratedTaint', message: 'taint dedicated=db:NoExecute is not tolerated' }],
    });
  });

  it('a tolerated NoExecute taint beside an untolerated NoSchedule one: the running pod continues', () => {
    const placement = verdict(
      tolerating({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }),
      node('n').taint('dedicated=db:NoExecute').taint('team=a:NoSchedule'),
    );
    expect(placement.shouldRun).toBe(false);
    expect(placement.shouldContinueRunning).toBe(true);
    expect(placement.reasons.map((r) => r.message)).toEqual(['taint team=a:NoSchedule is not tolerated']);
  });

  it('every untolerated taint is listed, in the order of the node, PreferNoSchedule left out', () => {
    const taints: TaintInput[] = [
      'a=1:NoSchedule',
      'soft=x:PreferNoSchedule',
      'node-role.kubernetes.io/control-plane:NoSchedule',
      'tolerated=yes:NoExecute',
      'b=2:NoExecute',
    ];
    const n = node('n');
    taints.forEach((t) => n.taint(t));
    const placement = verdict(tolerating({ key: 'tolerated', operator: 'Equal', value: 'yes' }), n);
    expect(placement).toEqual({
      node: 'n',
      shouldRun: false,
      shouldContinueRunning: false,
      reasons: [
        { code: 'UntoleratedTaint', message: 'taint a=1:NoSchedule is not tolerated' },
        { code: 'UntoleratedTaint', message: 'taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated' },
        { code: 'UntoleratedTaint', message: 'taint b=2:NoExecute is not tolerated' },
      ],
    });
  });

  it('a taint is tolerated when any one toleration matches it', () => {
    const manifest = tolerating(
      { key: 'a', operator: 'Equal', value: 'wrong' },
      { key: 'a', operator: 'Exists', effect: 'NoExecute' },
      { key: 'a', operator: 'Equal', value: '1', effect: 'NoSchedule' },
    );
    expect(verdict(manifest, node('n').taint('a=1:NoSchedule')).shouldRun).toBe(true);
  });

  it('taints are matched one by one: a toleration for one key leaves another key untolerated', () => {
    const placement = verdict(tolerating({ key: 'a', operator: 'Exists' }), node('n').taint('a=1:NoSchedule').taint('b=1:NoSchedule'));
    expect(placement.reasons.map((r) => r.message)).toEqual(['taint b=1:NoSchedule is not tolerated']);
  });

  it('the control-plane taint of kubeadm >= 1.24 and the master taint of older clusters are different taints', () => {
    const report = evaluatePlacement(
      [tolerating({ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' })],
      [node('new').controlPlane(), node('old').taint('node-role.kubernetes.io/master:NoSchedule')],
    );
    expect(only(report).placements.map((p) => [p.node, p.shouldRun])).toEqual([['new', true], ['old', false]]);
  });

  it('taint effects other than NoSchedule and NoExecute are ignored by the filter', () => {
    const placement = verdict(tolerating(), rawNode('n', [], [{ key: 'x', value: 'y', effect: 'SomethingElse' }]));
    expect(placement.shouldRun).toBe(true);
  });

  it('an untolerated taint together with a selector mismatch: the pod goes, and both reasons are listed in order', () => {
    const placement = verdict(daemonSet('agent', { nodeSelector: { pool: 'a' } }), node('n').taint('dedicated=db:NoSchedule'));
    expect(placement.shouldContinueRunning).toBe(false);
    expect(placement.reasons.map((r) => r.code)).toEqual(['NodeSelectorMismatch', 'UntoleratedTaint']);
  });
});
