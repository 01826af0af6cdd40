/*
 * everynode as a validation plugin of the real cdk8s CLI: a scratch cdk8s app with the packed
 * library, cdk8s, constructs and cdk8s-cli installed from the npm registry, whose cdk8s.yaml names
 * `EverynodeValidation` through a local path, as during development. `cdk8s synth` must fail on
 * a DaemonSet the API server rejects and on a missed placement expectation, naming the construct
 * paths, and pass once both are fixed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isolatedEnv, packedLibrary, removePackedLibrary, ROOT, runAsync, SETUP_TIMEOUT } from './package';

jest.setTimeout(3 * 60 * 1000);

/** The cdk8s CLI the test drives: the version whose plugin loader (lib/plugins/_manager.js) was read. */
const CDK8S_CLI = 'cdk8s-cli@2.207.60';
const REPORT_FILE = 'validation-report.json';

let tarball: string | undefined;
let app: string | undefined;
/** A project with nothing but everynode: the CLI loads the plugin from the main entry, where cdk8s may be absent. */
let bare: string | undefined;

/** `name@version` as package-lock.json pins it, so the install comes from the npm cache. */
function pinned(name: 'cdk8s' | 'constructs'): string {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
  return `${name}@${lock.packages[`node_modules/${name}`].version}`;
}

/** The app: a plain ApiObject DaemonSet (not everynode's) and everynode's NodeDaemon. */
function appSource(fixed: boolean): string {
  const rollingUpdate = fixed ? '{ maxSurge: 1, maxUnavailable: 0 }' : '{ maxSurge: 1 }';
  const daemon = fixed ? 'MasterTolerant' : 'NodeDaemon';
  return `
const { ApiObject, App, Chart } = require('cdk8s');
const { MasterTolerant, NodeDaemon } = require('everynode/cdk8s');

const app = new App();
const chart = new Chart(app, 'agents', { namespace: 'observability' });
new ApiObject(chart, 'log-agent', {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'log-agent' },
  spec: {
    selector: { matchLabels: { app: 'log-agent' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: ${rollingUpdate} },
    template: {
      metadata: { labels: { app: 'log-agent' } },
      spec: { containers: [{ name: 'fluent-bit', image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0' }] },
    },
  },
});
new ${daemon}(chart, 'node-exporter', { image: 'quay.io/prometheus/node-exporter:v1.8.2' });
app.synth();
`;
}

const INVENTORY = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Node
    metadata: { name: cp-1, labels: { kubernetes.io/os: linux } }
    spec: { taints: [ { key: node-role.kubernetes.io/control-plane, effect: NoSchedule } ] }
  - apiVersion: v1
    kind: Node
    metadata: { name: worker-1, labels: { kubernetes.io/os: linux } }
`;

function cdk8sYaml(version: string, properties: string): string {
  return `app: node main.js
validations:
  - package: ./node_modules/everynode
    version: ${version}
    class: EverynodeValidation
    properties:
${properties}
`;
}

const PROPERTIES = `      inventory: nodes.yaml
      expectations:
        everyNode: [observability/node-exporter]
`;

/** A violation of the JSON report the CLI writes (`--validation-reports-output-file`). */
interface ReportedViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingConstructs: ReadonlyArray<{
    readonly constructPath?: string;
    readonly resourceName: string;
    readonly locations: readonly string[];
  }>;
}

interface Synth {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly report?: {
    readonly reports: ReadonlyArray<{ readonly summary: { readonly status: string }; readonly violations: readonly ReportedViolation[] }>;
  };
}

/** Writes the app and its cdk8s.yaml, runs `cdk8s synth`, and reads the JSON report it wrote. */
function synth(fixed: boolean, properties = PROPERTIES): Synth {
  if (!app) throw new Error('the app was not installed (see the beforeAll error above)');
  const version = (JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'everynode', 'package.json'), 'utf8')) as { version: string }).version;
  fs.writeFileSync(path.join(app, 'main.js'), appSource(fixed));
  fs.writeFileSync(path.join(app, 'cdk8s.yaml'), cdk8sYaml(version, properties));
  fs.rmSync(path.join(app, REPORT_FILE), { force: true });
  const result = spawnSync(
    process.execPath,
    [path.join(app, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s'), 'synth', '--no-check-upgrade', '--validation-reports-output-file', REPORT_FILE],
    { cwd: app, env: isolatedEnv(), encoding: 'utf8', timeout: 2 * 60 * 1000 },
  );
  if (result.error) throw result.error;
  const reportPath = path.join(app, REPORT_FILE);
  const report = fs.existsSync(reportPath) ? JSON.parse(fs.readFileSync(reportPath, 'utf8')) : undefined;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, report };
}

beforeAll(async () => {
  tarball = packedLibrary();
  // realpath: on macOS the temp dir is a symlink, and node reports resolved paths.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-cdk8s-synth-')));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch-cdk8s-app', private: true }, undefined, 2));
  fs.writeFileSync(path.join(dir, 'nodes.yaml'), INVENTORY);
  await runAsync('npm', [
    'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock',
    '--prefix', dir, tarball, pinned('cdk8s'), pinned('constructs'), CDK8S_CLI,
  ], dir);
  app = dir;
  bare = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-plugin-bare-')));
  fs.writeFileSync(path.join(bare, 'package.json'), JSON.stringify({ name: 'scratch-bare', private: true }, undefined, 2));
  await runAsync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--prefix', bare, tarball], bare);
}, SETUP_TIMEOUT);

afterAll(() => {
  for (const dir of [app, bare]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (tarball) removePackedLibrary(tarball);
});

describe('cdk8s synth with EverynodeValidation in cdk8s.yaml', () => {
  test('GIVEN a maxSurge the API server rejects and a DaemonSet off the control plane THEN the synth fails, naming both constructs', () => {
    const result = synth(false);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Validation failed');
    const [report] = result.report!.reports;
    expect(report.summary.status).toBe('failure');
    expect(report.violations.map((v) => ({
      rule: v.ruleName,
      constructs: v.violatingConstructs.map((c) => ({ path: c.constructPath, name: c.resourceName, locations: c.locations })),
    }))).toEqual([
      {
        rule: 'RejectedByApiServer',
        constructs: [{ path: 'agents/log-agent', name: 'log-agent', locations: ['spec.updateStrategy.rollingUpdate.maxSurge'] }],
      },
      {
        rule: 'expectations.everyNode',
        constructs: [{
          // everynode's constructs wrap one ApiObject, their `Resource`.
          path: 'agents/node-exporter/Resource',
          name: 'node-exporter',
          locations: ['node cp-1: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated'],
        }],
      },
    ]);
    expect(report.violations[0].fix).toContain('Set maxUnavailable: 0 beside maxSurge');
    // What a user reads in the terminal: the CLI's table, with the construct paths.
    expect(result.stdout).toContain('Construct Path: agents/log-agent\n');
    expect(result.stdout).toContain('Construct Path: agents/node-exporter/Resource\n');
    expect(result.stdout).toContain('Recommendation: expected observability/node-exporter on every node, but it runs on 1 of 2: no new pod on cp-1');
  });

  test('GIVEN both fixed (maxUnavailable: 0, MasterTolerant) THEN the synth passes with an empty report', () => {
    const result = synth(true);
    expect([result.status, result.stderr]).toEqual([0, expect.not.stringContaining('Validation failed')]);
    const [report] = result.report!.reports;
    expect(report.summary.status).toBe('success');
    expect(report.violations).toEqual([]);
    expect(result.stdout).toContain('Validations ended succesfully');
  });

  test('GIVEN an unknown property THEN the synth stops with one line naming it, before checking anything', () => {
    const result = synth(true, '      inventory: nodes.yaml\n      expectation: {}\n');
    expect(result.status).not.toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.includes('everynode'));
    expect(lines).toEqual([
      expect.stringContaining('everynode validation plugin: properties.expectation: unknown property ' +
        '(expected one of inventory, expectations, kubernetesVersion, failOnAdvisories, strict)'),
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.report).toBeUndefined();
  });
});

test('the plugin class loads from the main entry and checks a manifest with neither cdk8s nor constructs installed', () => {
  if (!bare) throw new Error('the project was not installed (see the beforeAll error above)');
  const manifest = path.join(bare, 'agent.yaml');
  fs.writeFileSync(manifest, JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox' }] } } },
  }));
  // What the CLI's plugin manager does: the class from the package's main export, `new` with the properties, then validate.
  const script = `
    const resolves = (id) => { try { require.resolve(id); return true; } catch { return false; } };
    const Plugin = require('everynode').EverynodeValidation;
    const recorded = { rules: [] };
    const report = { addViolation: (v) => recorded.rules.push(v.ruleName), submit: (status) => { recorded.status = status; } };
    new Plugin({}).validate({ manifests: [${JSON.stringify(manifest)}], report }).then(() => {
      console.log(JSON.stringify({ ...recorded, cdk8s: resolves('cdk8s'), constructs: resolves('constructs') }));
    });
  `;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: bare, env: isolatedEnv(), encoding: 'utf8' });
  expect([result.status, result.stderr]).toEqual([0, '']);
  expect(JSON.parse(result.stdout)).toEqual({ rules: ['RejectedByApiServer'], status: 'failure', cdk8s: false, constructs: false });
});
