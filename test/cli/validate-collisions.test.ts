import { everynode, workspace } from './cli-harness';
import { SELECTED_BY_ANNOTATION } from '../../src/collisions';
import { daemonSet, workload } from '../collisions/fixtures';

const AGENT = daemonSet('node-agent', { namespace: 'ops' });
const PLANTED = workload('Deployment', 'agent-api', { app: 'node-agent', tier: 'api' }, { namespace: 'ops' });
const FLUENT_BIT = daemonSet('fluent-bit', { namespace: 'logging', labels: { app: 'logs', impl: 'fluent-bit' }, selector: { matchLabels: { app: 'logs' } } });
const VECTOR = daemonSet('vector', { namespace: 'logging', labels: { app: 'logs', impl: 'vector' }, selector: { matchLabels: { app: 'logs' } } });

describe('everynode validate reports selector collisions (DESIGN 3.4: a collision is an error)', () => {
  test('a planted Deployment and two overlapping DaemonSets: exit 1, one error line per collision naming both objects', async () => {
    const dir = workspace({ 'agents.yaml': [AGENT, FLUENT_BIT, VECTOR], 'apps.yaml': PLANTED });
    const run = await everynode(['validate', 'agents.yaml', 'apps.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['✔ ops/node-agent', '✔ logging/fluent-bit', '✔ logging/vector']);
    expect(lines.slice(3).filter((line) => line !== '').map((line) => line.slice(0, line.indexOf(':', 'error: '.length)))).toEqual([
      'error: DaemonSet ops/node-agent selects the pods of Deployment ops/agent-api',
      'error: DaemonSet logging/fluent-bit and DaemonSet logging/vector select each other\'s pods',
    ]);
  });

  test('--output json: the findings, each with code, severity, both objects and the message', async () => {
    const dir = workspace({ 'all.yaml': [AGENT, PLANTED] });
    const run = await everynode(['validate', '-o', 'json', 'all.yaml'], { cwd: dir });

    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.objects).toEqual([{ kind: 'DaemonSet', namespace: 'ops', name: 'node-agent', valid: true, errors: [], warnings: [] }]);
    expect(report.findings).toEqual([{
      code: 'SelectorCollision',
      severity: 'error',
      objects: ['DaemonSet ops/node-agent', 'Deployment ops/agent-api'],
      message: expect.stringContaining('its selector app=node-agent matches their labels app=node-agent. The DaemonSet controller leaves them alone'),
    }]);
  });

  test('the same objects in different namespaces: exit 0', async () => {
    const elsewhere = workload('Deployment', 'agent-api', { app: 'node-agent' }, { namespace: 'apps' });
    const otherVector = { ...VECTOR, metadata: { name: 'vector', namespace: 'logging-v2' } };
    const dir = workspace({ 'all.yaml': [AGENT, elsewhere, FLUENT_BIT, otherVector] });
    const run = await everynode(['validate', 'all.yaml'], { cwd: dir });

    expect(run).toMatchObject({ code: 0, stdout: '✔ ops/node-agent\n✔ logging/fluent-bit\n✔ logging-v2/vector\n' });
  });

  test(`a Pod marked with ${SELECTED_BY_ANNOTATION}: no error`, async () => {
    const testPod = workload('Pod', 'agent-debug', { app: 'node-agent' }, { namespace: 'ops', annotations: { [SELECTED_BY_ANNOTATION]: 'node-agent' } });
    const dir = workspace({ 'all.yaml': [AGENT, testPod] });
    const run = await everynode(['validate', '-o', 'json', 'all.yaml'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });
});
