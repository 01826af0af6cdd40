/*
 * Every way the input or the command line can be wrong: exit 2, exactly one line on stderr
 * that names the culprit, and nothing on stdout.
 */
import { CLUSTER, daemonSet, everynode, node, nodeList, toYaml, workspace } from './cli-harness';

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
    rejects(['validate', '--strict', 'agents.yaml'], "unknown option '--strict' (see everynode validate --help)"));
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
    rejects(['place', '-i', 'nodes.yaml', '--output', 'yaml', 'agents.yaml'], "--output must be one of table, markdown, json (got 'yaml') (see everynode place --help)"));
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
      'broken.yaml: document 2, line 9: Flow sequence in block collection must be sufficiently indented and end with a ]', { cwd });
  });
  test('YAML that does not parse, inside a directory', () => {
    const cwd = workspace({ 'dist/a/ok.yaml': AGENT, 'dist/b/tabs.yml': 'a: b\n\tc: d\n' });
    return rejects(['validate', 'dist'], 'dist/b/tabs.yml: document 1, line 2: Tabs are not allowed as indentation', { cwd });
  });
  test('JSON that does not parse', () => {
    const cwd = workspace({ 'agents.json': '{"kind": "DaemonSet",\n "metadata": {"name": "x"}\n' });
    return rejects(['validate', 'agents.json'], 'agents.json: document 1, line 3: Flow map must end with a }', { cwd });
  });
  test('stdin that does not parse', () =>
    rejects(['validate', '-'], '<stdin>: document 2, line 9: Flow sequence in block collection must be sufficiently indented and end with a ]', { stdin: BROKEN_SECOND_DOCUMENT }));
  test('an inventory that does not parse', () => {
    const cwd = workspace({ 'nodes.yaml': 'items:\n- kind: Node\n  metadata: {name: a\n', 'agents.yaml': AGENT });
    return rejects(['place', '-i', 'nodes.yaml', 'agents.yaml'],
      'nodes.yaml: document 1, line 4: Flow map in block collection must be sufficiently indented and end with a }', { cwd });
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
    return rejects(['place', '-i', 'nodes.yaml', 'web.yaml', 'empty'], 'web.yaml, empty: no DaemonSet found (expected apps/v1 DaemonSet objects)', { cwd });
  });
  test('manifests that hold no DaemonSet (validate, stdin)', () =>
    rejects(['validate', '-'], '<stdin>: no DaemonSet found (expected apps/v1 DaemonSet objects)', { stdin: toYaml(SERVICE) }));
});
