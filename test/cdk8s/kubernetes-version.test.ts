/*
 * One Kubernetes version for a whole cdk8s app: the context key `everynode:kubernetesVersion`,
 * read by every everynode construct below the node it is set on, and overridden by a construct's
 * own `kubernetesVersion` prop. Every construct, at every boundary:
 * - control-plane taint names: kubeadm 1.24 adds node-role.kubernetes.io/control-plane beside
 *   node-role.kubernetes.io/master (`AddNewControlPlaneTaint`, cmd/kubeadm/app/phases/upgrade),
 *   1.25 removes master (`RemoveOldControlPlaneTaint`); DESIGN.md section 4;
 * - maxSurge: the DaemonSetUpdateSurge feature gate (pkg/features/kube_features.go) is alpha and
 *   off in 1.21, beta and on from 1.22, so 1.21's API server drops the field
 *   (`dropDaemonSetDisabledFields`) and `ValidateRollingUpdateDaemonSet` refuses maxUnavailable 0;
 * - internalTrafficPolicy: the ServiceInternalTrafficPolicy gate is alpha and off in 1.21, beta
 *   and on from 1.22 (GA 1.26); 1.21's API server drops the field and the Service routes cluster-wide.
 */
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  DaemonProps,
  DaemonServiceKind,
  DaemonVariants,
  MasterTolerant,
  NodeDaemon,
  NodeFilter,
  NodeFilteredDaemon,
  PodCount,
  Rollout,
  Toleration,
} from '../../src/cdk8s';
import { propsErrorOf } from '../daemon/props-error-of';

const CONTEXT_KEY = 'everynode:kubernetesVersion';
const CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
const MASTER = 'node-role.kubernetes.io/master';
const IMAGE = 'registry.example/agent:1.0';
const SURGE = Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) });
const PORTS = { ports: [{ name: 'metrics', containerPort: 9100 }] };

interface ConstructKind {
  readonly kind: string;
  /** Builds the construct; returns what `addService` is called on. */
  readonly make: (scope: Construct, props: DaemonProps) => { addService(kind: DaemonServiceKind): ApiObject };
  /** Props that make it tolerate the control plane: its own kind, or `Toleration.controlPlane()` given without a version. */
  readonly controlPlane: Partial<DaemonProps>;
}

const CONSTRUCTS: readonly ConstructKind[] = [
  { kind: 'NodeDaemon', make: (scope, props) => new NodeDaemon(scope, 'agent', props), controlPlane: { tolerations: Toleration.controlPlane() } },
  { kind: 'MasterTolerant', make: (scope, props) => new MasterTolerant(scope, 'agent', props), controlPlane: {} },
  {
    kind: 'NodeFilteredDaemon',
    make: (scope, props) => new NodeFilteredDaemon(scope, 'agent', { ...props, nodes: NodeFilter.linux() }),
    controlPlane: { tolerations: Toleration.controlPlane() },
  },
  {
    kind: 'DaemonVariants',
    make: (scope, props) => new DaemonVariants(scope, 'agent', { ...props, variants: [{ name: 'gpu', nodes: NodeFilter.gpu() }], defaultVariant: {} }),
    controlPlane: { tolerations: Toleration.controlPlane() },
  },
];

/** A chart in an app whose context sets the version, when one is given. */
function chartFor(version?: string): Chart {
  const app = Testing.app();
  if (version !== undefined) app.node.setContext(CONTEXT_KEY, version);
  return new Chart(app, 'agents');
}

function daemonSetsOf(chart: Chart): any[] {
  return Testing.synth(chart).filter((object) => object.kind === 'DaemonSet');
}

/** The control-plane taint keys each synthesized DaemonSet tolerates. */
function controlPlaneKeys(chart: Chart): string[][] {
  return daemonSetsOf(chart).map((daemonSet) =>
    (daemonSet.spec.template.spec.tolerations ?? []).map((t: any) => t.key).filter((key: string) => key === CONTROL_PLANE || key === MASTER),
  );
}

describe.each(CONSTRUCTS)('$kind', ({ kind, make, controlPlane }) => {
  describe('control-plane taint names follow the app version', () => {
    test.each([
      ['1.23', [MASTER]],
      ['1.24', [CONTROL_PLANE, MASTER]],
      ['1.25', [CONTROL_PLANE]],
      ['v1.31.2', [CONTROL_PLANE]],
    ])('%s tolerates %j', (version, keys) => {
      const chart = chartFor(version);
      make(chart, { image: IMAGE, ...controlPlane });
      const found = controlPlaneKeys(chart);
      expect(found.length).toBeGreaterThan(0);
      for (const daemonSetKeys of found) expect(daemonSetKeys).toEqual(keys);
    });

    test('without a version, both names', () => {
      const chart = chartFor();
      make(chart, { image: IMAGE, ...controlPlane });
      for (const daemonSetKeys of controlPlaneKeys(chart)) expect(daemonSetKeys).toEqual([CONTROL_PLANE, MASTER]);
    });

    test('the construct\'s own kubernetesVersion wins over the app\'s', () => {
      const chart = chartFor('1.23');
      make(chart, { image: IMAGE, ...controlPlane, kubernetesVersion: '1.25' });
      for (const daemonSetKeys of controlPlaneKeys(chart)) expect(daemonSetKeys).toEqual([CONTROL_PLANE]);
    });
  });

  describe('maxSurge', () => {
    test('1.21 refuses it, naming the construct path, the prop and the version', () => {
      const error = propsErrorOf(() => make(chartFor('1.21'), { image: IMAGE, rollout: SURGE }));
      expect(error.message).toMatch(new RegExp(`^${kind} 'agents/agent`));
      expect(error.problems.map((p) => p.field)).toContain('rollout.maxSurge');
      expect(error.message).toMatch(/rollout\.maxSurge \(spec\.updateStrategy\.rollingUpdate\.maxSurge\): Forbidden: needs Kubernetes 1\.22 or later, and the target is 1\.21/);
    });

    test('1.22 accepts it', () => {
      const chart = chartFor('1.22');
      make(chart, { image: IMAGE, rollout: SURGE });
      for (const daemonSet of daemonSetsOf(chart)) expect(daemonSet.spec.updateStrategy.rollingUpdate).toEqual({ maxUnavailable: 0, maxSurge: 1 });
    });

    test('a construct\'s 1.22 overrides the app\'s 1.21', () => {
      const chart = chartFor('1.21');
      make(chart, { image: IMAGE, rollout: SURGE, kubernetesVersion: '1.22' });
      expect(daemonSetsOf(chart).length).toBeGreaterThan(0);
    });
  });

  describe('a node-local Service (internalTrafficPolicy)', () => {
    test('1.21 refuses it, naming the construct path, the option and the version', () => {
      const daemon = make(chartFor('1.21'), { image: IMAGE, ...PORTS });
      const error = propsErrorOf(() => daemon.addService(DaemonServiceKind.NODE_LOCAL));
      expect(error.message).toMatch(new RegExp(`^${kind} 'agents/agent' node-local Service: kind: DaemonServiceKind.NODE_LOCAL sets spec.internalTrafficPolicy, which needs Kubernetes 1\\.22 or later, and the target is 1\\.21`));
    });

    test('1.21 still makes the other kinds', () => {
      const daemon = make(chartFor('1.21'), { image: IMAGE, ...PORTS });
      expect(daemon.addService(DaemonServiceKind.CLUSTER).toJson().spec.internalTrafficPolicy).toBeUndefined();
    });

    test('1.22 accepts it', () => {
      const daemon = make(chartFor('1.22'), { image: IMAGE, ...PORTS });
      expect(daemon.addService(DaemonServiceKind.NODE_LOCAL).toJson().spec.internalTrafficPolicy).toBe('Local');
    });
  });
});

describe('the context', () => {
  test('set on a chart reaches the constructs in it only', () => {
    const app = Testing.app();
    const old = new Chart(app, 'old');
    old.node.setContext(CONTEXT_KEY, '1.23');
    const current = new Chart(app, 'current');
    new MasterTolerant(old, 'old-agent', { image: IMAGE });
    new MasterTolerant(current, 'agent', { image: IMAGE });
    expect(controlPlaneKeys(old)).toEqual([[MASTER]]);
    expect(controlPlaneKeys(current)).toEqual([[CONTROL_PLANE, MASTER]]);
  });

  test('given to the App at construction', () => {
    const app = new App({ outdir: Testing.app().outdir });
    app.node.setContext(CONTEXT_KEY, '1.25');
    const chart = new Chart(app, 'agents');
    new MasterTolerant(chart, 'agent', { image: IMAGE });
    expect(controlPlaneKeys(chart)).toEqual([[CONTROL_PLANE]]);
  });

  test.each([
    ['latest', 'must look like "1.29" or "v1.29.3" (got "latest")'],
    [1.3, 'must be a string such as "1.29", not the number 1.3'],
  ])('a value that is no version (%j) is refused, naming the construct, the prop and the context key', (value, problem) => {
    const app = Testing.app();
    app.node.setContext(CONTEXT_KEY, value);
    const chart = new Chart(app, 'agents');
    expect(propsErrorOf(() => new NodeDaemon(chart, 'agent', { image: IMAGE })).message).toBe(
      `NodeDaemon 'agents/agent': kubernetesVersion: the context value everynode:kubernetesVersion ${problem}`,
    );
  });

  test('a JSON patch that adds a surge fails synthesis for 1.21', () => {
    const chart = chartFor('1.21');
    const daemon = new NodeDaemon(chart, 'agent', { image: IMAGE });
    ApiObject.of(daemon).addJsonPatch(
      JsonPatch.replace('/spec/updateStrategy/rollingUpdate/maxUnavailable', 0),
      JsonPatch.replace('/spec/updateStrategy/rollingUpdate/maxSurge', 1),
    );
    expect(() => Testing.synth(chart)).toThrow(
      /\[agents\/agent\] spec\.updateStrategy\.rollingUpdate\.maxSurge: Forbidden: needs Kubernetes 1\.22 or later, and the target is 1\.21/,
    );
  });
});
