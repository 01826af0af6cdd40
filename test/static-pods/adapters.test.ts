import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing, Yaml } from 'cdk8s';
import { Pod } from 'kubernetes-models/v1/Pod';
import * as cdk8s from '../../src/cdk8s';
import { StaticPod, StaticPodProps } from '../../src/pulumi';
import { propsErrorMessage } from '../daemon/props-error-of';
import { MockHarness, settle, valueOf } from '../pulumi/harness';

const harness = new MockHarness();
beforeAll(() => harness.install());

const BOOT_AGENT: StaticPodProps = {
  nodes: ['cp-1', 'cp-2'],
  image: 'registry.example.com/boot-agent:1.0',
  hostNetwork: true,
  hostPaths: { '/etc/kubernetes/boot-agent': { mountPath: '/config', readOnly: true } },
};

describe('the cdk8s StaticPod', () => {
  test('is not in the chart\'s applied output: the kubelet, not the API server, runs it', () => {
    const chart = Testing.chart();
    new cdk8s.StaticPod(chart, 'boot-agent', BOOT_AGENT);
    new cdk8s.NodeDaemon(chart, 'agent', { image: 'agent:1' });
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual(['DaemonSet']);
  });

  test('StaticPod.writeAll writes a valid Pod per node under <outdir>/static-pods/<node>/<name>.yaml, after app.synth()', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-static-'));
    try {
      const app = new App({ outdir });
      const chart = new Chart(app, 'control-plane');
      const pod = new cdk8s.StaticPod(chart, 'boot-agent', BOOT_AGENT);
      app.synth();
      const written = cdk8s.StaticPod.writeAll(app);
      expect(written.map((file) => path.relative(outdir, file))).toEqual(['static-pods/cp-1/boot-agent.yaml', 'static-pods/cp-2/boot-agent.yaml']);
      const [manifest] = Yaml.load(written[0]);
      expect(manifest).toEqual(pod.files[0].manifest);
      expect(() => new Pod(manifest).validate()).not.toThrow();
      expect(fs.readdirSync(outdir).sort()).toEqual(['control-plane.k8s.yaml', 'static-pods']);
      expect(fs.readFileSync(path.join(outdir, 'control-plane.k8s.yaml'), 'utf8')).not.toContain('boot-agent');
      expect(pod.files.map((f) => [f.nodePath, f.mirrorPodName])).toEqual([
        ['/etc/kubernetes/manifests/boot-agent.yaml', 'boot-agent-cp-1'],
        ['/etc/kubernetes/manifests/boot-agent.yaml', 'boot-agent-cp-2'],
      ]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('writes nothing when two static pods would write the same file', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-static-'));
    try {
      const app = new App({ outdir });
      const chart = new Chart(app, 'nodes');
      new cdk8s.StaticPod(chart, 'boot-agent', BOOT_AGENT);
      new cdk8s.StaticPod(chart, 'again', { ...BOOT_AGENT, name: 'boot-agent', nodes: ['cp-2'] });
      expect(propsErrorMessage(() => cdk8s.StaticPod.writeAll(app))).toBe(
        "StaticPod 'nodes/again': name: cp-2/boot-agent.yaml is written by StaticPod 'nodes/boot-agent' too: give one of them another name",
      );
      expect(fs.existsSync(path.join(outdir, 'static-pods'))).toBe(false);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test('a reference a mirror pod may not have fails at construction, naming the construct and the field', () => {
    const secretVolume = { name: 'certs', secret: { secretName: 'boot-agent-certs' } };
    expect(propsErrorMessage(() => new cdk8s.StaticPod(Testing.chart(), 'boot-agent', { ...BOOT_AGENT, volumes: [secretVolume] }))).toMatch(
      /^StaticPod 'test\/boot-agent': volumes\[0\]\.secret \(spec\.volumes\[1\]\.secret\): .*secrets/,
    );
  });
});

describe('the Pulumi StaticPod', () => {
  test('creates nothing in the cluster, and registers each node\'s file as outputs', async () => {
    const pod = new StaticPod('boot-agent-pulumi', { ...BOOT_AGENT, name: 'boot-agent' });
    const urn = await valueOf(pod.urn);
    expect(urn).toBe('urn:pulumi:stack::project::everynode:index:StaticPod::boot-agent-pulumi');
    await settle();
    expect(harness.registrations.filter((r) => r.parent === urn)).toEqual([]);
    const outputs = harness.registeredOutputs(urn) as { files: Array<{ node: string; nodePath: string; mirrorPodName: string; manifest: unknown }> };
    const construct = new cdk8s.StaticPod(Testing.chart(), 'boot-agent', BOOT_AGENT);
    const expected = construct.files.map(({ node, nodePath, mirrorPodName, manifest }) => ({ node, nodePath, mirrorPodName, manifest }));
    expect(outputs.files).toEqual(expected);
  });

  test('bad props throw before anything is registered, naming the component', () => {
    const withAccount = { ...BOOT_AGENT, serviceAccountName: 'boot-agent' };
    expect(propsErrorMessage(() => new StaticPod('boot-agent-bad', withAccount))).toMatch(/^StaticPod 'boot-agent-bad': serviceAccountName/);
  });
});
