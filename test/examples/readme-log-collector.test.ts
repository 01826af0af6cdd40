/*
 * The README's construct snippets, run as written (their import lines bound to the sources), on
 * examples/inventory.yaml: a control plane, Linux workers, a GPU node with the nvidia.com/gpu taint,
 * a Windows node tainted os=windows, a cordoned and a NotReady node. The README promises that the
 * node exporter and the log collector run on every Linux node whatever its taints and on no
 * Windows node; these tests hold it to that, and show what the same agent without its OS selector
 * or its tolerations would do.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import * as ts from 'typescript';
import * as everynodeCdk8s from '../../src/cdk8s';
import { evaluateChart, placementMatchers } from '../../src/jest';
import { everynode, EXAMPLE_INVENTORY, workspace } from '../cli/cli-harness';
import { failureOf } from '../jest/fixtures';

expect.extend(placementMatchers);

const README = path.join(__dirname, '..', '..', 'README.md');
const LINUX_NODES = ['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned', 'worker-notready'];

/** The first TypeScript block after the README heading that starts with `heading`. */
function readmeSnippet(heading: string): string {
  const readme = fs.readFileSync(README, 'utf8');
  const start = readme.indexOf(`\n### ${heading}`);
  if (start < 0) throw new Error(`README.md has no section "### ${heading}"`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(start));
  if (!block) throw new Error(`README.md has no ts block under "### ${heading}"`);
  return block[1];
}

/**
 * Runs snippets in order as one program and returns the `chart` they fill. Their imports are
 * provided here: `everynode/cdk8s` is the sources, and a snippet may not import anything else.
 */
function runSnippets(...snippets: string[]): Chart {
  const code = snippets.join('\n').split('\n').filter((line) => !line.startsWith('import ')).join('\n');
  const js = `${ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2020 } }).outputText}\nreturn chart;`;
  const scope: Record<string, unknown> = { App, Chart, ...everynodeCdk8s };
  return new Function(...Object.keys(scope), js)(...Object.values(scope));
}

const NODE_DAEMON = readmeSnippet('`NodeDaemon`');
const MASTER_TOLERANT = readmeSnippet('`MasterTolerant`');

/** The README's snippets with one prop line taken out, for what the agent would do without it. */
function without(snippet: string, prop: string): string {
  const lines = snippet.split('\n');
  const kept = lines.filter((line) => !line.trimStart().startsWith(`${prop}:`));
  if (kept.length !== lines.length - 1) throw new Error(`the snippet has no single ${prop} line`);
  return kept.join('\n');
}

describe('README: the log collector (MasterTolerant) and the node exporter (NodeDaemon) snippets', () => {
  const report = evaluateChart(runSnippets(NODE_DAEMON, MASTER_TOLERANT), EXAMPLE_INVENTORY);

  test('the snippets are the ones this test is about', () => {
    expect(report.daemonSets.map((d) => `${d.namespace}/${d.name}`)).toEqual(['monitoring/node-exporter', 'monitoring/fluent-bit']);
  });

  test.each(['fluent-bit', 'node-exporter'])('%s runs on every Linux node: control plane, GPU, cordoned and NotReady nodes included', (name) => {
    expect(report).toRunOn(name, LINUX_NODES);
  });

  test.each(['fluent-bit', 'node-exporter'])('%s runs on no Windows node: its kubernetes.io/os selector keeps it off, not a taint', (name) => {
    expect(report).toSkip(name, 'win-1', 'NodeSelectorMismatch');
    const winReasons = report.daemonSets.find((d) => d.name === name)!.placements.find((p) => p.node === 'win-1')!.reasons;
    expect(winReasons.map((r) => r.code)).toEqual(['NodeSelectorMismatch']);
  });

  test('nothing to advise: no pod of either would fail on its node', () => {
    expect(report.daemonSets.flatMap((d) => d.advisories)).toEqual([]);
  });
});

describe('README: the same log collector without what the snippet adds', () => {
  test('without its tolerations, MasterTolerant tolerates only the control plane: it skips the GPU node (the issue\'s report)', () => {
    const report = evaluateChart(runSnippets(NODE_DAEMON, without(MASTER_TOLERANT, 'tolerations')), EXAMPLE_INVENTORY);
    expect(report).toSkip('fluent-bit', 'gpu-1', 'UntoleratedTaint');
    expect(report).toSkip('fluent-bit', 'worker-notready', 'UntoleratedTaint');
    expect(report).toRunOn('fluent-bit', ['cp-1', 'worker-1', 'worker-2', 'worker-cordoned']);
  });

  describe('without its kubernetes.io/os selector, it is placed on the Windows node and advised there', () => {
    const chart = runSnippets(NODE_DAEMON, without(MASTER_TOLERANT, 'nodeSelector'));
    const report = evaluateChart(chart, EXAMPLE_INVENTORY);
    const advisory = 'MixedOperatingSystems: no node selector or required affinity on kubernetes.io/os, and the pods land on ' +
      'linux (6 nodes) and windows (1 node): an image built for linux, the OS of most of them, fails to pull or start on this windows node';

    test('the DaemonSet controller creates the pod on win-1 (it does not check the OS), so the advisory does not change shouldRun', () => {
      expect(report).toRunOnEveryNode('fluent-bit');
      expect(report.daemonSets.find((d) => d.name === 'fluent-bit')!.advisories).toEqual([
        { code: 'MixedOperatingSystems', node: 'win-1', message: advisory.slice('MixedOperatingSystems: '.length) },
      ]);
    });

    test('in a jest failure message', () => {
      const message = failureOf(() => expect(report).toRunOn('fluent-bit', LINUX_NODES));
      expect(message).toContain('Unexpected (1), a pod runs there:\n  win-1');
      expect(message).toContain(`Advisories (1), pods the controller creates that would not run:\n  win-1: ${advisory}`);
    });

    test('in everynode place output', async () => {
      const dir = workspace({ 'agents.yaml': Testing.synth(chart) });
      const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, 'agents.yaml'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`  monitoring/fluent-bit on win-1: ${advisory}\n`);
      expect(run.stdout).not.toContain('monitoring/node-exporter on');
    });
  });
});
