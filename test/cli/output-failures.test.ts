/*
 * What happens when standard output fails or goes away while the report is written: the JSON
 * report is produced a DaemonSet at a time as it is written, so these can happen half-way.
 */
import { CLUSTER, daemonSet, toYaml, workspace } from './cli-harness';
import { runCli } from '../../src/cli/run';
import * as json from '../../src/placement/render/json';

const failingRender = { armed: false };

// The real renderer, unless a test arms it to fail after its first piece (a bug half-way).
jest.mock('../../src/placement/render/json', () => {
  const actual = jest.requireActual('../../src/placement/render/json');
  return {
    ...actual,
    *reportJsonChunks(...args: Parameters<typeof json.reportJsonChunks>) {
      let pieces = 0;
      for (const piece of actual.reportJsonChunks(...args)) {
        if (failingRender.armed && pieces++ === 1) throw new Error('cannot render\n    at reportJsonChunks');
        yield piece;
      }
    },
  };
});

afterEach(() => {
  failingRender.armed = false;
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: no space left on device, write`), { code });
}

/** `place -o json` of three DaemonSets on the small cluster, with `stdout` as given. */
async function placeJson(stdout: (chunk: string | Uint8Array) => boolean | void) {
  const dir = workspace({ 'nodes.yaml': CLUSTER, 'agents.yaml': toYaml([daemonSet('a'), daemonSet('b'), daemonSet('c')]) });
  let stderr = '';
  const code = await runCli(['place', '-i', 'nodes.yaml', '-o', 'json', 'agents.yaml'], {
    stdout,
    stderr: (text) => { stderr += text; },
    readStdin: async () => '',
    cwd: dir,
  });
  return { code, stderr };
}

describe('standard output that fails or goes away', () => {
  test('a write that fails (a full disk) exits 74 with one line naming the error', async () => {
    const run = await placeJson(() => { throw errno('ENOSPC'); });
    expect(run).toEqual({ code: 74, stderr: 'everynode: cannot write standard output (ENOSPC)\n' });
  });

  test('a reader that has gone stops the report: nothing more is produced, and the status is the command\'s', async () => {
    const written: string[] = [];
    const run = await placeJson((chunk) => {
      written.push(Buffer.from(chunk).toString('utf8'));
      return false;
    });

    expect(run).toEqual({ code: 0, stderr: '' });
    expect(written).toEqual(['{"nodes":["cp-1","worker-1","worker-2"],"daemonSets":[']);
  });

  test('a failure while the report is produced is a bug (70), not the input (2) nor the disk (74)', async () => {
    failingRender.armed = true;
    const written: string[] = [];
    const run = await placeJson((chunk) => { written.push(Buffer.from(chunk).toString('utf8')); });

    expect(run).toEqual({ code: 70, stderr: 'everynode: internal error: cannot render at reportJsonChunks\n' });
    expect(written).toHaveLength(1);
  });
});
