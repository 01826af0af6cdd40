import * as pulumi from '@pulumi/pulumi';
import { MockHarness, settle } from './harness';
import { nodeDaemonManifest } from '../../src/daemon';
import { DaemonPropsError, MasterTolerant, NodeDaemon, NodeFilter, NodeFilteredDaemon, NodeFilteredDaemonArgs, PodCount, Rollout } from '../../src/pulumi';
import { daemonSetInputs } from '../../src/pulumi/daemon-set-inputs';
import { propsErrorOf } from '../daemon/props-error-of';

const harness = new MockHarness();
beforeAll(() => harness.install());

describe('bad args throw at construction, naming the component and the field', () => {
  test.each([
    [
      'a surge beside a host port',
      () => new NodeDaemon('agent', { image: 'busybox', hostPorts: [9100], rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }) }),
      "NodeDaemon 'agent'", 'rollout.maxSurge', /cannot be used with host ports/,
    ],
    [
      'a pod label that would change a selector label',
      () => new NodeDaemon('agent', { image: 'busybox', podLabels: { 'app.kubernetes.io/name': 'other' } }),
      "NodeDaemon 'agent'", 'podLabels["app.kubernetes.io/name"]', /would change the selector label/,
    ],
    [
      'no nodes',
      () => new NodeFilteredDaemon('agent', { image: 'busybox' } as NodeFilteredDaemonArgs),
      "NodeFilteredDaemon 'agent'", 'nodes', /is required/,
    ],
    [
      'a node filter that matches no node',
      () => new NodeFilteredDaemon('agent', { image: 'busybox', nodes: NodeFilter.notNamed() }),
      "NodeFilteredDaemon 'agent'", 'nodes', /matches no node/,
    ],
    [
      'a version that is not one',
      () => new MasterTolerant('agent', { image: 'busybox', kubernetesVersion: 'latest' }),
      "MasterTolerant 'agent'", 'kubernetesVersion', /must look like "1\.29"/,
    ],
    [
      'an empty image',
      () => new NodeDaemon('agent', { image: '' }),
      "NodeDaemon 'agent'", 'image', /is required/,
    ],
    [
      'an image with a trailing newline',
      () => new NodeDaemon('agent', { image: 'busybox\n' }),
      "NodeDaemon 'agent'", 'image', /leading or trailing whitespace/,
    ],
    [
      'a component name that is no DaemonSet name',
      () => new NodeDaemon('Agent_1', { image: 'busybox' }),
      "NodeDaemon 'Agent_1'", 'name', /set name to a lowercase name/,
    ],
    [
      'a namespace that is no namespace name',
      () => new NodeDaemon('agent', { image: 'busybox', namespace: 'Logging' }),
      "NodeDaemon 'agent'", 'namespace', /Logging/,
    ],
    [
      'a bad prop beside an output image, which is replaced by a stand-in until it resolves',
      () => new NodeDaemon('agent', { image: pulumi.output('busybox'), rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(150) }) }),
      "NodeDaemon 'agent'", 'rollout.maxUnavailable', /must be a whole percent from 0 to 100/,
    ],
    [
      'a bad prop beside an output namespace',
      () => new NodeDaemon('agent', { image: 'busybox', namespace: pulumi.output('logging'), minReadySeconds: -1 }),
      "NodeDaemon 'agent'", 'minReadySeconds', /must be greater than or equal to 0/,
    ],
  ])('%s', (_, construct, owner, field, message) => {
    const error = propsErrorOf(construct);
    expect(error.owner).toBe(owner);
    expect(error.problems.map((p) => p.field)).toEqual([field]);
    expect(error.problems[0].message).toMatch(message);
    const [{ path }] = error.problems;
    expect(error.message.startsWith(`${owner}: ${field}${path === undefined ? '' : ` (${path})`}: `)).toBe(true);
  });

  test('every problem is named at once', () => {
    const error = propsErrorOf(() => new NodeDaemon('agent', {
      image: ' ',
      podLabels: { 'app.kubernetes.io/instance': 'x' },
      rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(-1) }),
    }));
    expect(error.problems.map((p) => p.field)).toEqual(['image', 'rollout.maxSurge', 'podLabels["app.kubernetes.io/instance"]']);
  });

  test('a component that throws registers nothing', async () => {
    expect(() => new NodeDaemon('half', { image: 'busybox', hostPorts: [80], rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }) })).toThrow(DaemonPropsError);
    await settle();
    expect(harness.registrations.filter((r) => r.name === 'half')).toEqual([]);
  });
});

describe('an output image or namespace is checked when it resolves', () => {
  /** The value the DaemonSet args' image and namespace resolve to, or their error. */
  async function resolved(args: { image: pulumi.Input<string>; namespace?: pulumi.Input<string> }) {
    const inputs = daemonSetInputs("NodeDaemon 'agent'", 'agent', args, nodeDaemonManifest);
    const container = (inputs.args.spec as any).template.spec.containers[0];
    // Output#promise is how Pulumi's own tests read an output, rejections included. A failed
    // output also rejects isKnown and isSecret, which are handled here so that they do not fail
    // the test run as unhandled rejections.
    const settled = (input: pulumi.Input<unknown>) => {
      const output = pulumi.output(input) as any;
      output.isKnown.catch(() => undefined);
      output.isSecret.catch(() => undefined);
      return output.promise().then((value: unknown) => ({ value }), (error: Error) => ({ error: error.message }));
    };
    const namespace = await settled((inputs.args.metadata as any).namespace);
    expect(await settled(inputs.namespace)).toEqual(namespace);
    return { image: await settled(container.image), namespace };
  }

  test('a good image and namespace resolve as they are', async () => {
    expect(await resolved({ image: pulumi.output('busybox'), namespace: Promise.resolve('logging') })).toEqual({
      image: { value: 'busybox' },
      namespace: { value: 'logging' },
    });
  });

  test.each([
    ['an empty', '', /NodeDaemon 'agent': image: is required/],
    ['a padded', ' busybox:1.36', /NodeDaemon 'agent': image: must not have leading or trailing whitespace \(got " busybox:1\.36"\)/],
  ])('%s image fails with the error a plain string gets', async (_, image, message) => {
    const { image: result } = await resolved({ image: pulumi.output(image) });
    expect(result.error).toMatch(message);
    expect(() => new NodeDaemon('agent', { image })).toThrow(message);
  });

  test('a namespace that is no namespace name fails naming the field', async () => {
    const { namespace } = await resolved({ image: 'busybox', namespace: pulumi.output('Logging') });
    expect(namespace.error).toMatch(/NodeDaemon 'agent': namespace \(metadata\.namespace\): .*Logging/);
  });

  test('the stand-in never reaches the DaemonSet', async () => {
    const inputs = daemonSetInputs("NodeDaemon 'agent'", 'agent', { image: pulumi.output('busybox'), sidecars: [{ name: 'side', image: 'side:1' }] }, nodeDaemonManifest);
    const containers = (inputs.args.spec as any).template.spec.containers;
    expect(pulumi.Output.isInstance(containers[0].image)).toBe(true);
    expect(containers[1]).toEqual({ name: 'side', image: 'side:1' });
    expect(JSON.stringify(inputs.args.metadata)).not.toMatch(/invalid/);
  });
});
