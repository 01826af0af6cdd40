import { Testing } from 'cdk8s';
import { MasterTolerant, TaintEffect, Toleration } from '../../src/cdk8s';
import { validateDaemonSet } from '../../src/validation';

const CONTROL_PLANE = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };
const MASTER = { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' };

function tolerationsOf(props: ConstructorParameters<typeof MasterTolerant>[2]): unknown[] {
  const chart = Testing.chart();
  new MasterTolerant(chart, 'fluent-bit', props);
  return Testing.synth(chart)[0].spec.template.spec.tolerations;
}

describe('MasterTolerant', () => {
  test('defaults', () => {
    const chart = Testing.chart();
    new MasterTolerant(chart, 'fluent-bit', { image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0' });
    const [daemonSet] = Testing.synth(chart);
    expect(daemonSet).toMatchSnapshot();
    expect(validateDaemonSet(daemonSet)).toEqual([]);
  });

  test('tolerates both control-plane taint names when the version is unknown', () => {
    expect(tolerationsOf({ image: 'a' })).toEqual([CONTROL_PLANE, MASTER]);
  });

  test.each([
    ['1.23', [MASTER]],
    ['v1.24.17', [CONTROL_PLANE, MASTER]],
    ['1.29', [CONTROL_PLANE]],
  ])('tolerates only what Kubernetes %s puts on its control plane', (kubernetesVersion, expected) => {
    expect(tolerationsOf({ image: 'a', kubernetesVersion })).toEqual(expected);
  });

  test('keeps the user tolerations after its own, each once', () => {
    expect(
      tolerationsOf({
        image: 'a',
        tolerations: [
          Toleration.exists('node-role.kubernetes.io/master', { effect: TaintEffect.NO_SCHEDULE }),
          Toleration.exists('nvidia.com/gpu'),
        ],
      }),
    ).toEqual([CONTROL_PLANE, MASTER, { key: 'nvidia.com/gpu', operator: 'Exists' }]);
  });

  test('a version that is not one throws naming the construct and the field', () => {
    const chart = Testing.chart();
    expect(() => new MasterTolerant(chart, 'agent', { image: 'a', kubernetesVersion: 'latest' })).toThrow(
      /MasterTolerant 'test\/agent': kubernetesVersion: must look like "1\.29"/,
    );
  });
});
