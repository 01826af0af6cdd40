/*
 * Runs the CLI in-process with a fake io, and writes the manifests and inventories the tests
 * feed it into throwaway directories.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { CliIo, runCli } from '../../src/cli/run';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const EXAMPLE_INVENTORY = path.join(REPO_ROOT, 'examples/inventory.yaml');

/** What one run of the CLI did. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** How many times the CLI read stdin. */
  readonly stdinReads: number;
}

/** Runs `everynode ...argv` in-process; relative paths resolve against `cwd`. */
export async function everynode(argv: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<CliRun> {
  // Bytes are decoded once at the end: a chunk may end inside a multi-byte character.
  const stdout: Buffer[] = [];
  let stderr = '';
  let stdinReads = 0;
  const io: CliIo = {
    stdout: (chunk) => { stdout.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)); },
    stderr: (text) => { stderr += text; },
    readStdin: async () => {
      stdinReads++;
      return options.stdin ?? '';
    },
    cwd: options.cwd ?? REPO_ROOT,
  };
  const code = await runCli(argv, io);
  return { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr, stdinReads };
}

/** Runs the real launcher in a child process, through ts-node, from the repository root. */
export function spawnEverynode(argv: readonly string[], stdin = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/bin.ts', ...argv], {
    cwd: REPO_ROOT,
    env: { ...process.env, TS_NODE_PROJECT: 'test/tsconfig.json' },
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];

/**
 * A fresh directory holding `files` (relative path -> content; objects are written as YAML, an
 * array of objects as a multi-document YAML file). Removed after each test of the file.
 */
export function workspace(files: Readonly<Record<string, string | object>> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-cli-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) writeFile(dir, name, content);
  return dir;
}

export function writeFile(dir: string, name: string, content: string | object): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content : toYaml(content));
  return file;
}

/** YAML text; an array becomes one document per element. */
export function toYaml(content: object): string {
  return Array.isArray(content) ? content.map((item) => stringify(item)).join('---\n') : stringify(content);
}

afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Options of a test DaemonSet. */
export interface DaemonSetOptions {
  readonly namespace?: string;
  readonly tolerations?: readonly object[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly selector?: Readonly<Record<string, string>>;
  readonly templateLabels?: Readonly<Record<string, string>>;
  readonly cpu?: string;
}

/** A minimal apps/v1 DaemonSet that the API server accepts unless the options break it. */
export function daemonSet(name: string, options: DaemonSetOptions = {}): Record<string, unknown> {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, ...(options.namespace ? { namespace: options.namespace } : {}) },
    spec: {
      selector: { matchLabels: options.selector ?? labels },
      template: {
        metadata: { labels: options.templateLabels ?? labels },
        spec: {
          containers: [{
            name: 'agent',
            image: 'registry.example/agent:1.0',
            ...(options.cpu ? { resources: { requests: { cpu: options.cpu } } } : {}),
          }],
          ...(options.tolerations ? { tolerations: options.tolerations } : {}),
          ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}),
        },
      },
    },
  };
}

/** A v1 Node; `controlPlane` adds kubeadm's role label and NoSchedule taint. */
export function node(name: string, options: { controlPlane?: boolean; labels?: Record<string, string>; cpu?: string } = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(options.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
        ...options.labels,
      },
    },
    spec: options.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {},
    status: { allocatable: { cpu: options.cpu ?? '4', memory: '16Gi', pods: '110' } },
  };
}

/** `kubectl get nodes -o yaml` output: a v1 List of the nodes. */
export function nodeList(...nodes: object[]): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'List', items: nodes };
}

/** The toleration that lets a DaemonSet onto kubeadm control-plane nodes. */
export const CONTROL_PLANE_TOLERATION = { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' };

/** A small cluster: one control-plane node and two workers. */
export const CLUSTER = nodeList(node('cp-1', { controlPlane: true }), node('worker-1'), node('worker-2'));
