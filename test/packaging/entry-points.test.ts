/*
 * The published package, installed as a user installs it. cdk8s, constructs, @pulumi/pulumi,
 * @pulumi/kubernetes and jest are optional peer dependencies, so each entry point must load with
 * only its own framework next to it, and say which package is missing otherwise.
 *
 * The packed library (see package.ts) is installed into scratch projects that hold one framework
 * or none, all at the same time. Every check runs in a child `node` whose working directory is the
 * scratch project, so modules resolve from that project's node_modules only, never from this
 * repository's.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isolatedEnv, packedLibrary, removePackedLibrary, ROOT, run, runAsync, SETUP_TIMEOUT } from './package';

jest.setTimeout(3 * 60 * 1000);

const FRAMEWORKS = ['cdk8s', 'constructs', '@pulumi/pulumi', '@pulumi/kubernetes', 'jest'] as const;
type Framework = (typeof FRAMEWORKS)[number];

const scratchDirs: string[] = [];
let tarball: string | undefined;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function scratchDir(prefix: string): string {
  // realpath: on macOS the temp dir is a symlink, and node reports resolved paths.
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `everynode-${prefix}-`)));
  scratchDirs.push(dir);
  return dir;
}

/**
 * `name@version` for a framework: the version package-lock.json pins (what `npm ci` installed and
 * cached), else the devDependencies range of package.json.
 */
function pinned(name: Framework): string {
  const manifest = readJson(path.join(ROOT, 'package.json')) as { devDependencies?: Record<string, string> };
  const lockFile = path.join(ROOT, 'package-lock.json');
  const lock = fs.existsSync(lockFile) ? (readJson(lockFile) as { packages?: Record<string, { version?: string }> }) : {};
  const version = lock.packages?.[`node_modules/${name}`]?.version ?? manifest.devDependencies?.[name];
  if (!version) throw new Error(`package.json has no devDependency on ${name}`);
  return `${name}@${version}`;
}

/** A scratch project with the packed everynode and the given frameworks, installed from the npm cache. */
async function scratchProject(scenario: string, frameworks: readonly Framework[]): Promise<string> {
  if (!tarball) throw new Error('the package was not packed (see the beforeAll error above)');
  const dir = scratchDir(scenario);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true }, undefined, 2));
  await runAsync('npm', [
    'install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock',
    '--prefix', dir, tarball, ...frameworks.map(pinned),
  ], dir);
  return dir;
}

/** The frameworks each scenario's scratch project holds next to everynode. */
const SCENARIOS = {
  core: [],
  cdk8s: ['cdk8s', 'constructs'],
  pulumi: ['@pulumi/pulumi', '@pulumi/kubernetes'],
} as const satisfies Record<string, readonly Framework[]>;
type Scenario = keyof typeof SCENARIOS;
/** Each scenario's install, started as soon as the package is packed. */
const installs = new Map<Scenario, Promise<string>>();

/** The scenario's project, once installed; throws the install's error. */
function installed(scenario: Scenario): Promise<string> {
  const install = installs.get(scenario);
  if (!install) throw new Error('the package was not packed (see the beforeAll error above)');
  return install;
}

/*
 * Helpers every child script starts with. `attempt` loads a module and reports its export names,
 * or the error's code and first line; `resolves` says where a package resolves from the project
 * (null when it does not); `placementOf` reduces a PlacementReport to
 * `{ daemonSet: { node: 'runs' | reason codes } }`; `print` hands the result to the test.
 */
const PRELUDE = `
const path = require('path');
const attempt = (load) => {
  try {
    return { loaded: true, exports: Object.keys(load()).sort() };
  } catch (error) {
    return { loaded: false, code: error.code, message: String(error.message).split('\\n')[0] };
  }
};
const resolves = (id) => {
  try {
    return path.relative(process.cwd(), require.resolve(id)).split(path.sep).join('/');
  } catch {
    return null;
  }
};
const frameworks = () => Object.fromEntries(${JSON.stringify(FRAMEWORKS)}.map((id) => [id, resolves(id)]));
const placementOf = (report) => Object.fromEntries(report.daemonSets.map((daemonSet) => [
  daemonSet.name,
  Object.fromEntries(daemonSet.placements.map((p) => [p.node, p.shouldRun ? 'runs' : p.reasons.map((r) => r.code).join(',')])),
]));
const print = (result) => console.log('@@result ' + JSON.stringify(result));
`;

/**
 * Runs `body` (the PRELUDE in scope, `await` allowed) with `node -e` in `project`, asserts that it
 * exits cleanly, and returns what it printed.
 */
function probe(project: string, body: string): unknown {
  const script = `${PRELUDE}\n(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exitCode = 1; });\n`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: project, env: isolatedEnv(), encoding: 'utf8', timeout: 2 * 60 * 1000 });
  if (result.error) throw result.error;
  const line = result.stdout.split('\n').find((text) => text.startsWith('@@result '));
  if (result.status !== 0 || !line) {
    throw new Error(`the probe in ${project} exited with ${result.status ?? result.signal}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return JSON.parse(line.slice('@@result '.length));
}

const nodeIn = (id: string) => expect.stringMatching(new RegExp(`^node_modules/${id}/`));
/** A failed load that names one of `ids`, as node does when the first of them is required. */
const missing = (...ids: string[]) => ({
  loaded: false,
  code: 'MODULE_NOT_FOUND',
  message: expect.stringMatching(new RegExp(`^Cannot find module '(${ids.join('|')})'$`)),
});
/** Both Pulumi packages are missing there, and node names the one everynode/pulumi requires first. */
const PULUMI_MISSING = missing('@pulumi/pulumi', '@pulumi/kubernetes');

beforeAll(() => {
  tarball = packedLibrary();
  for (const [scenario, frameworks] of Object.entries(SCENARIOS) as Array<[Scenario, readonly Framework[]]>) {
    const install = scratchProject(scenario, frameworks);
    // Its describe block awaits it and reports its failure; until then, a failure is not unhandled.
    install.catch(() => undefined);
    installs.set(scenario, install);
  }
}, SETUP_TIMEOUT);

afterAll(async () => {
  // A describe block that failed early leaves its install running: wait before removing its directory.
  await Promise.allSettled(installs.values());
  for (const dir of scratchDirs) fs.rmSync(dir, { recursive: true, force: true });
  if (tarball) removePackedLibrary(tarball);
}, SETUP_TIMEOUT);

describe('the tarball', () => {
  let entries: string[];
  beforeAll(() => {
    if (!tarball) throw new Error('the package was not packed (see the beforeAll error above)');
    entries = run('tar', ['-tzf', tarball], ROOT).split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, ''));
  });

  test('holds the compiled entry points', () => {
    expect(entries).toEqual(expect.arrayContaining([
      'package.json', 'lib/index.js', 'lib/cdk8s/index.js', 'lib/pulumi/index.js', 'lib/jest/index.js', 'lib/jest/setup.js',
    ]));
  });

  test('holds every file package.json points to: exports, main, types and bin', () => {
    const manifest = readJson(path.join(ROOT, 'package.json')) as {
      main: string; types: string; bin: Record<string, string>; exports: Record<string, string | Record<string, string>>;
    };
    const targets = [
      manifest.main, manifest.types, ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ].map((target) => path.posix.normalize(target));
    expect(targets).toContain('lib/pulumi/index.js');
    expect(targets.filter((target) => !entries.includes(target))).toEqual([]);
  });

  test('holds no sources, tests, examples or CI files', () => {
    expect(entries.filter((entry) => /^(src|test|examples|\.ci)\//.test(entry))).toEqual([]);
  });
});

describe('core only: nothing but the tarball', () => {
  let project: string;
  beforeAll(async () => {
    project = await installed('core');
  }, SETUP_TIMEOUT);

  test('no framework is installed, and everynode comes from the tarball', () => {
    expect(probe(project, "print({ everynode: resolves('everynode'), frameworks: frameworks() });")).toEqual({
      everynode: 'node_modules/everynode/lib/main.js',
      frameworks: { 'cdk8s': null, 'constructs': null, '@pulumi/pulumi': null, '@pulumi/kubernetes': null, 'jest': null },
    });
  });

  test('everynode loads, validates a DaemonSet and evaluates its placement', () => {
    const result = probe(project, `
      const core = require('everynode');
      const agent = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox' }] } } } };
      const broken = { ...agent, metadata: { ...agent.metadata, name: 'Not_A_Name' } };
      print({
        errors: core.validateDaemonSet(agent),
        brokenErrors: core.validateDaemonSet(broken).map((error) => error.field),
        placement: placementOf(core.evaluatePlacement([agent], [core.node('n1'), core.node('cp-1').controlPlane()])),
      });
    `);
    expect(result).toEqual({
      errors: [],
      brokenErrors: ['metadata.name'],
      placement: { agent: { 'n1': 'runs', 'cp-1': 'UntoleratedTaint' } },
    });
  });

  test('everynode/cdk8s and everynode/pulumi fail naming the missing framework', () => {
    const result = probe(project, `
      print({ cdk8s: attempt(() => require('everynode/cdk8s')), pulumi: attempt(() => require('everynode/pulumi')) });
    `);
    expect(result).toEqual({ cdk8s: missing('cdk8s'), pulumi: PULUMI_MISSING });
  });

  test('everynode/jest and everynode/jest/setup load without jest, which they never require', () => {
    const result = probe(project, `
      const core = require('everynode');
      const tools = require('everynode/jest');
      const agent = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox' }] } } } };
      // Any object with toJson() is a chart to evaluateChart.
      const report = tools.evaluateChart({ toJson: () => [agent] }, [core.node('n1')]);
      // What jest's global expect offers to setupFilesAfterEnv, minus jest.
      const registered = [];
      globalThis.expect = {
        extend: (matchers) => registered.push(...Object.keys(matchers)),
        addSnapshotSerializer: (serializer) => registered.push(typeof serializer.test === 'function' ? 'serializer' : 'not a serializer'),
      };
      require('everynode/jest/setup');
      print({ exports: attempt(() => tools).exports, placement: placementOf(report), registered: registered.sort() });
    `);
    expect(result).toEqual({
      exports: ['evaluateChart', 'isPlacementReport', 'placementMatchers', 'placementSerializer'],
      placement: { agent: { n1: 'runs' } },
      registered: ['serializer', 'toHaveNoSelectorCollisions', 'toRunExactlyOncePerNode', 'toRunOn', 'toRunOnEveryNode', 'toRunOnNoNode', 'toSkip'],
    });
  });
});

describe('cdk8s only: the tarball, cdk8s and constructs', () => {
  let project: string;
  beforeAll(async () => {
    project = await installed('cdk8s');
  }, SETUP_TIMEOUT);

  test('cdk8s and constructs are installed, Pulumi and jest are not', () => {
    expect(probe(project, 'print(frameworks());')).toEqual({
      'cdk8s': nodeIn('cdk8s'), 'constructs': nodeIn('constructs'), '@pulumi/pulumi': null, '@pulumi/kubernetes': null, 'jest': null,
    });
  });

  test('everynode/cdk8s loads and synthesizes valid DaemonSets that evaluateChart places', () => {
    const result = probe(project, `
      const { Testing } = require('cdk8s');
      const { NodeDaemon, MasterTolerant } = require('everynode/cdk8s');
      const { node, validateDaemonSet } = require('everynode');
      const { evaluateChart } = require('everynode/jest');
      const chart = Testing.chart();
      new NodeDaemon(chart, 'agent', { image: 'busybox' });
      new MasterTolerant(chart, 'cni', { image: 'busybox' });
      const manifests = Testing.synth(chart);
      print({
        manifests: manifests.map((manifest) => manifest.apiVersion + ' ' + manifest.kind + ' ' + manifest.metadata.name),
        errors: manifests.flatMap((manifest) => validateDaemonSet(manifest)),
        placement: placementOf(evaluateChart(chart, [node('n1'), node('cp-1').controlPlane()])),
      });
    `);
    expect(result).toEqual({
      manifests: ['apps/v1 DaemonSet agent', 'apps/v1 DaemonSet cni'],
      errors: [],
      placement: {
        agent: { 'n1': 'runs', 'cp-1': 'UntoleratedTaint' },
        cni: { 'n1': 'runs', 'cp-1': 'runs' },
      },
    });
  });

  test('everynode/pulumi fails naming a Pulumi package', () => {
    expect(probe(project, "print(attempt(() => require('everynode/pulumi')));")).toEqual(PULUMI_MISSING);
  });
});

describe('pulumi only: the tarball, @pulumi/pulumi and @pulumi/kubernetes', () => {
  let project: string;
  beforeAll(async () => {
    project = await installed('pulumi');
  }, SETUP_TIMEOUT);

  test('@pulumi/pulumi and @pulumi/kubernetes are installed, cdk8s, constructs and jest are not', () => {
    expect(probe(project, 'print(frameworks());')).toEqual({
      'cdk8s': null, 'constructs': null, '@pulumi/pulumi': nodeIn('@pulumi/pulumi'), '@pulumi/kubernetes': nodeIn('@pulumi/kubernetes'), 'jest': null,
    });
  });

  test('everynode/cdk8s fails naming cdk8s', () => {
    expect(probe(project, "print(attempt(() => require('everynode/cdk8s')));")).toEqual(missing('cdk8s'));
  });

  test('everynode/pulumi loads and exports the three components, built on the project\'s @pulumi/pulumi', () => {
    const result = probe(project, `
      const pulumi = require('@pulumi/pulumi');
      const entry = require('everynode/pulumi');
      const components = {};
      for (const name of ['NodeDaemon', 'MasterTolerant', 'NodeFilteredDaemon']) {
        components[name] = typeof entry[name] !== 'function' ? typeof entry[name]
          : entry[name].prototype instanceof pulumi.ComponentResource ? 'ComponentResource' : 'function';
      }
      print(components);
    `);
    expect(result).toEqual({ NodeDaemon: 'ComponentResource', MasterTolerant: 'ComponentResource', NodeFilteredDaemon: 'ComponentResource' });
  });

  test('evaluatePulumiProgram evaluates a one-component program against a NodeBuilder inventory', () => {
    const result = probe(project, `
      const { node } = require('everynode');
      const { NodeDaemon, evaluatePulumiProgram } = require('everynode/pulumi');
      const report = await evaluatePulumiProgram(() => {
        new NodeDaemon('agent', { image: 'busybox' });
      }, [node('n1'), node('cp-1').controlPlane()]);
      print(placementOf(report));
    `);
    expect(result).toEqual({ agent: { 'n1': 'runs', 'cp-1': 'UntoleratedTaint' } });
  });
});
