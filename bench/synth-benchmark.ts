/*
 * What the everynode constructs add to `cdk8s synth`: a new App and chart with 300
 * MasterTolerants, synthesized with `app.synthYaml()`, against the same app with 300 plain
 * ApiObjects carrying the very manifests the MasterTolerants synthesize. Both in fresh processes,
 * timed from the App to the YAML. Target: <= 1.3x.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { comparison, interleavedMedians, START, timeInFreshProcess } from './fresh-process';
// The compiled library, as users run it: `npm run bench` compiles it first.
// eslint-disable-next-line import/no-unresolved
import { DaemonProps, MasterTolerant } from '../lib/cdk8s';

const AGENTS = 300;
const RUNS = 9;
const TARGET = 1.3;
const NAMESPACE = 'observability';

/** Props as platform teams write them, plain data so that a child process can read them. */
type Agents = Array<{ id: string; props: DaemonProps }>;

/** A log shipper's props: an image, a host path, a few variables, requests and a node selector. */
function typicalAgents(count: number): Agents {
  return Array.from({ length: count }, (_, i) => {
    const id = `agent-${String(i).padStart(3, '0')}`;
    return {
      id,
      props: {
        image: `registry.example.com/agents/${id}:1.${i % 10}.${i}`,
        ...(i % 2 === 0 ? { hostPaths: { '/var/log': { mountPath: '/var/log', readOnly: true } } } : {}),
        env: { LOG_LEVEL: 'info', CLUSTER: 'prod-us-west-2' },
        resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        ...(i % 3 === 0 ? { kubernetesVersion: '1.29' } : {}),
      },
    };
  });
}

/**
 * A security agent's props, with most of what DaemonProps offers: a sidecar, probes, host ports,
 * several host paths, a dozen variables, labels and annotations, and a hardened security context.
 */
function richAgents(count: number): Agents {
  return Array.from({ length: count }, (_, i) => {
    const id = `scanner-${String(i).padStart(3, '0')}`;
    const probe = { httpGet: { path: '/healthz', port: 9000 + (i % 50) }, periodSeconds: 10 + (i % 5) };
    return {
      id,
      props: {
        image: `registry.example.com/security/${id}@sha256:${String(i).padStart(64, 'a')}`,
        args: ['--mode=node', `--shard=${i % 7}`, '--log-format=json'],
        env: Object.fromEntries(Array.from({ length: 12 }, (_unused, v) => [`SCANNER_SETTING_${v}`, `value-${(i + v) % 13}`])),
        hostPorts: [9000 + (i % 50)],
        hostPaths: {
          '/proc': { mountPath: '/host/proc', readOnly: true },
          '/sys': { mountPath: '/host/sys', readOnly: true },
          ...(i % 2 === 0 ? { '/var/lib/containerd': { mountPath: '/host/containerd', readOnly: true } } : {}),
        },
        livenessProbe: probe,
        readinessProbe: probe,
        resources: { requests: { cpu: `${50 + (i % 4) * 25}m`, memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
        sidecars: [{ name: 'exporter', image: 'registry.example.com/security/exporter:2.4.1', ports: [{ name: 'metrics', containerPort: 9400 }] }],
        labels: { 'app.kubernetes.io/part-of': 'security', 'team': `team-${i % 9}` },
        annotations: { 'example.com/owner': `team-${i % 9}@example.com` },
        podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9400' },
        hardened: i % 2 === 1,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
      },
    };
  });
}

/** Times a new App and chart, `construct(chart, data)` and `app.synthYaml()`, with the JSON of `process.argv[1]`. */
const synthScript = (construct: string) => `
const fs = require('fs');
const { ApiObject, App, Chart } = require('cdk8s');
const { MasterTolerant } = require('everynode/cdk8s');
const data = JSON.parse(fs.readFileSync(process.argv[1], 'utf8'));
const stop = ${START};
const app = new App();
const chart = new Chart(app, 'agents', { namespace: ${JSON.stringify(NAMESPACE)} });
(${construct})(chart, data);
app.synthYaml();
stop();
`;

const EVERYNODE = synthScript('(chart, agents) => agents.forEach(({ id, props }) => new MasterTolerant(chart, id, props))');
const API_OBJECTS = synthScript('(chart, manifests) => manifests.forEach((manifest, i) => new ApiObject(chart, "object-" + i, manifest))');

/** Times both sides in fresh processes, for one shape of props. */
function compare(shape: string, agents: Agents, dir: string): void {
  const chart = new Chart(new App({ outdir: os.tmpdir() }), 'agents', { namespace: NAMESPACE });
  agents.forEach(({ id, props }) => new MasterTolerant(chart, id, props));
  const manifests = Testing.synth(chart);

  const agentsFile = path.join(dir, `${shape}-agents.json`);
  const manifestsFile = path.join(dir, `${shape}-manifests.json`);
  fs.writeFileSync(agentsFile, JSON.stringify(agents));
  fs.writeFileSync(manifestsFile, JSON.stringify(manifests));
  const times = interleavedMedians(RUNS, {
    everynode: () => timeInFreshProcess(EVERYNODE, [agentsFile]),
    apiObjects: () => timeInFreshProcess(API_OBJECTS, [manifestsFile]),
  });
  console.log(`  ${shape}: ${AGENTS} MasterTolerants vs ${AGENTS} ApiObjects with the same manifests: ${comparison(times.everynode, times.apiObjects, TARGET)}`);
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-bench-'));
  try {
    console.log(`synth in a fresh process (new App, a chart, ${AGENTS} objects, app.synthYaml()), median of ${RUNS} interleaved runs:`);
    compare('log shippers', typicalAgents(AGENTS), dir);
    compare('security agents with sidecars', richAgents(AGENTS), dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
