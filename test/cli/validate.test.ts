import { daemonSet, everynode, workspace } from './cli-harness';

const VALID = daemonSet('node-agent', { namespace: 'kube-system' });
const MISMATCHED = daemonSet('log-shipper', { selector: { app: 'other' } });
const SERVICE = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'not-a-daemonset' }, spec: {} };

describe('everynode validate', () => {
  test('exits 0 and checks off every DaemonSet when all are valid', async () => {
    const dir = workspace({ 'agents.yaml': [VALID, SERVICE] });
    const run = await everynode(['validate', 'agents.yaml'], { cwd: dir });

    expect(run).toEqual({ code: 0, stdout: '✔ kube-system/node-agent\n', stderr: '', stdinReads: 0 });
  });

  test('exits 1 and lists the errors of an invalid DaemonSet the way kubectl prints them', async () => {
    const dir = workspace({ 'agents.yaml': [VALID, MISMATCHED] });
    const run = await everynode(['validate', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe([
      '✔ kube-system/node-agent',
      '✘ default/log-shipper',
      '    spec.template.metadata.labels: Invalid value: {"app":"log-shipper"}: `selector` does not match template `labels`',
      '',
    ].join('\n'));
  });

  test('--output json prints the objects with kind, namespace, name, validity and errors (DESIGN 3.3)', async () => {
    const dir = workspace({ 'agents.yaml': [VALID, SERVICE, MISMATCHED] });
    const run = await everynode(['validate', '--output', 'json', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      objects: [
        { kind: 'DaemonSet', namespace: 'kube-system', name: 'node-agent', valid: true, errors: [], warnings: [] },
        {
          kind: 'DaemonSet',
          namespace: 'default',
          name: 'log-shipper',
          valid: false,
          errors: [{ field: 'spec.template.metadata.labels', type: 'Invalid', message: '`selector` does not match template `labels`' }],
          warnings: [],
        },
      ],
      findings: [],
    });
  });

  test('--output json exits 0 when all are valid', async () => {
    const dir = workspace({ 'agents.yaml': VALID });
    const run = await everynode(['validate', '-o', 'json', 'agents.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      objects: [{ kind: 'DaemonSet', namespace: 'kube-system', name: 'node-agent', valid: true, errors: [], warnings: [] }],
      findings: [],
    });
  });

  describe('--previous', () => {
    const released = daemonSet('node-agent', { namespace: 'kube-system' });
    const relabelled = daemonSet('node-agent', {
      namespace: 'kube-system',
      selector: { app: 'node-agent', tier: 'node' },
      templateLabels: { app: 'node-agent', tier: 'node' },
    });

    test('rejects a changed spec.selector as immutable (exit 1)', async () => {
      const dir = workspace({ 'released/agents.yaml': released, 'agents.yaml': relabelled });
      const fresh = await everynode(['validate', 'agents.yaml'], { cwd: dir });
      const run = await everynode(['validate', '--previous', 'released/agents.yaml', '-o', 'json', 'agents.yaml'], { cwd: dir });

      expect(fresh.code).toBe(0);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout).objects).toEqual([{
        kind: 'DaemonSet',
        namespace: 'kube-system',
        name: 'node-agent',
        valid: false,
        errors: [{ field: 'spec.selector', type: 'Invalid', message: 'field is immutable' }],
        warnings: [],
      }]);
    });

    test('accepts an unchanged selector and matches previous objects by namespace/name', async () => {
      const otherNamespace = daemonSet('node-agent', { namespace: 'monitoring', selector: { x: 'y' }, templateLabels: { x: 'y' } });
      const dir = workspace({ 'released.yaml': [otherNamespace, released], 'agents.yaml': released });
      const run = await everynode(['validate', '--previous', 'released.yaml', 'agents.yaml'], { cwd: dir });

      expect(run).toMatchObject({ code: 0, stdout: '✔ kube-system/node-agent\n' });
    });

    test('is repeatable, and takes directories', async () => {
      const dir = workspace({
        'released/a.yaml': released,
        'released-too.yaml': daemonSet('other', { selector: { old: 'yes' }, templateLabels: { old: 'yes' } }),
        'agents.yaml': [relabelled, daemonSet('other')],
      });
      const run = await everynode(['validate', '--previous', 'released', '--previous', 'released-too.yaml', 'agents.yaml'], { cwd: dir });

      expect(run.code).toBe(1);
      expect(run.stdout).toBe([
        '✘ kube-system/node-agent',
        '    spec.selector: Invalid value: {"matchLabels":{"app":"node-agent","tier":"node"}}: field is immutable',
        '✘ default/other',
        '    spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable',
        '',
      ].join('\n'));
    });
  });
});
