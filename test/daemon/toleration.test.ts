import { TaintEffect, Toleration, validateDaemonSet } from '../../src';
import { CONTROL_PLANE_TAINT, LEGACY_MASTER_TAINT, TolerationSpec, buildDaemonSet } from '../../src/daemon';

const json = (tolerations: Toleration[]): TolerationSpec[] => tolerations.map((t) => t.toJson());

/** The toleration JSON holds only the keys that were set: no `key: undefined` leaks into YAML. */
function expectNoUndefinedKeys(spec: TolerationSpec): void {
  expect(Object.values(spec)).not.toContain(undefined);
}

describe('Toleration.exists', () => {
  test('without options tolerates every effect of the key', () => {
    const spec = Toleration.exists('dedicated').toJson();
    expect(spec).toEqual({ key: 'dedicated', operator: 'Exists' });
    expect(Object.keys(spec).sort()).toEqual(['key', 'operator']);
  });

  test('with an effect', () => {
    expect(Toleration.exists('dedicated', { effect: TaintEffect.NO_SCHEDULE }).toJson()).toEqual({
      key: 'dedicated',
      operator: 'Exists',
      effect: 'NoSchedule',
    });
  });

  test('with tolerationSeconds', () => {
    const spec = Toleration.exists('node.kubernetes.io/unreachable', { effect: TaintEffect.NO_EXECUTE, tolerationSeconds: 300 }).toJson();
    expect(spec).toEqual({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    expectNoUndefinedKeys(spec);
  });
});

describe('Toleration.equal', () => {
  test('writes the value', () => {
    const spec = Toleration.equal('dedicated', 'logging').toJson();
    expect(spec).toEqual({ key: 'dedicated', operator: 'Equal', value: 'logging' });
    expect(Object.keys(spec).sort()).toEqual(['key', 'operator', 'value']);
  });

  test('with an effect', () => {
    expect(Toleration.equal('dedicated', 'logging', { effect: TaintEffect.PREFER_NO_SCHEDULE }).toJson()).toEqual({
      key: 'dedicated',
      operator: 'Equal',
      value: 'logging',
      effect: 'PreferNoSchedule',
    });
  });
});

describe('Toleration.everything', () => {
  test('is Exists with no key', () => {
    const spec = Toleration.everything().toJson();
    expect(spec).toEqual({ operator: 'Exists' });
    expect(Object.keys(spec)).toEqual(['operator']);
  });
});

describe('Toleration.fromSpec', () => {
  test('writes the spec back as given', () => {
    const spec: TolerationSpec = { key: 'example.com/pool', operator: 'Equal', value: 'a', effect: 'NoExecute', tolerationSeconds: 60 };
    expect(Toleration.fromSpec(spec).toJson()).toEqual(spec);
  });

  test('drops undefined fields', () => {
    const spec = Toleration.fromSpec({ key: 'a', operator: 'Exists', value: undefined, effect: undefined }).toJson();
    expect(spec).toEqual({ key: 'a', operator: 'Exists' });
    expect(Object.keys(spec).sort()).toEqual(['key', 'operator']);
  });

  test('is not changed when the caller changes its spec afterwards', () => {
    const spec: TolerationSpec = { key: 'a', operator: 'Exists' };
    const toleration = Toleration.fromSpec(spec);
    spec.key = 'b';
    expect(toleration.toJson()).toEqual({ key: 'a', operator: 'Exists' });
  });
});

describe('Toleration.controlPlane', () => {
  const noSchedule = (key: string): TolerationSpec => ({ key, operator: 'Exists', effect: 'NoSchedule' });

  test('the constants are the taint keys Kubernetes uses', () => {
    expect(CONTROL_PLANE_TAINT).toBe('node-role.kubernetes.io/control-plane');
    expect(LEGACY_MASTER_TAINT).toBe('node-role.kubernetes.io/master');
  });

  test('without a version tolerates both the control-plane and the master taint', () => {
    expect(json(Toleration.controlPlane())).toEqual([
      noSchedule('node-role.kubernetes.io/control-plane'),
      noSchedule('node-role.kubernetes.io/master'),
    ]);
  });

  test.each([
    ['1.23', ['node-role.kubernetes.io/master']],
    ['v1.23.17', ['node-role.kubernetes.io/master']],
    ['1.20', ['node-role.kubernetes.io/master']],
    ['1.24', ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']],
    ['v1.24.3', ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master']],
    ['1.25', ['node-role.kubernetes.io/control-plane']],
    ['1.29', ['node-role.kubernetes.io/control-plane']],
    ['1.30.2-eks-abc', ['node-role.kubernetes.io/control-plane']],
    ['2.0', ['node-role.kubernetes.io/control-plane']],
  ])('kubernetesVersion %s tolerates %j', (kubernetesVersion, keys) => {
    expect(json(Toleration.controlPlane({ kubernetesVersion }))).toEqual(keys.map(noSchedule));
  });

  test.each(['latest', '', '1', 'one.two', '1.x'])('kubernetesVersion %j throws a RangeError naming the value', (kubernetesVersion) => {
    expect(() => Toleration.controlPlane({ kubernetesVersion })).toThrow(RangeError);
    expect(() => Toleration.controlPlane({ kubernetesVersion })).toThrow(JSON.stringify(kubernetesVersion));
  });

  test('the RangeError says what a version looks like', () => {
    expect(() => Toleration.controlPlane({ kubernetesVersion: 'latest' })).toThrow(/kubernetesVersion must look like "1\.29".*\(got "latest"\)/);
  });
});

describe('Toleration.nodeLifecycle', () => {
  test('tolerates the NoSchedule taints of not-ready and unreachable nodes', () => {
    expect(json(Toleration.nodeLifecycle())).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });
});

describe('tolerations in a DaemonSet', () => {
  test('every factory writes a toleration the API server accepts', () => {
    const tolerations = [
      Toleration.exists('dedicated'),
      Toleration.exists('node.kubernetes.io/unreachable', { effect: TaintEffect.NO_EXECUTE, tolerationSeconds: 300 }),
      Toleration.equal('dedicated', 'logging', { effect: TaintEffect.NO_SCHEDULE }),
      Toleration.everything(),
      ...Toleration.controlPlane(),
      ...Toleration.nodeLifecycle(),
      Toleration.fromSpec({ key: 'example.com/pool', operator: 'Equal', value: 'a' }),
    ];
    const manifest = buildDaemonSet('NodeDaemon test/agent', 'agent', { image: 'busybox:1.36', tolerations });
    expect(manifest.spec?.template.spec?.tolerations).toEqual(json(tolerations));
    expect(validateDaemonSet(manifest)).toEqual([]);
  });
});
