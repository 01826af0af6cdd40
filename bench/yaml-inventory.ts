/*
 * `everynode place --output json` on the YAML form of an inventory (as `kubectl get nodes -o yaml`
 * prints it) against the same command on its JSON form: whole processes side by side, so start-up,
 * reading, evaluating and writing all count. Targets: <= 3x the wall-clock time, <= 2x the peak
 * resident memory.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

const PAIRS = 5;
const TIME_TARGET = 3;
const MEMORY_TARGET = 2;

/** Strings that YAML's core schema reads back as strings when written plain. */
const PLAIN = /^[A-Za-z0-9_./@-][A-Za-z0-9_./:@-]*$/;
const NOT_PLAIN = /^(?:[-+]?[0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|0[xob].*|true|false|null|yes|no|on|off|y|n|~)$|:$/i;

function scalar(value: unknown): string {
  if (typeof value === 'string') return PLAIN.test(value) && !NOT_PLAIN.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null && (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0);
}

/** Block YAML as kubectl writes it: sorted keys, two-space indent, list items level with their key. */
function writeYaml(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item) && !Array.isArray(item)) {
        const lines: string[] = [];
        writeYaml(item, `${indent}  `, lines);
        out.push(`${indent}- ${lines[0].slice(indent.length + 2)}`, ...lines.slice(1));
      } else if (isCollection(item)) {
        out.push(`${indent}-`);
        writeYaml(item, `${indent}  `, out);
      } else {
        out.push(`${indent}- ${emptyOrScalar(item)}`);
      }
    }
    return;
  }
  for (const key of Object.keys(value as object).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (isCollection(child)) {
      out.push(`${indent}${scalar(key)}:`);
      writeYaml(child, Array.isArray(child) ? indent : `${indent}  `, out);
    } else {
      out.push(`${indent}${scalar(key)}: ${emptyOrScalar(child)}`);
    }
  }
}

function emptyOrScalar(value: unknown): string {
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object' && value !== null) return '{}';
  return scalar(value);
}

/** The text of `kubectl get nodes -o yaml` for the cluster whose `-o json` text is `json`. */
export function inventoryYaml(json: string): string {
  const out: string[] = [];
  writeYaml(JSON.parse(json), '', out);
  return `${out.join('\n')}\n`;
}

/** Reports its peak resident memory on exit, on stderr. */
const PEAK_MEMORY = "process.on('exit', () => require('fs').writeSync(2, `\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));";

interface Run {
  readonly wall: number;
  /** Bytes. */
  readonly peak: number;
  readonly stdout: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (millis: number) => `${millis.toFixed(1)} ms`;

/**
 * Prints `everynode place --output json` on the YAML form of `inventoryJson` against its JSON form,
 * median of PAIRS pairs run alternately, so load on a shared machine falls on both alike.
 */
export function reportYamlInventory(inventoryJson: string, daemonSets: object[], bin: string): void {
  if (!fs.existsSync(bin)) {
    console.log(`  everynode place on YAML: skipped: ${path.relative(process.cwd(), bin)} is missing (run npx projen compile)`);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-bench-yaml-'));
  try {
    const files = {
      json: path.join(dir, 'nodes.json'),
      yaml: path.join(dir, 'nodes.yaml'),
      manifests: path.join(dir, 'daemonsets.json'),
      preload: path.join(dir, 'peak-memory.js'),
    };
    const yamlText = inventoryYaml(inventoryJson);
    fs.writeFileSync(files.json, inventoryJson);
    fs.writeFileSync(files.yaml, yamlText);
    fs.writeFileSync(files.manifests, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: daemonSets }));
    fs.writeFileSync(files.preload, PEAK_MEMORY);
    const run = (inventory: string): Run => {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['-r', files.preload, bin, 'place', '--inventory', inventory, '--output', 'json', files.manifests], {
        encoding: 'utf8',
        maxBuffer: 2 ** 30,
      });
      const wall = performance.now() - start;
      if (result.status !== 0) throw new Error(`everynode place on ${inventory} exited ${result.status}: ${result.stderr}`);
      const peak = /maxRSS=(\d+)/.exec(result.stderr);
      return { wall, peak: peak ? Number(peak[1]) * 1024 : NaN, stdout: result.stdout };
    };
    const json: Run[] = [];
    const yaml: Run[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      if (pair % 2 === 0) json.push(run(files.json));
      yaml.push(run(files.yaml));
      if (pair % 2 === 1) json.push(run(files.json));
    }
    if (yaml[0].stdout !== json[0].stdout) throw new Error('everynode place printed a different report for the YAML inventory');
    const time = { yaml: median(yaml.map((r) => r.wall)), json: median(json.map((r) => r.wall)) };
    const peak = { yaml: median(yaml.map((r) => r.peak)), json: median(json.map((r) => r.peak)) };
    const timeRatio = time.yaml / time.json;
    const peakRatio = peak.yaml / peak.json;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    console.log(`  everynode place --output json, YAML inventory (${mb(Buffer.byteLength(yamlText))}) vs JSON (${mb(Buffer.byteLength(inventoryJson))}), median of ${PAIRS} pairs:`);
    console.log(`    time ${ms(time.yaml)} vs ${ms(time.json)} = ${timeRatio.toFixed(2)}x (target <= ${TIME_TARGET}x): ${verdict(timeRatio <= TIME_TARGET)}`);
    console.log(`    peak memory ${mb(peak.yaml)} vs ${mb(peak.json)} = ${peakRatio.toFixed(2)}x (target <= ${MEMORY_TARGET}x): ${verdict(peakRatio <= MEMORY_TARGET)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
