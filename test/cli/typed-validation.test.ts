/*
 * The promise as the CLI keeps it: a wrongly typed value is an error naming the field
 * and the Go type the API server's decoder expected (exit 1); what the API server accepts but is
 * almost certainly a mistake is a `warning:` line (exit 0, or 1 with --strict); objects defined
 * twice are named with the files and documents of both.
 */
import { daemonSet, EXAMPLE_INVENTORY, everynode, workspace } from './cli-harness';

type Manifest = any;

function agent(mutate: (ds: Manifest) => void): Manifest {
  const ds: Manifest = daemonSet('agent', { namespace: 'kube-system' });
  mutate(ds);
  return ds;
}

describe('everynode validate: values of the wrong type', () => {
  test.each<[string, (ds: Manifest) => void, string, string]>([
    ['tolerations: "Exists"', (ds) => { ds.spec.template.spec.tolerations = 'Exists'; }, 'spec.template.spec.tolerations', '[]v1.Toleration'],
    ['minReadySeconds: "10"', (ds) => { ds.spec.minReadySeconds = '10'; }, 'spec.minReadySeconds', 'int32'],
    ['hostNetwork: "true"', (ds) => { ds.spec.template.spec.hostNetwork = 'true'; }, 'spec.template.spec.hostNetwork', 'bool'],
    ['containers: {}', (ds) => { ds.spec.template.spec.containers = {}; }, 'spec.template.spec.containers', '[]v1.Container'],
    ['nodeSelector: ["a"]', (ds) => { ds.spec.template.spec.nodeSelector = ['a']; }, 'spec.template.spec.nodeSelector', 'map[string]string'],
    ['updateStrategy: "RollingUpdate"', (ds) => { ds.spec.updateStrategy = 'RollingUpdate'; }, 'spec.updateStrategy', 'v1.DaemonSetUpdateStrategy'],
    ['template.metadata.labels: [x]', (ds) => { ds.spec.template.metadata.labels = ['x']; }, 'spec.template.metadata.labels', 'map[string]string'],
  ])('%s: exit 1, one line naming the field and the type expected', async (_, mutate, field, goType) => {
    const dir = workspace({ 'agent.yaml': agent(mutate) });
    const run = await everynode(['validate', 'agent.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('✘ kube-system/agent');
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(new RegExp(`^    ${field.replace(/[.[\]]/g, '\\$&')}: Invalid value: .*: json: cannot unmarshal \\w+ into Go struct field \\w+\\.${field.replace(/[.[\]]/g, '\\$&')} of type ${goType.replace(/[.[\]]/g, '\\$&')}$`));
  });

  test('--output json gives the field, TypeInvalid and the decoder message', async () => {
    const dir = workspace({ 'agent.yaml': agent((ds) => { ds.spec.minReadySeconds = '10'; }) });
    const run = await everynode(['validate', '--output', 'json', 'agent.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).objects[0].errors).toEqual([{
      field: 'spec.minReadySeconds',
      type: 'TypeInvalid',
      message: 'json: cannot unmarshal string into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32',
    }]);
  });
});

describe('everynode validate: warnings', () => {
  const nonIntegerGt = agent((ds) => {
    ds.spec.template.spec.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['1.5'] }] }] } },
    };
  });
  const unknownField = agent((ds) => { ds.spec.template.spec.containers[0].imagePulPolicy = 'Always'; });

  test.each<[string, Manifest, string]>([
    ['a non-integer Gt value', nonIntegerGt,
      '    warning: spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: ' +
      '"1.5" is not an integer: the API server accepts it, but a \'Gt\' term with it matches no node'],
    ['an unknown field', unknownField,
      '    warning: spec.template.spec.containers[0].imagePulPolicy: unknown field "spec.template.spec.containers[0].imagePulPolicy"'],
  ])('%s: exit 0 with a warning line, exit 1 with --strict', async (_, manifest, warningLine) => {
    const dir = workspace({ 'agent.yaml': manifest });
    const run = await everynode(['validate', 'agent.yaml'], { cwd: dir });
    const strict = await everynode(['validate', '--strict', 'agent.yaml'], { cwd: dir });

    expect(run).toEqual({ code: 0, stdout: `✔ kube-system/agent\n${warningLine}\n`, stderr: '', stdinReads: 0 });
    expect(strict).toEqual({ ...run, code: 1 });
  });

  test('--output json lists the warnings beside the errors', async () => {
    const dir = workspace({ 'agent.yaml': unknownField });
    const run = await everynode(['validate', '-o', 'json', 'agent.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).objects[0]).toEqual(expect.objectContaining({
      valid: true,
      errors: [],
      warnings: [{
        code: 'UnknownField',
        field: 'spec.template.spec.containers[0].imagePulPolicy',
        message: 'unknown field "spec.template.spec.containers[0].imagePulPolicy"',
      }],
    }));
  });
});

describe('objects defined twice', () => {
  const message = 'DaemonSet kube-system/agent is defined twice, in a.yaml (document 2, line 9) and in b.yaml (document 1, line 1): ' +
    'kubectl apply would apply the second over the first';

  function twoFiles(): string {
    const filler = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'kube-system' }, data: { a: '1', b: '2' } };
    return workspace({ 'a.yaml': [filler, agent(() => undefined)], 'b.yaml': agent(() => undefined) });
  }

  test('validate: a warning naming both files and documents; exit 1 only with --strict', async () => {
    const dir = twoFiles();
    const run = await everynode(['validate', 'a.yaml', 'b.yaml'], { cwd: dir });
    const strict = await everynode(['validate', '--strict', '-o', 'json', 'a.yaml', 'b.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toContain(`warning: ${message}`);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).findings).toEqual([{ code: 'DuplicateObject', severity: 'warning', objects: ['DaemonSet kube-system/agent'], message }]);
  });

  test('place: the finding in the report; with --strict exit 1 with the finding on stderr', async () => {
    const dir = twoFiles();
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, '-o', 'json', 'a.yaml', 'b.yaml'], { cwd: dir });
    const strict = await everynode(['place', '-i', EXAMPLE_INVENTORY, '--strict', 'a.yaml', 'b.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([expect.objectContaining({ code: 'DuplicateObject', message })]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`  warning: ${message}`);
    expect(strict.stderr).toBe(`everynode: ${message} (--strict)\n`);
  });

  test('the same name in another namespace, or of another kind, is no duplicate', async () => {
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'agent', namespace: 'kube-system' }, spec: {} };
    const dir = workspace({ 'a.yaml': [agent(() => undefined), service, daemonSet('agent', { namespace: 'monitoring' })] });
    const run = await everynode(['validate', '--strict', 'a.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('warning');
  });
});

describe('everynode place: warnings', () => {
  test('prints the DaemonSet warnings in the table and fails on them only with --strict', async () => {
    const dir = workspace({ 'agent.yaml': agent((ds) => { ds.spec.foo = 1; }) });
    const run = await everynode(['place', '-i', EXAMPLE_INVENTORY, 'agent.yaml'], { cwd: dir });
    const strict = await everynode(['place', '-i', EXAMPLE_INVENTORY, '--strict', 'agent.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\nWarnings (the API server accepts these, but they are almost certainly mistakes):\n  warning: kube-system/agent: spec.foo: unknown field "spec.foo"\n');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('everynode: kube-system/agent has 1 warning (--strict): spec.foo: unknown field "spec.foo"\n');
  });
});
