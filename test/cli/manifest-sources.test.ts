/* Where manifests come from: files, directories, stdin; YAML or JSON; documents and Lists. */
import * as fs from 'fs';
import * as path from 'path';
import { CLUSTER, daemonSet, everynode, toYaml, workspace } from './cli-harness';

/** The `namespace/name` of every DaemonSet in the JSON report, in report order. */
async function placedDaemonSets(argv: string[], options: { cwd?: string; stdin?: string } = {}): Promise<string[]> {
  const run = await everynode(['place', '-o', 'json', ...argv], options);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(run.stdout).daemonSets.map((ds: { namespace: string; name: string }) => `${ds.namespace}/${ds.name}`);
}

describe('manifest sources', () => {
  test('a multi-document YAML file: every document, other kinds ignored', async () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } };
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': [daemonSet('a'), service, daemonSet('b')] });
    // An empty document between the others is skipped, as kubectl skips it.
    fs.appendFileSync(path.join(cwd, 'agents.yaml'), '---\n---\n' + toYaml(daemonSet('c')));

    expect(await placedDaemonSets(['-i', 'nodes.yaml', 'agents.yaml'], { cwd })).toEqual(['default/a', 'default/b', 'default/c']);
  });

  test('kind: List objects are unwrapped, nested ones too', async () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [daemonSet('a'), { kind: 'DaemonSetList', items: [daemonSet('b')] }] };
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': list });

    expect(await placedDaemonSets(['-i', 'nodes.yaml', 'agents.yaml'], { cwd })).toEqual(['default/a', 'default/b']);
  });

  test('JSON manifests and a JSON inventory (kubectl get -o json)', async () => {
    const cwd = workspace({
      'nodes.json': JSON.stringify(CLUSTER, null, 2),
      'agents.json': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [daemonSet('a'), daemonSet('b')] }),
    });

    expect(await placedDaemonSets(['-i', 'nodes.json', 'agents.json'], { cwd })).toEqual(['default/a', 'default/b']);
  });

  test('a directory: its *.yaml, *.yml and *.json files, recursively, in sorted order', async () => {
    const cwd = workspace({
      'nodes.yaml': CLUSTER,
      'dist/b.yaml': daemonSet('b'),
      'dist/a/z.yml': daemonSet('a-z'),
      'dist/a/m.JSON': JSON.stringify(daemonSet('a-m')),
      'dist/c.json': JSON.stringify(daemonSet('c')),
      'dist/notes.txt': toYaml(daemonSet('ignored-txt')),
      'dist/kustomization.yaml.bak': toYaml(daemonSet('ignored-bak')),
    });

    expect(await placedDaemonSets(['-i', 'nodes.yaml', 'dist'], { cwd })).toEqual(['default/a-m', 'default/a-z', 'default/b', 'default/c']);
  });

  test('a file named explicitly is read whatever its extension', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.txt': daemonSet('a') });

    expect(await placedDaemonSets(['-i', 'nodes.yaml', 'agents.txt'], { cwd })).toEqual(['default/a']);
  });

  test('a symbolic link cycle in a directory is walked once', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'dist/a.yaml': daemonSet('a') });
    fs.symlinkSync(path.join(cwd, 'dist'), path.join(cwd, 'dist', 'loop'));

    expect(await placedDaemonSets(['-i', 'nodes.yaml', 'dist'], { cwd })).toEqual(['default/a']);
  });

  test('files, directories and stdin mixed, in the order given', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'one.yaml': daemonSet('one'), 'dir/two.yaml': daemonSet('two') });
    const run = await placedDaemonSets(['-i', 'nodes.yaml', 'dir', '-', 'one.yaml'], { cwd, stdin: toYaml([daemonSet('stdin')]) });

    expect(run).toEqual(['default/two', 'default/stdin', 'default/one']);
  });

  test('manifests from stdin (-)', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER });
    const run = await everynode(['validate', '-'], { cwd, stdin: toYaml([daemonSet('a'), daemonSet('b', { namespace: 'x' })]) });

    expect(run).toEqual({ code: 0, stdout: '✔ default/a\n✔ x/b\n', stderr: '', stdinReads: 1 });
  });

  test('the inventory from stdin (--inventory -)', async () => {
    const cwd = workspace({ 'agents.yaml': daemonSet('a') });
    const run = await everynode(['place', '--inventory', '-', '-o', 'json', 'agents.yaml'], { cwd, stdin: toYaml(CLUSTER) });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).nodes).toEqual(['cp-1', 'worker-1', 'worker-2']);
  });

  test('stdin is not read unless an argument is -', async () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': daemonSet('a') });
    const run = await everynode(['place', '-i', 'nodes.yaml', 'agents.yaml'], { cwd, stdin: 'never read' });

    expect(run).toMatchObject({ code: 0, stdinReads: 0 });
  });

  test('absolute paths ignore the working directory', async () => {
    const dir = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': daemonSet('a') });
    const elsewhere = workspace();

    expect(await placedDaemonSets(['-i', path.join(dir, 'nodes.yaml'), path.join(dir, 'agents.yaml')], { cwd: elsewhere })).toEqual(['default/a']);
  });
});
