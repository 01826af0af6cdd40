import { Testing } from 'cdk8s';
import { NodeFilter, NodeFilteredDaemon, NodeFilteredDaemonProps } from '../../src/cdk8s';
import { validateDaemonSet } from '../../src/validation';

function podSpecOf(props: NodeFilteredDaemonProps): any {
  const chart = Testing.chart();
  new NodeFilteredDaemon(chart, 'agent', props);
  const [daemonSet] = Testing.synth(chart);
  expect(validateDaemonSet(daemonSet)).toEqual([]);
  return daemonSet.spec.template.spec;
}

describe('NodeFilteredDaemon', () => {
  test('defaults, on GPU nodes', () => {
    const chart = Testing.chart();
    new NodeFilteredDaemon(chart, 'nvidia-device-plugin', {
      image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
      nodes: NodeFilter.gpu(),
    });
    expect(Testing.synth(chart)[0]).toMatchSnapshot();
  });

  test('GPU nodes: the label is required and the GPU taint tolerated', () => {
    const spec = podSpecOf({ image: 'a', nodes: NodeFilter.gpu() });
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }] },
    ]);
    expect(spec.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
  });

  test('filters AND within a term and OR across terms', () => {
    const spec = podSpecOf({
      image: 'a',
      nodes: NodeFilter.linux().and(NodeFilter.architecture('arm64')).or(NodeFilter.named('edge-1')),
    });
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      {
        matchExpressions: [
          { key: 'kubernetes.io/os', operator: 'In', values: ['linux'] },
          { key: 'kubernetes.io/arch', operator: 'In', values: ['arm64'] },
        ],
      },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['edge-1'] }] },
    ]);
  });

  test('Windows nodes only', () => {
    const spec = podSpecOf({ image: 'a', nodes: NodeFilter.windows() });
    expect(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] },
    ]);
  });

  test('without nodes it throws naming the construct and the field', () => {
    const chart = Testing.chart();
    expect(() => new NodeFilteredDaemon(chart, 'agent', { image: 'a' } as NodeFilteredDaemonProps)).toThrow(
      /NodeFilteredDaemon 'test\/agent': nodes: is required/,
    );
  });

  test('a filter the API server rejects throws naming the filter, then its field path', () => {
    const chart = Testing.chart();
    expect(() => new NodeFilteredDaemon(chart, 'agent', { image: 'a', nodes: NodeFilter.labelIn('pool') })).toThrow(
      /nodes: NodeFilter\.labelIn\('pool'\) \(spec\.template\.spec\.affinity\.nodeAffinity\.requiredDuringSchedulingIgnoredDuringExecution\.nodeSelectorTerms\[0\]\.matchExpressions\[0\]\.values\): Required value/,
    );
  });
});
