/*
 * Every way the input or the command line can be wrong: exit 2, exactly one line on stderr
 * that names the culprit, and nothing on stdout. Also the encodings that look wrong but are
 * read: UTF-16 with a byte-order mark is what Windows PowerShell 5 saves kubectl output as.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { CLUSTER, daemonSet, everynode, node, nodeList, REPO_ROOT, toYaml, workspace } from './cli-harness';

const AGENT = daemonSet('node-agent');
const SERVICE = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: {} };

/** A second document whose flow sequence never closes, ending on line 9. */
const BROKEN_SECOND_DOCUMENT = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: a\n---\nkind: DaemonSet\nmetadata:\n  name: [b\n  x: y\n';

async function rejects(argv: string[], message: string, options: { cwd?: string; stdin?: string } = {}): Promise<void> {
  const cwd = options.cwd ?? workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': AGENT });
  const run = await everynode(argv, { ...options, cwd });
  expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 2, stdout: '', stderr: `everynode: ${message}\n` });
}

describe('usage errors exit 2 with one line', () => {
  test('no command', () => rejects([], 'missing command (see everynode --help)'));
  test('unknown command', () => rejects(['plase'], "unknown command 'plase' (see everynode --help)"));
  test('unknown top-level option', () => rejects(['--verbose'], "unknown option '--verbose' (see everynode --help)"));
  test('help on an unknown command', () => rejects(['help', 'deploy'], "no help for 'deploy': it is not a command (see everynode --help)"));

  test('unknown option of place', () =>
    rejects(['place', '-i', 'nodes.yaml', '--dry-run', 'agents.yaml'], "unknown option '--dry-run' (see everynode place --help)"));
  test('unknown short option of place', () =>
    rejects(['place', '-i', 'nodes.yaml', '-x', 'agents.yaml'], "unknown option '-x' (see everynode place --help)"));
  test('unknown option of validate', () =>
    rejects(['validate', '--dry-run', 'agents.yaml'], "unknown option '--dry-run' (see everynode validate --help)"));
  test('an option without its value', () =>
    rejects(['place', 'agents.yaml', '--inventory'], "option '--inventory' needs a value (see everynode place --help)"));
  test('an option followed by another option instead of its value', () =>
    rejects(['place', '--output', '--inventory', 'nodes.yaml', 'agents.yaml'], "option '--output' needs a value (see everynode place --help)"));
  test('a value for a flag', () =>
    rejects(['place', '-i', 'nodes.yaml', '--fail-on-errors=yes', 'agents.yaml'], "option '--fail-on-errors' takes no value (see everynode place --help)"));

  test('place without --inventory', () =>
    rejects(['place', 'agents.yaml'], 'place needs --inventory FILE (the output of `kubectl get nodes -o yaml`) (see everynode place --help)'));
  test('place with an empty --inventory', () =>
    rejects(['place', '--inventory=', 'agents.yaml'], 'place needs --inventory FILE (the output of `kubectl get nodes -o yaml`) (see everynode place --help)'));
  test('place without MANIFEST', () =>
    rejects(['place', '-i', 'nodes.yaml'], 'place needs at least one MANIFEST (a file, a directory, or - for stdin) (see everynode place --help)'));
  test('validate without MANIFEST', () =>
    rejects(['validate'], 'validate needs at least one MANIFEST (a file, a directory, or - for stdin) (see everynode validate --help)'));

  test('a bad --output of place', () =>
    rejects(['place', '-i', 'nodes.yaml', '--output', 'yaml', 'agents.yaml'], "--output must be one of table, markdown, json, html (got 'yaml') (see everynode place --help)"));
  test('a bad --output of validate', () =>
    rejects(['validate', '-o', 'table', 'agents.yaml'], "--output must be one of text, json (got 'table') (see everynode validate --help)"));
  test('a bad --group-nodes', () =>
    rejects(['place', '-i', 'nodes.yaml', '--group-nodes', 'sometimes', 'agents.yaml'],
      "--group-nodes must be one of auto, always, never (got 'sometimes') (see everynode place --help)"));
  test('a malformed --expect-every-node', () =>
    rejects(['place', '-i', 'nodes.yaml', '--expect-every-node', 'kube-system/', 'agents.yaml'],
      "--expect-every-node needs NAME or NAMESPACE/NAME (got 'kube-system/') (see everynode place --help)"));

  test('stdin named twice', () =>
    rejects(['place', '-i', '-', '-'], 'standard input (-) can be read only once, and the inventory already reads it (see everynode --help)', { stdin: toYaml(CLUSTER) }));
  test('an empty manifest name', () =>
    rejects(['validate', ''], 'the manifest file name is empty (see everynode --help)'));
});

describe('bad input exits 2 with one line naming the file', () => {
  test('a missing manifest file', () =>
    rejects(['place', '-i', 'nodes.yaml', 'agents.yaml', 'missing.yaml'], 'missing.yaml: cannot read the manifest (no such file or directory)'));
  test('a missing manifest directory', () =>
    rejects(['validate', 'dist/'], 'dist/: cannot read the manifest (no such file or directory)'));
  test('a missing inventory', () =>
    rejects(['place', '-i', 'cluster/nodes.yaml', 'agents.yaml'], 'cluster/nodes.yaml: cannot read the inventory (no such file or directory)'));
  test('a directory as the inventory', () =>
    rejects(['place', '-i', '.', 'agents.yaml'], '.: cannot read the inventory (is a directory)'));
  test('a missing --previous file', () =>
    rejects(['validate', '--previous', 'v1.yaml', 'agents.yaml'], 'v1.yaml: cannot read the previous manifest (no such file or directory)'));

  test('YAML that does not parse, naming the document and line', () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'broken.yaml': BROKEN_SECOND_DOCUMENT });
    return rejects(['place', '-i', 'nodes.yaml', 'broken.yaml'],
      'broken.yaml: document 2, line 9: missed comma between flow collection entries', { cwd });
  });
  test('YAML that does not parse, inside a directory', () => {
    const cwd = workspace({ 'dist/a/ok.yaml': AGENT, 'dist/b/tabs.yml': 'a: b\n\tc: d\n' });
    return rejects(['validate', 'dist'], 'dist/b/tabs.yml: document 1, line 2: tab characters must not be used in indentation', { cwd });
  });
  test('JSON that does not parse', () => {
    const cwd = workspace({ 'agents.json': '{"kind": "DaemonSet",\n "metadata": {"name": "x"}\n' });
    return rejects(['validate', 'agents.json'], 'agents.json: document 1, line 3: unexpected end of the stream within a flow collection', { cwd });
  });
  test('stdin that does not parse', () =>
    rejects(['validate', '-'], '<stdin>: document 2, line 9: missed comma between flow collection entries', { stdin: BROKEN_SECOND_DOCUMENT }));
  test('an inventory that does not parse', () => {
    const cwd = workspace({ 'nodes.yaml': 'items:\n- kind: Node\n  metadata: {name: a\n', 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'],
      'nodes.yaml: document 1, line 4: unexpected end of the stream within a flow collection', { cwd });
  });

  test('a Node without a name', () => {
    const nameless = { apiVersion: 'v1', kind: 'Node', metadata: { labels: { a: 'b' } } };
    const cwd = workspace({ 'nodes.yaml': [node('worker-1'), nameless], 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'], 'nodes.yaml: document 2 (line 14): Node #2 has no metadata.name', { cwd });
  });
  test('an inventory that holds no Node', () => {
    const cwd = workspace({ 'nodes.yaml': [SERVICE], 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'], 'nodes.yaml: holds no Node (expected the output of `kubectl get nodes -o yaml`)', { cwd });
  });
  test('an empty inventory', () => {
    const cwd = workspace({ 'nodes.yaml': nodeList(), 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'], 'nodes.yaml: holds no Node (expected the output of `kubectl get nodes -o yaml`)', { cwd });
  });
  test('manifests that hold no DaemonSet (place)', () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'web.yaml': [SERVICE], 'empty/README.md': '# nothing' });
    return rejects(['place', '-i', 'nodes.yaml', 'web.yaml', 'empty'], 'web.yaml, empty: no DaemonSet or static pod found (expected apps/v1 DaemonSet objects, or Pods annotated everynode.io/static-pod: "true")', { cwd });
  });
  test('manifests that hold no DaemonSet (validate, stdin)', () =>
    rejects(['validate', '-'], '<stdin>: no DaemonSet found (expected apps/v1 DaemonSet objects)', { stdin: toYaml(SERVICE) }));
});

describe('a Node whose fields have the wrong type exits 2, naming the file, the node and the field', () => {
  test('labels that are a list', () => {
    const listed = { ...node('worker-2'), metadata: { name: 'worker-2', labels: ['kubernetes.io/os=linux'] } };
    const cwd = workspace({ 'nodes.yaml': [node('worker-1'), listed], 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'],
      'nodes.yaml: document 2 (line 14): Node "worker-2": metadata.labels must be a map of strings (map[string]string), not a list', { cwd });
  });
  test('taints that are a map, in kubectl get nodes -o json', () => {
    const mapped = { ...node('cp-1'), spec: { taints: { 'node-role.kubernetes.io/control-plane': 'NoSchedule' } } };
    const cwd = workspace({ 'nodes.json': JSON.stringify(nodeList(node('worker-1'), mapped), null, 2), 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.json', 'agents.yaml'],
      'nodes.json: document 1 (line 1): Node "cp-1": spec.taints must be a list of taints ([]Taint), not a map', { cwd });
  });
  test('a taint without effect', () => {
    const tainted = { ...node('gpu-1'), spec: { taints: [{ key: 'nvidia.com/gpu' }] } };
    const cwd = workspace({ 'nodes.yaml': nodeList(tainted), 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'],
      'nodes.yaml: document 1 (line 1): Node "gpu-1": spec.taints[0] has no effect (a taint needs key and effect)', { cwd });
  });
  test('a name that is not a string, from stdin', () =>
    rejects(['place', '-i', '-', 'agents.yaml'],
      '<stdin>: document 1 (line 1): Node #1: metadata.name must be a non-empty string, not a number', { stdin: 'kind: Node\nmetadata: {name: 42}\n' }));
});

/** Writes bytes as they are: the harness's workspace() writes text. */
function writeBytes(dir: string, name: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
}

const NOT_TEXT = 'is not text (expected UTF-8 or UTF-16 with a byte-order mark)';

describe('a file that is not text exits 2 with one line naming it', () => {
  test('a gzipped inventory', () => {
    const cwd = workspace({ 'agents.yaml': AGENT });
    writeBytes(cwd, 'nodes.yaml', gzipSync(toYaml(CLUSTER)));
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'], `nodes.yaml: ${NOT_TEXT}`, { cwd });
  });
  test('an inventory in UTF-16 without a byte-order mark', () => {
    const cwd = workspace({ 'agents.yaml': AGENT });
    writeBytes(cwd, 'nodes.yaml', Buffer.from(toYaml(CLUSTER), 'utf16le'));
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'], `nodes.yaml: ${NOT_TEXT}`, { cwd });
  });
  test('a manifest in Latin-1, inside a directory', () => {
    const cwd = workspace({ 'nodes.yaml': CLUSTER, 'dist/a/ok.yaml': AGENT });
    writeBytes(cwd, 'dist/b/agent.yaml', Buffer.from(`# Zürich\n${toYaml(daemonSet('b'))}`, 'latin1'));
    return rejects(['place', '-i', 'nodes.yaml', 'dist'], `dist/b/agent.yaml: ${NOT_TEXT}`, { cwd });
  });
  test('a manifest with NUL bytes (validate)', () => {
    const cwd = workspace();
    writeBytes(cwd, 'agents.yaml', Buffer.concat([Buffer.from(toYaml(AGENT)), Buffer.alloc(4)]));
    return rejects(['validate', 'agents.yaml'], `agents.yaml: ${NOT_TEXT}`, { cwd });
  });
});

describe('UTF-16 and UTF-8 with a byte-order mark read as UTF-8 does', () => {
  const WITH_MARK: Array<[string, (text: string) => Buffer]> = [
    ['UTF-16 LE', (text) => Buffer.from(`\ufeff${text}`, 'utf16le')],
    ['UTF-16 BE', (text) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16()],
    ['UTF-8 with a byte-order mark', (text) => Buffer.from(`\ufeff${text}`)],
  ];
  const WORKERS_ONLY = daemonSet('workers-only');
  const EVERYWHERE = daemonSet('everywhere', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
  const INVENTORY = nodeList(node('cp-1', { controlPlane: true }), node('worker-1', { labels: { 'topology.kubernetes.io/zone': 'zürich-1' } }));

  async function placements(cwd: string): Promise<string> {
    const run = await everynode(['place', '-i', 'nodes.yaml', '--output', 'json', 'agents.yaml'], { cwd });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    return run.stdout;
  }

  test.each(WITH_MARK)('%s: an inventory and a manifest give the same placements', async (_, encode) => {
    const expected = await placements(workspace({ 'nodes.yaml': INVENTORY, 'agents.yaml': [WORKERS_ONLY, EVERYWHERE] }));
    expect(JSON.parse(expected).daemonSets.map((d: { desiredNumberScheduled: number }) => d.desiredNumberScheduled)).toEqual([1, 2]);

    const cwd = workspace();
    writeBytes(cwd, 'nodes.yaml', encode(toYaml(INVENTORY)));
    writeBytes(cwd, 'agents.yaml', encode(toYaml([WORKERS_ONLY, EVERYWHERE])));
    expect(await placements(cwd)).toBe(expected);
  });

  test('UTF-16 LE as PowerShell 5 writes it, through the real launcher and standard input', async () => {
    const cwd = workspace({ 'agents.yaml': [WORKERS_ONLY, EVERYWHERE], 'nodes.yaml': INVENTORY });
    const expected = await placements(cwd);
    const result = spawnSync(process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/cli/bin.ts', 'place', '-i', '-', '--output', 'json', path.join(cwd, 'agents.yaml')], {
        cwd: REPO_ROOT,
        env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
        input: Buffer.from(`\ufeff${toYaml(INVENTORY)}`, 'utf16le'),
        encoding: 'utf8',
        timeout: 60_000,
      });
    expect({ code: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({ code: 0, stderr: '', stdout: expected });
  });
});
