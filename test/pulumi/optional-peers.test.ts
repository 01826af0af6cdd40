/*
 * @pulumi/pulumi and @pulumi/kubernetes are optional peer dependencies, and so are cdk8s and
 * constructs: everynode/pulumi must load and work without cdk8s, and the other entry points
 * without Pulumi.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SOURCES = path.join(__dirname, '../../src/pulumi');
const PULUMI_PEERS = ['@pulumi/pulumi', '@pulumi/kubernetes'];
const CDK8S_PEERS = ['cdk8s', 'constructs'];

/** What a compiled file requires: TypeScript drops the imports that only bring types. */
function runtimeRequires(file: string): string[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  return [...outputText.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
}

/** Makes `require(peer)` fail as it does when the package is not installed. */
function uninstall(peers: readonly string[]): void {
  for (const peer of peers) {
    jest.doMock(peer, () => {
      throw new Error(`Cannot find module '${peer}'`);
    }, { virtual: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(() => require(peer)).toThrow(`Cannot find module '${peer}'`);
  }
}

afterEach(() => {
  // A doMock outlives the isolated registry it was made in.
  [...PULUMI_PEERS, ...CDK8S_PEERS].forEach((peer) => jest.dontMock(peer));
  jest.resetModules();
});

describe('the everynode/pulumi entry point', () => {
  test.each(fs.readdirSync(SOURCES).filter((file) => file.endsWith('.ts')))('src/pulumi/%s requires only everynode, Pulumi and Node at runtime', (file) => {
    const required = runtimeRequires(path.join(SOURCES, file));
    const allowed = (module: string) => module.startsWith('./') || module.startsWith('../') || PULUMI_PEERS.includes(module) || module === 'timers';
    expect(required.filter((module) => !allowed(module))).toEqual([]);
  });

  test('loads and builds a DaemonSet when cdk8s and constructs are not installed', async () => {
    let everynodePulumi: any;
    jest.isolateModules(() => {
      uninstall(CDK8S_PEERS);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      everynodePulumi = require('../../src/pulumi');
    });
    expect(typeof everynodePulumi.NodeDaemon).toBe('function');
    const report = await everynodePulumi.evaluatePulumiProgram(
      () => new everynodePulumi.NodeFilteredDaemon('gpu-plugin', { image: 'busybox', nodes: everynodePulumi.NodeFilter.gpu() }),
      [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } }],
    );
    expect(report.daemonSets.map((ds: { name: string }) => ds.name)).toEqual(['gpu-plugin']);
    expect(report.daemonSets[0].placements[0].shouldRun).toBe(false);
  });

  test('fails to load without Pulumi: the mocks above do take a peer away', () => {
    jest.isolateModules(() => {
      uninstall(['@pulumi/kubernetes']);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require('../../src/pulumi')).toThrow("Cannot find module '@pulumi/kubernetes'");
    });
  });
});

describe.each([
  ['everynode', '../../src', 'evaluatePlacement'],
  ['everynode/cdk8s', '../../src/cdk8s', 'NodeDaemon'],
  ['everynode/jest', '../../src/jest', 'evaluateChart'],
])('the %s entry point', (_, entry, exported) => {
  test('loads when Pulumi is not installed', () => {
    jest.isolateModules(() => {
      uninstall(PULUMI_PEERS);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(typeof require(entry)[exported]).toBe('function');
    });
  });
});
