/*
 * README.md, as a reader copies it: every TypeScript block is saved as the file it names (see
 * readme-blocks.ts for the only context blocks share), compiled with the packed everynode as a
 * dependency, and its jest tests run on examples/inventory.yaml saved as inventory.yaml, as the
 * README says. What the README shows must work.
 *
 * The scratch project's node_modules holds the packed tarball's contents as `everynode` and links
 * to this repository's installed packages for everything else (cdk8s, Pulumi, jest, ts-jest,
 * TypeScript), so nothing is downloaded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packedLibrary, removePackedLibrary, ROOT } from './package';
import { readmeFiles } from './readme-blocks';

jest.setTimeout(10 * 60 * 1000);

let project: string;
let tarball: string | undefined;

function run(command: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const { status, output } = run(command, args, cwd);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${status}\n${output}`);
  return output;
}

beforeAll(() => {
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-readme-')));
  tarball = packedLibrary();
  const modules = path.join(project, 'node_modules');
  fs.mkdirSync(path.join(modules, 'everynode'), { recursive: true });
  mustRun('tar', ['-xzf', tarball, '-C', path.join(modules, 'everynode'), '--strip-components=1'], project);
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry === 'everynode' || entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
  }

  for (const file of readmeFiles(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))) {
    fs.writeFileSync(path.join(project, file.name), file.text);
  }
  fs.copyFileSync(path.join(ROOT, 'examples', 'inventory.yaml'), path.join(project, 'inventory.yaml'));
  // What `tsc --init` and the cdk8s project templates choose, strict as users are asked to be.
  fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ['jest', 'node'] },
    include: ['*.ts'],
  }));
  // The README's jest set-up: ts-jest, and the matchers for every test file.
  fs.writeFileSync(path.join(project, 'jest.config.js'), `module.exports = ${JSON.stringify({
    preset: 'ts-jest',
    testEnvironment: 'node',
    setupFilesAfterEnv: ['everynode/jest/setup'],
    testMatch: ['<rootDir>/*.test.ts'],
  })};\n`);
});

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
  if (tarball) removePackedLibrary(tarball);
});

test('the README holds the blocks this test is about', () => {
  const names = readmeFiles(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((f) => f.name);
  expect(names).toEqual(expect.arrayContaining(['index.ts', 'placement.test.ts', 'everynode-jest.d.ts', 'agents.test.ts']));
});

test('every TypeScript block compiles, strict, against the packed package', () => {
  const { status, output } = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
  expect([status, output.trim()]).toEqual([0, '']);
});

test.each(['placement.test.ts', 'agents.test.ts'])('%s compiles with only the README\'s declaration file to type the matchers', (testFile) => {
  // Compiled apart from the other blocks, whose imports of everynode/jest would type the matchers anyway.
  fs.writeFileSync(path.join(project, `tsconfig.${testFile}.json`), JSON.stringify({ extends: './tsconfig.json', include: [testFile, 'everynode-jest.d.ts'] }));
  const { status, output } = run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', `tsconfig.${testFile}.json`], project);
  expect([status, output.trim()]).toEqual([0, '']);
});

test('the jest blocks pass on examples/inventory.yaml', () => {
  // Every test the README's test files declare runs, and passes: none is skipped or lost.
  const declared = readmeFiles(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))
    .filter((file) => file.name.endsWith('.test.ts'))
    .reduce((count, file) => count + (file.text.match(/^\s*(test|it)\(/gm) ?? []).length, 0);
  expect(declared).toBeGreaterThanOrEqual(3);
  const { status, output } = run(process.execPath, [require.resolve('jest/bin/jest'), '--ci=false', '--colors=false'], project);
  expect([status, output]).toEqual([0, expect.stringMatching(new RegExp(`Tests:\\s+${declared} passed, ${declared} total`))]);
});
