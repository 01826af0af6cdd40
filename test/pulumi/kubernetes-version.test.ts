/*
 * One Kubernetes version for a whole Pulumi program: the stack config `everynode:kubernetesVersion`
 * (`pulumi config set everynode:kubernetesVersion 1.29`), read by every everynode component, and
 * overridden by a component's own `kubernetesVersion` arg. The boundaries and their upstream
 * sources are those of test/cdk8s/kubernetes-version.test.ts: kubeadm's control-plane taint rename
 * (1.24 both, 1.25 control-plane only), the DaemonSetUpdateSurge and ServiceInternalTrafficPolicy
 * feature gates (alpha and off in 1.21, on from 1.22).
 */
import * as pulumi from '@pulumi/pulumi';
import { MockHarness, settle } from './harness';
import {
  DaemonArgs,
  DaemonServiceKind,
  DaemonVariants,
  MasterTolerant,
  NodeDaemon,
  NodeFilter,
  NodeFilteredDaemon,
  PodCount,
  Rollout,
  Toleration,
} from '../../src/pulumi';
import { propsErrorOf } from '../daemon/props-error-of';

const harness = new MockHarness();
beforeAll(() => harness.install());
afterEach(() => pulumi.runtime.setAllConfig({}));

const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const MASTER = 'node-role.kubernetes.io/master';
const IMAGE = 'registry.example/agent:1.0';
const SURGE = Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) });
const PORTS = { ports: [{ name: 'metrics', containerPort: 9100 }] };

interface ComponentKind {
  readonly kind: string;
  readonly make: (name: string, args: DaemonArgs) => { addService(kind: DaemonServiceKind): unknown };
  readonly controlPlane: Partial<DaemonArgs>;
}

const COMPONENTS: readonly ComponentKind[] = [
  { kind: 'NodeDaemon', make: (name, args) => new NodeDaemon(name, args), controlPlane: { tolerations: Toleration.controlPlane() } },
  { kind: 'MasterTolerant', make: (name, args) => new MasterTolerant(name, args), controlPlane: {} },
  {
    kind: 'NodeFilteredDaemon',
    make: (name, args) => new NodeFilteredDaemon(name, { ...args, nodes: NodeFilter.linux() }),
    controlPlane: { tolerations: Toleration.controlPlane() },
  },
  {
    kind: 'DaemonVariants',
    make: (name, args) => new DaemonVariants(name, { ...args, variants: [{ name: 'gpu', nodes: NodeFilter.gpu() }], defaultVariant: {} }),
    controlPlane: { tolerations: Toleration.controlPlane() },
  },
];

let counter = 0;
/** A name no other test registers. */
function unique(kind: string): string {
  return `${kind.toLowerCase()}-${++counter}`;
}

function stackVersion(version: string | undefined): void {
  pulumi.runtime.setAllConfig(version === undefined ? {} : { 'everynode:kubernetesVersion': version });
}

/** The registered DaemonSets whose names start with `name`, after the registrations settled. */
async function daemonSetsNamed(name: string): Promise<any[]> {
  await settle();
  return harness.ofType('kubernetes:apps/v1:DaemonSet').filter((r) => r.name === name || r.name.startsWith(`${name}-`)).map((r) => r.inputs);
}

async function controlPlaneKeys(name: string): Promise<string[][]> {
  return (await daemonSetsNamed(name)).map((daemonSet) =>
    (daemonSet.spec.template.spec.tolerations ?? []).map((t: any) => t.key).filter((key: string) => key === CONTROL_PLANE || key === MASTER),
  );
}

describe.each(COMPONENTS)('$kind', ({ kind, make, controlPlane }) => {
  describe('control-plane taint names follow the stack config', () => {
    test.each([
      ['1.23', [MASTER]],
      ['1.24', [CONTROL_PLANE, MASTER]],
      ['1.25', [CONTROL_PLANE]],
      ['v1.31.2', [CONTROL_PLANE]],
      [undefined, [CONTROL_PLANE, MASTER]],
    ])('%s tolerates %j', async (version, keys) => {
      stackVersion(version);
      const name = unique(kind);
      make(name, { image: IMAGE, ...controlPlane });
      const found = await controlPlaneKeys(name);
      expect(found.length).toBeGreaterThan(0);
      for (const daemonSetKeys of found) expect(daemonSetKeys).toEqual(keys);
    });

    test('the component\'s own kubernetesVersion wins over the stack\'s', async () => {
      stackVersion('1.23');
      const name = unique(kind);
      make(name, { image: IMAGE, ...controlPlane, kubernetesVersion: '1.25' });
      for (const daemonSetKeys of await controlPlaneKeys(name)) expect(daemonSetKeys).toEqual([CONTROL_PLANE]);
    });
  });

  describe('maxSurge', () => {
    test('1.21 refuses it at construction, naming the component, the prop and the version', () => {
      stackVersion('1.21');
      const name = unique(kind);
      const error = propsErrorOf(() => make(name, { image: IMAGE, rollout: SURGE }));
      expect(error.message).toMatch(new RegExp(`^${kind} '${name}'`));
      expect(error.message).toMatch(/rollout\.maxSurge \(spec\.updateStrategy\.rollingUpdate\.maxSurge\): Forbidden: needs Kubernetes 1\.22 or later, and the target is 1\.21/);
    });

    test('1.22 accepts it', async () => {
      stackVersion('1.22');
      const name = unique(kind);
      make(name, { image: IMAGE, rollout: SURGE });
      const daemonSets = await daemonSetsNamed(name);
      expect(daemonSets.length).toBeGreaterThan(0);
      for (const daemonSet of daemonSets) expect(daemonSet.spec.updateStrategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
    });

    test('a component\'s 1.22 overrides the stack\'s 1.21', () => {
      stackVersion('1.21');
      expect(() => make(unique(kind), { image: IMAGE, rollout: SURGE, kubernetesVersion: '1.22' })).not.toThrow();
    });
  });

  describe('a node-local Service (internalTrafficPolicy)', () => {
    test('1.21 refuses it, naming the component, the option and the version', () => {
      stackVersion('1.21');
      const name = unique(kind);
      const daemon = make(name, { image: IMAGE, ...PORTS });
      expect(propsErrorOf(() => daemon.addService(DaemonServiceKind.NODE_LOCAL)).message).toMatch(
        new RegExp(`^${kind} '${name}' node-local Service: kind: DaemonServiceKind.NODE_LOCAL sets spec.internalTrafficPolicy, which needs Kubernetes 1\\.22`),
      );
    });

    test('1.22 accepts it', async () => {
      stackVersion('1.22');
      const name = unique(kind);
      make(name, { image: IMAGE, ...PORTS }).addService(DaemonServiceKind.NODE_LOCAL);
      await settle();
      const [service] = harness.ofType('kubernetes:core/v1:Service').filter((r) => r.name === `${name}-local`);
      expect(service.inputs.spec.internalTrafficPolicy).toBe('Local');
    });
  });
});

describe('the stack config', () => {
  test('a value that is no version is refused, naming the component, the prop and the config key', () => {
    stackVersion('latest');
    expect(propsErrorOf(() => new NodeDaemon('agent-bad-config', { image: IMAGE })).message).toBe(
      'NodeDaemon \'agent-bad-config\': kubernetesVersion: the stack config value everynode:kubernetesVersion must look like "1.29" or "v1.29.3" (got "latest")',
    );
  });

  test('a bad version in the args names the prop alone', () => {
    expect(propsErrorOf(() => new MasterTolerant('agent-bad-arg', { image: IMAGE, kubernetesVersion: 'next' })).message).toBe(
      'MasterTolerant \'agent-bad-arg\': kubernetesVersion: must look like "1.29" or "v1.29.3" (got "next")',
    );
  });
});
