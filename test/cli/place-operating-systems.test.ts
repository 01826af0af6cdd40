import { daemonSet, everynode, EXAMPLE_INVENTORY, node, nodeList, workspace } from './cli-harness';

const EVERYTHING = [{ operator: 'Exists' }];
/** Tolerates every taint and selects no OS: the DaemonSet controller gives it the Windows node too. */
const NO_OS = daemonSet('no-os', { namespace: 'logging', tolerations: EVERYTHING });
const LINUX = daemonSet('linux', { namespace: 'logging', tolerations: EVERYTHING, nodeSelector: { 'kubernetes.io/os': 'linux' } });

const ADVISORY_MESSAGE =
  'no node selector or required affinity on kubernetes.io/os, and the pods land on linux (6 nodes) and windows (1 node): ' +
  'an image built for linux, the OS of most of them, fails to pull or start on this windows node';

function onExampleInventory(...manifests: object[]): string {
  return workspace({ 'agents.yaml': manifests });
}

// NodeShouldRunDaemonPod (kubernetes pkg/controller/daemon/daemon_controller.go) does not read
// kubernetes.io/os, so the pod is created there; the advisory says it would fail on that node.
describe('everynode place: MixedOperatingSystems on examples/inventory.yaml', () => {
  test('the table lists the advisory on the Windows node, and the pod still counts as placed', async () => {
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, 'agents.yaml'], { cwd: onExampleInventory(NO_OS, LINUX) });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('A  logging/no-os  runs on 7/7;');
    expect(run.stdout).toMatch(/^win-1\s+✔\s+✘1$/m);
    expect(run.stdout).toContain(
      'Advisories (1): the controller creates these pods, but they would not run:\n' +
      `  logging/no-os on win-1: MixedOperatingSystems: ${ADVISORY_MESSAGE}\n`,
    );
  });

  test('--output markdown lists it under Advisories', async () => {
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '-o', 'markdown', 'agents.yaml'], { cwd: onExampleInventory(NO_OS, LINUX) });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`**Advisories**\n\n- \`logging/no-os\` on \`win-1\`: MixedOperatingSystems: ${ADVISORY_MESSAGE}\n`);
  });

  test('--output json: one advisory, in the shape of the others, and none for the DaemonSet with nodeSelector kubernetes.io/os', async () => {
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '--output', 'json', 'agents.yaml'], { cwd: onExampleInventory(NO_OS, LINUX) });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.daemonSets[0].advisories).toEqual([{ code: 'MixedOperatingSystems', node: 'win-1', message: ADVISORY_MESSAGE }]);
    expect(report.daemonSets[0].placements.find((p: { node: string }) => p.node === 'win-1')).toEqual({
      node: 'win-1', shouldRun: true, shouldContinueRunning: true, reasons: [],
    });
    expect(report.daemonSets[1].advisories).toEqual([]);
  });

  test('--fail-on-advisories exits 1 and names the advisory', async () => {
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '--fail-on-advisories', 'agents.yaml'], { cwd: onExampleInventory(NO_OS, LINUX) });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('logging/no-os has 1 advisory: win-1: MixedOperatingSystems: ');
    expect(run.stderr).not.toContain('logging/linux');
  });

  test('an agent that does not tolerate the Windows taint never gets there: no advisory', async () => {
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '--fail-on-advisories', 'agents.yaml'], {
      cwd: onExampleInventory(daemonSet('plain', { namespace: 'logging' })),
    });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).not.toContain('Advisories');
  });
});

describe('everynode place: MixedOperatingSystems on a small Linux + Windows inventory', () => {
  const inventory = nodeList(node('linux-1'), node('linux-2'), node('win-1', { labels: { 'kubernetes.io/os': 'windows' } }));

  test('an agent without an OS constraint: advised on the Windows node only; with one: nothing', async () => {
    const dir = workspace({ 'nodes.yaml': inventory, 'agents.yaml': [daemonSet('no-os'), daemonSet('linux', { nodeSelector: { 'kubernetes.io/os': 'linux' } })] });
    const run = await everynode(['place', '-i', 'nodes.yaml', '-o', 'json', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.daemonSets.map((d: { advisories: Array<{ code: string; node: string }> }) => d.advisories.map((a) => `${a.node}: ${a.code}`)))
      .toEqual([['win-1: MixedOperatingSystems'], []]);
  });
});
