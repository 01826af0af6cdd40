import * as fs from 'fs';
import * as path from 'path';
import { everynode, REPO_ROOT } from './cli-harness';
import { runCli } from '../../src/cli/run';
import { MAIN_USAGE, PLACE_USAGE, VALIDATE_USAGE } from '../../src/cli/usage';

describe('help and version', () => {
  test.each([
    [['--help'], MAIN_USAGE],
    [['-h'], MAIN_USAGE],
    [['help'], MAIN_USAGE],
    [['help', 'place'], PLACE_USAGE],
    [['place', '--help'], PLACE_USAGE],
    [['place', '-h', '--output', 'json'], PLACE_USAGE],
    [['validate', '--help'], VALIDATE_USAGE],
    [['help', 'validate'], VALIDATE_USAGE],
  ])('everynode %j prints the usage on stdout and exits 0', async (argv, usage) => {
    expect(await everynode(argv)).toEqual({ code: 0, stdout: usage, stderr: '', stdinReads: 0 });
  });

  test('the usage names the commands, the options and the exit statuses', () => {
    expect(MAIN_USAGE).toMatch(/^Usage: everynode <command> \[options\]/);
    for (const option of ['--inventory', '--output', '--group-nodes', '--expect-every-node', '--expect-exactly-once', '--fail-on-errors', '--fail-on-advisories']) {
      expect(PLACE_USAGE).toContain(option);
    }
    expect(VALIDATE_USAGE).toContain('--previous FILE');
    for (const usage of [MAIN_USAGE, PLACE_USAGE, VALIDATE_USAGE]) {
      expect(usage).toMatch(/Exit status: 0 /);
      expect(Math.max(...usage.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    }
  });

  test('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(await everynode(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '', stdinReads: 0 });
  });
});

describe('internal errors', () => {
  test('a failing stdin read is an internal error (70), in one line, without a stack trace', async () => {
    let stderr = '';
    const code = await runCli(['validate', '-'], {
      stdout: () => undefined,
      stderr: (text) => { stderr += text; },
      readStdin: () => Promise.reject(new Error('stdin closed\n    at Socket.read')),
      cwd: REPO_ROOT,
    });

    expect({ code, stderr }).toEqual({ code: 70, stderr: 'everynode: internal error: stdin closed at Socket.read\n' });
  });
});
