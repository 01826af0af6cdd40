/*
 * The launcher, end to end in a child process: exit statuses, stdout and stderr reach the shell.
 * Slow (each spawns ts-node), so only what the in-process tests cannot show.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { CLUSTER, CONTROL_PLANE_TOLERATION, daemonSet, EXAMPLE_INVENTORY, node, nodeList, REPO_ROOT, spawnEverynode, toYaml, workspace } from './cli-harness';

jest.setTimeout(60_000);

describe('bin.ts', () => {
  test('exit 0: place reads manifests from stdin and prints the table', () => {
    const run = spawnEverynode(['place', '--inventory', EXAMPLE_INVENTORY, '-'], toYaml(daemonSet('agent')));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DaemonSets (1) on 7 nodes:');
    expect(run.stdout).toMatch(/^worker-1\s+✔$/m);
  });

  test('exit 1: a failed expectation prints the report on stdout and the failure on stderr', () => {
    const dir = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': [daemonSet('agent'), daemonSet('everywhere', { tolerations: [CONTROL_PLANE_TOLERATION] })] });
    const run = spawnEverynode(['place', '-i', path.join(dir, 'nodes.yaml'), '--expect-every-node', 'agent', '-o', 'json', path.join(dir, 'agents.yaml')]);

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).nodes).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(run.stderr).toMatch(/^everynode: expected default\/agent on every node, but it runs on 2 of 3: no new pod on cp-1 \(.*\)\n$/);
  });

  test('exit 2: bad input prints one line on stderr and nothing on stdout', () => {
    const run = spawnEverynode(['validate', 'no/such/dir']);

    expect(run).toEqual({ code: 2, stdout: '', stderr: 'everynode: no/such/dir: cannot read the manifest (no such file or directory)\n' });
  });

  test('a reader that stops early (| head) ends the run quietly with the command\'s own status', () => {
    // Far more than a pipe holds, so the launcher is still writing when head exits.
    const nodes = Array.from({ length: 3000 }, (_, i) => node(`worker-${i}`));
    const dir = workspace({ 'nodes.json': JSON.stringify(nodeList(...nodes)), 'agents.yaml': [daemonSet('agent'), daemonSet('other', { nodeSelector: { pool: 'x' } })] });
    const launcher = `node -r ts-node/register/transpile-only src/cli/bin.ts place -i ${path.join(dir, 'nodes.json')} -o json ${path.join(dir, 'agents.yaml')}`;
    const result = spawnSync('bash', ['-c', `${launcher} | head -c 20; echo "status=\${PIPESTATUS[0]}"`], {
      cwd: REPO_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('{"nodes":["worker-0"status=0\n');
  });
});
