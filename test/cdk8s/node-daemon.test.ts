import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { NodeDaemon, PodCount, Rollout, Toleration } from '../../src/cdk8s';
import { validateDaemonSet } from '../../src/validation';

function synthOne(build: (chart: ReturnType<typeof Testing.chart>) => void): any {
  const chart = Testing.chart();
  build(chart);
  const objects = Testing.synth(chart);
  expect(objects).toHaveLength(1);
  return objects[0];
}

describe('NodeDaemon', () => {
  test('defaults', () => {
    // GIVEN only an image
    const daemonSet = synthOne((chart) => new NodeDaemon(chart, 'fluent-bit', { image: 'fluent/fluent-bit:3.2.0' }));

    // THEN the node-agent defaults are written out
    expect(daemonSet).toMatchSnapshot();
    expect(validateDaemonSet(daemonSet)).toEqual([]);
  });

  test('selects its pods by its name, not by construct path or hash', () => {
    const daemonSet = synthOne((chart) => new NodeDaemon(chart, 'fluent-bit', { image: 'fluent-bit' }));
    const identity = { 'app.kubernetes.io/name': 'fluent-bit', 'app.kubernetes.io/instance': 'fluent-bit' };
    expect(daemonSet.metadata.name).toBe('fluent-bit');
    expect(daemonSet.spec.selector).toEqual({ matchLabels: identity });
    expect(daemonSet.spec.template.metadata.labels).toEqual(identity);
  });

  test('the selector does not change when the construct moves', () => {
    const selectorUnder = (build: (chart: ReturnType<typeof Testing.chart>) => void) => synthOne(build).spec.selector;
    const flat = selectorUnder((chart) => new NodeDaemon(chart, 'agent', { image: 'agent' }));
    const nested = selectorUnder((chart) => {
      const group = new Construct(chart, 'observability');
      new NodeDaemon(group, 'agent', { image: 'agent' });
    });
    expect(nested).toEqual(flat);
  });

  test('adopts an existing DaemonSet by its selector labels', () => {
    const daemonSet = synthOne(
      (chart) => new NodeDaemon(chart, 'kube-proxy', { image: 'kube-proxy', selectorLabels: { 'k8s-app': 'kube-proxy' } }),
    );
    expect(daemonSet.spec.selector).toEqual({ matchLabels: { 'k8s-app': 'kube-proxy' } });
    expect(daemonSet.spec.template.metadata.labels).toEqual({ 'k8s-app': 'kube-proxy' });
  });

  test('writes no tolerations, so tainted nodes are skipped', () => {
    const daemonSet = synthOne((chart) => new NodeDaemon(chart, 'agent', { image: 'agent' }));
    expect(daemonSet.spec.template.spec.tolerations).toBeUndefined();
  });

  test('takes tolerations and a surge rollout', () => {
    const daemonSet = synthOne(
      (chart) =>
        new NodeDaemon(chart, 'agent', {
          image: 'agent',
          tolerations: [Toleration.everything()],
          rollout: Rollout.rollingUpdate({ maxSurge: PodCount.percent(25) }),
        }),
    );
    expect(daemonSet.spec.template.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(daemonSet.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
    });
  });

  test('uses the chart namespace unless one is given', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'agents', { namespace: 'observability' });
    new NodeDaemon(chart, 'a', { image: 'a' });
    new NodeDaemon(chart, 'b', { image: 'b', namespace: 'kube-system' });
    expect(Testing.synth(chart).map((o: any) => o.metadata.namespace)).toEqual(['observability', 'kube-system']);
  });

  describe('escape hatch', () => {
    test('ApiObject.of reaches the DaemonSet and JSON patches keep every field', () => {
      const chart = Testing.chart();
      const daemon = new NodeDaemon(chart, 'agent', { image: 'agent', hostPaths: { '/var/log': { mountPath: '/var/log' } } });
      ApiObject.of(daemon).addJsonPatch(JsonPatch.add('/spec/template/spec/shareProcessNamespace', true));
      const [daemonSet] = Testing.synth(chart);
      expect(daemonSet.spec.template.spec.shareProcessNamespace).toBe(true);
      expect(daemonSet.spec.template.spec.volumes).toEqual([{ name: 'host-var-log', hostPath: { path: '/var/log' } }]);
      expect(ApiObject.of(daemon)).toBe(daemon.apiObject);
    });

    test('a patch the API server would reject fails synthesis with its message', () => {
      const chart = Testing.chart();
      const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
      ApiObject.of(daemon).addJsonPatch(JsonPatch.replace('/spec/template/metadata/labels', { app: 'other' }));
      expect(() => Testing.synth(chart)).toThrow(
        /\[test\/agent\] spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`/,
      );
    });
  });

  describe('bad props', () => {
    test.each([
      ['an empty image', { image: '' }, /NodeDaemon 'test\/agent': image: is required/],
      [
        'surge beside maxUnavailable',
        { image: 'a', rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1), maxUnavailable: PodCount.absolute(1) }) },
        /NodeDaemon 'test\/agent': rollout\.maxSurge: cannot be combined with a non-zero maxUnavailable/,
      ],
      [
        'surge with a host port',
        { image: 'a', hostPorts: [9100], rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }) },
        /rollout\.maxSurge: cannot be used with host ports/,
      ],
      [
        'a percent above 100',
        { image: 'a', rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(150) }) },
        /rollout\.maxUnavailable: must be a whole percent from 0 to 100 \(got PodCount\.percent\(150\)\)/,
      ],
      [
        'a pod label that rewrites the selector',
        { image: 'a', podLabels: { 'app.kubernetes.io/name': 'other' } },
        /podLabels\["app\.kubernetes\.io\/name"\]: would change the selector label/,
      ],
      [
        'a negative revisionHistoryLimit',
        { image: 'a', revisionHistoryLimit: -1 },
        /revisionHistoryLimit \(spec\.revisionHistoryLimit\): Invalid value: -1: must be greater than or equal to 0/,
      ],
    ])('%s throws naming the construct path and the field', (_, props, message) => {
      const chart = Testing.chart();
      expect(() => new NodeDaemon(chart, 'agent', props)).toThrow(message);
    });

    test('an id that is no DaemonSet name asks for a name', () => {
      const chart = Testing.chart();
      expect(() => new NodeDaemon(chart, 'FluentBit', { image: 'a' })).toThrow(
        /NodeDaemon 'test\/FluentBit': name: "FluentBit" is not a valid DaemonSet name .*set name to a lowercase name/,
      );
      expect(() => new NodeDaemon(chart, 'FluentBit2', { image: 'a', name: 'fluent-bit' })).not.toThrow();
    });
  });
});
