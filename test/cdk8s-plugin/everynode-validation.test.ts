/*
 * EverynodeValidation as the cdk8s CLI drives it (cdk8s-cli lib/plugins/validation.js): constructed
 * with the `properties` of its cdk8s.yaml entry, handed the synthesized manifests' paths and a
 * report to fill, which it must submit. The report here records what the plugin hands it, as the
 * CLI's own ValidationReport does; test/packaging/cdk8s-synth.test.ts runs the real CLI.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EverynodeValidation, EverynodeValidationProps, SynthValidationContext, SynthViolation } from '../../src';

interface RecordedReport {
  readonly violations: SynthViolation[];
  status?: 'success' | 'failure';
  metadata?: { readonly [key: string]: string };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-plugin-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a file of the scratch directory and returns its path. */
function write(name: string, objects: readonly object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, objects.map((object) => JSON.stringify(object)).join('\n---\n'));
  return file;
}

async function validate(properties: EverynodeValidationProps, manifests: readonly string[]): Promise<RecordedReport> {
  const recorded: RecordedReport = { violations: [] };
  const context: SynthValidationContext = {
    manifests,
    report: {
      addViolation: (violation) => {
        if (recorded.status) throw new Error('a violation was added after the report was submitted');
        recorded.violations.push(violation);
      },
      submit: (status, metadata) => {
        recorded.status = status;
        recorded.metadata = metadata;
      },
    },
  };
  await new EverynodeValidation(properties).validate(context);
  return recorded;
}

const ruleNames = (report: RecordedReport) => report.violations.map((v) => v.ruleName);

interface DaemonSetOptions {
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly rollingUpdate?: object;
  readonly tolerations?: object[];
  readonly nodeSelector?: Record<string, string>;
  readonly hostPort?: number;
  readonly extraSpec?: object;
}

function daemonSet(name: string, options: DaemonSetOptions = {}): object {
  const container: Record<string, unknown> = { name: 'agent', image: 'registry.example/agent:1.0' };
  if (options.hostPort !== undefined) container.ports = [{ containerPort: options.hostPort, hostPort: options.hostPort }];
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: options.namespace ?? 'observability', labels: options.labels },
    spec: {
      selector: { matchLabels: { app: name } },
      ...(options.rollingUpdate ? { updateStrategy: { type: 'RollingUpdate', rollingUpdate: options.rollingUpdate } } : {}),
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [container], tolerations: options.tolerations, nodeSelector: options.nodeSelector },
      },
      ...options.extraSpec,
    },
  };
}

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
const NODES = [
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'cp-1', labels: { 'kubernetes.io/os': 'linux' } }, spec: { taints: [CONTROL_PLANE_TAINT] } },
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: { 'kubernetes.io/os': 'linux', 'gpu': 'true' } } },
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-2', labels: { 'kubernetes.io/os': 'linux' } } },
];

function inventory(): string {
  return write('nodes.yaml', [{ apiVersion: 'v1', kind: 'List', items: NODES }]);
}

describe('the API server rules, on any DaemonSet (ValidateDaemonSet in pkg/apis/apps/validation)', () => {
  test('GIVEN maxSurge without maxUnavailable: 0 THEN the synth fails, naming the field, the object and the fix (ValidateRollingUpdateDaemonSet)', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent', { rollingUpdate: { maxSurge: 1 } })]);
    const report = await validate({}, [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations).toEqual([{
      ruleName: 'RejectedByApiServer',
      recommendation: 'The API server rejects DaemonSet observability/log-agent (kubectl apply fails): ' +
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
      fix: 'Set maxUnavailable: 0 beside maxSurge (maxUnavailable defaults to 1, and only one of the two may be non-zero), or drop maxSurge.',
      violatingResources: [{ resourceName: 'log-agent', locations: ['spec.updateStrategy.rollingUpdate.maxSurge'], manifestPath: manifest }],
    }]);
  });

  test('GIVEN a valid DaemonSet among other kinds THEN the report passes with no violation and counts the DaemonSets', async () => {
    const manifest = write('app.k8s.yaml', [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { a: 'b' } },
      daemonSet('log-agent', { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }),
    ]);
    const report = await validate({}, [manifest]);
    expect(report).toEqual({
      violations: [],
      status: 'success',
      metadata: { 'DaemonSets checked': '1', 'Nodes': 'no inventory: placement not checked', 'Violations that fail the synth': '0' },
    });
  });

  test('an error with no dedicated fix gets the one its type calls for (Required: set the field)', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent', { extraSpec: { selector: undefined } })]);
    const report = await validate({}, [manifest]);
    expect(report.violations).toContainEqual(expect.objectContaining({
      ruleName: 'RejectedByApiServer',
      fix: 'Set spec.selector.',
      violatingResources: [expect.objectContaining({ locations: ['spec.selector'] })],
    }));
  });

  test('kubernetesVersion: a field the target API server drops is an error (maxSurge before 1.22)', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent', { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } })]);
    expect((await validate({}, [manifest])).status).toBe('success');
    const report = await validate({ kubernetesVersion: '1.21' }, [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations[0].violatingResources[0].locations).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge']);
  });

  test('warnings are listed as `warning:` rules in a passing report, and fail it with strict: true', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent', { extraSpec: { replicas: 3 } })]);
    const lenient = await validate({}, [manifest]);
    expect(lenient.status).toBe('success');
    expect(ruleNames(lenient)).toEqual(['warning: UnknownField']);
    expect(lenient.violations[0].violatingResources[0].locations).toEqual(['spec.replicas']);
    const strict = await validate({ strict: true }, [manifest]);
    expect(strict.status).toBe('failure');
    expect(ruleNames(strict)).toEqual(['UnknownField']);
  });
});

describe('app-wide checks', () => {
  test('a DaemonSet whose selector matches the pods of a Deployment: SelectorCollision fails, naming both objects', async () => {
    const manifest = write('app.k8s.yaml', [
      daemonSet('agent'),
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'observability' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
        },
      },
    ]);
    const report = await validate({}, [manifest]);
    expect(report.status).toBe('failure');
    expect(ruleNames(report)).toEqual(['SelectorCollision']);
    expect(report.violations[0].violatingResources.map((r) => r.resourceName)).toEqual(['agent', 'web']);
    expect(report.violations[0].recommendation).toMatch(/^DaemonSet observability\/agent selects the pods of Deployment observability\/web/);
  });

  test('the same DaemonSet in two manifests: a DuplicateObject warning names both files', async () => {
    const first = write('a.k8s.yaml', [daemonSet('agent')]);
    const second = write('b.k8s.yaml', [daemonSet('agent')]);
    const report = await validate({}, [first, second]);
    expect(report.status).toBe('success');
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => r.manifestPath)])).toEqual([
      ['warning: DuplicateObject', [first, second]],
    ]);
  });
});

describe('placement, with an inventory', () => {
  test('GIVEN everyNode names a DaemonSet the control-plane taint keeps off cp-1 THEN the synth fails with cp-1 and its reason', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent')]);
    const report = await validate({ inventory: inventory(), expectations: { everyNode: ['log-agent'] } }, [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations).toEqual([{
      ruleName: 'expectations.everyNode',
      recommendation: 'expected observability/log-agent on every node, but it runs on 2 of 3: no new pod on cp-1 ' +
        '(taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated)',
      fix: 'Tolerate the taints and widen the node filters the reasons name, or drop the DaemonSet from expectations.everyNode.',
      violatingResources: [{
        resourceName: 'log-agent',
        locations: ['node cp-1: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated'],
        manifestPath: manifest,
      }],
    }]);
    expect(report.metadata?.Nodes).toBe('3');
  });

  test('GIVEN the DaemonSet tolerates the taint THEN everyNode holds and the report passes', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent', { tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists', effect: 'NoSchedule' }] })]);
    const report = await validate({ inventory: inventory(), expectations: { everyNode: ['observability/log-agent'] } }, [manifest]);
    expect([report.status, report.violations]).toEqual(['success', []]);
  });

  test('nodes: exactly these nodes, in any order; a node it also runs on and a node of the list it skips both fail', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('gpu-plugin', { nodeSelector: { gpu: 'true' } })]);
    const props = (nodes: string[]) => ({ inventory: inventory(), expectations: { nodes: { 'gpu-plugin': nodes } } });
    expect((await validate(props(['worker-1']), [manifest])).status).toBe('success');

    const report = await validate(props(['worker-2']), [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations[0].ruleName).toBe('expectations.nodes');
    expect(report.violations[0].recommendation).toBe(
      'expected observability/gpu-plugin on exactly worker-2, but no new pod on worker-2 (nodeSelector gpu=true not matched (absent)); ' +
      'it also runs on worker-1',
    );
    expect(report.violations[0].violatingResources[0].locations).toEqual([
      'node worker-1: runs a pod',
      'node worker-2: nodeSelector gpu=true not matched (absent)',
    ]);
  });

  test('an expectation that names no DaemonSet of the manifests fails with no resource and says what to correct', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('log-agent')]);
    const report = await validate({ inventory: inventory(), expectations: { everyNode: ['kube-system/fluent-bit'] } }, [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations).toEqual([{
      ruleName: 'expectations.everyNode',
      recommendation: 'expected DaemonSet kube-system/fluent-bit on every node, but the manifests hold no DaemonSet kube-system/fluent-bit',
      fix: "Add the DaemonSet, or correct 'kube-system/fluent-bit' in expectations.everyNode.",
      violatingResources: [],
    }]);
  });

  test('advisories are listed per DaemonSet and code, a node a location, and fail the synth only with failOnAdvisories', async () => {
    const manifest = write('app.k8s.yaml', [daemonSet('a', { hostPort: 9100 }), daemonSet('b', { hostPort: 9100 })]);
    const listed = await validate({ inventory: inventory() }, [manifest]);
    expect(listed.status).toBe('success');
    expect(listed.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => [r.resourceName, r.locations])])).toEqual([
      ['advisory: HostPortConflict', [['a', ['node worker-1: host port 9100/TCP is also wanted by observability/b', 'node worker-2: host port 9100/TCP is also wanted by observability/b']]]],
      ['advisory: HostPortConflict', [['b', ['node worker-1: host port 9100/TCP is also wanted by observability/a', 'node worker-2: host port 9100/TCP is also wanted by observability/a']]]],
    ]);
    const failing = await validate({ inventory: inventory(), failOnAdvisories: true }, [manifest]);
    expect(failing.status).toBe('failure');
    expect(ruleNames(failing)).toEqual(['HostPortConflict', 'HostPortConflict']);
  });

  test('a variant family running two variants on a node and none on another: VariantOverlap and VariantGap fail; so does exactlyOnce of a missing family', async () => {
    const family = (variant: string) => ({ 'everynode.io/family': 'node-agent', 'everynode.io/variant': variant });
    const manifest = write('app.k8s.yaml', [
      daemonSet('node-agent-default', { labels: family('default') }),
      daemonSet('node-agent-gpu', { labels: family('gpu'), nodeSelector: { gpu: 'true' } }),
    ]);
    const report = await validate({ inventory: inventory(), expectations: { exactlyOnce: ['node-agent', 'log-agent'] } }, [manifest]);
    expect(report.status).toBe('failure');
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources.map((r) => [r.resourceName, r.locations])])).toEqual([
      ['expectations.exactlyOnce', []],
      ['VariantOverlap', [['node-agent-default', ['node worker-1']], ['node-agent-gpu', ['node worker-1']]]],
      // Neither variant tolerates the control-plane taint, and the family has a default.
      ['VariantGap', [['node-agent-default', ['node cp-1']], ['node-agent-gpu', ['node cp-1']]]],
    ]);
    expect(report.violations[0].recommendation).toMatch(/^expected family log-agent to run exactly once on every node, but the manifests hold no DaemonSet labelled/);
  });
});

describe('properties: one line naming the property', () => {
  const construct = (properties: unknown) => () => new EverynodeValidation(properties as EverynodeValidationProps);

  test.each([
    [{ inventry: 'nodes.yaml' }, 'properties.inventry: unknown property (expected one of inventory, expectations, kubernetesVersion, failOnAdvisories, strict)'],
    [{ expectations: { everyNod: ['a'] } }, 'properties.expectations.everyNod: unknown property (expected one of everyNode, nodes, exactlyOnce)'],
    [{ expectations: { everyNode: ['a'] } }, 'properties.expectations: needs properties.inventory: where DaemonSets run depends on the nodes'],
    [{ expectations: { everyNode: 'a' } }, 'properties.expectations.everyNode: needs a list of NAME or NAMESPACE/NAME (got string "a")'],
    [{ expectations: { exactlyOnce: ['a/b/c'] } }, 'properties.expectations.exactlyOnce[0]: needs NAME or NAMESPACE/NAME (got string "a/b/c")'],
    [{ expectations: { nodes: { agent: 'gpu-1' } } }, 'properties.expectations.nodes.agent: needs a list of node names (got string "gpu-1")'],
    [{ inventory: 3 }, 'properties.inventory: needs the path of a node inventory (got number 3)'],
    [{ strict: 'yes' }, 'properties.strict: needs true or false (got string "yes")'],
    [{ kubernetesVersion: 1.3 }, 'properties.kubernetesVersion: must be a string such as "1.29", not the number 1.3'],
    [['inventory'], 'properties.: needs a map (got a list)'],
  ])('%j', (properties, message) => {
    expect(construct(properties)).toThrow(`everynode validation plugin: ${message}`);
  });

  test('a missing inventory file names the property, the file and the directory it is relative to', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(construct({ inventory: 'nodes.yaml' })).toThrow(
        `everynode validation plugin: properties.inventory: nodes.yaml: cannot read the inventory (ENOENT) (relative to ${fs.realpathSync(dir)}, where cdk8s synth runs)`,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  test('the error the CLI prints (its `stack`) is one line', () => {
    let error: Error | undefined;
    try {
      construct({ inventry: 'nodes.yaml' })();
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(error?.stack?.split('\n')).toHaveLength(1);
  });

  test('a key named __proto__ in cdk8s.yaml is an unknown property, not a prototype', () => {
    expect(construct(JSON.parse('{"__proto__": {"strict": true}}'))).toThrow('properties.__proto__: unknown property');
  });
});
