/*
 * The library as npm publishes it, compiled and packed once for all the packaging tests:
 * `npm run test:packaging` packs it in its global set-up (global-setup.ts) and names the tarball in
 * EVERYNODE_TARBALL; a test file that jest runs without that set-up packs it itself.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');
/** Compiling, packing and each install: generous, though the npm cache makes them take seconds. */
export const SETUP_TIMEOUT = 10 * 60 * 1000;
/** The environment variable that names the tarball the global set-up packed. */
export const TARBALL_VARIABLE = 'EVERYNODE_TARBALL';

/**
 * The environment of a child process, without what would make it look outside its project: an
 * `npm run`/`npx` parent exports `npm_config_local_prefix` (this repository) and friends, and
 * NODE_PATH / NODE_OPTIONS could add module paths or preloads. The npm cache, registry and proxy
 * settings are kept, so installs use the cache `npm ci` warmed.
 */
export function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^NODE_(PATH|OPTIONS)$/i.test(key)) continue;
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig|globalconfig|cafile|ca|strict_ssl|proxy|https_proxy|noproxy)$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/** The error of a command that exited with `status`, with both its outputs. */
function failure(command: string, args: readonly string[], cwd: string, status: string, stdout: string, stderr: string): Error {
  return new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${status}\n${stdout}\n${stderr}`);
}

/** Runs a command to completion and returns its stdout; throws with both outputs when it fails. */
export function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    env: isolatedEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: SETUP_TIMEOUT,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw failure(command, args, cwd, String(result.status ?? result.signal), result.stdout, result.stderr);
  return result.stdout;
}

/** `run`, without waiting: several installs proceed at once. */
export function runAsync(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: isolatedEnv(), timeout: SETUP_TIMEOUT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (status === 0) resolve(stdout);
      else reject(failure(command, args, cwd, String(status ?? signal), stdout, stderr));
    });
  });
}

/** Compiles the library and packs it into a new scratch directory; returns the tarball's path. */
export function packLibrary(): string {
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '--build'], ROOT);
  // realpath: on macOS the temp dir is a symlink, and node reports resolved paths.
  const packDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-pack-')));
  const packed = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT)) as Array<{ filename: string }>;
  const tarball = path.join(packDir, path.basename(packed[0].filename));
  if (!fs.existsSync(tarball)) throw new Error(`npm pack reported ${packed[0].filename}, but ${tarball} does not exist`);
  return tarball;
}

/** The tarball the global set-up packed, or else one packed now for the calling test file. */
export function packedLibrary(): string {
  return process.env[TARBALL_VARIABLE] ?? packLibrary();
}

/** Removes a tarball `packedLibrary` packed for the test file; the global teardown removes the shared one. */
export function removePackedLibrary(tarball: string): void {
  if (tarball !== process.env[TARBALL_VARIABLE]) removeTarball(tarball);
}

/** Removes a tarball and the scratch directory `packLibrary` packed it into. */
export function removeTarball(tarball: string): void {
  fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
}
