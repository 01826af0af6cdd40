/*
 * The example of the README as `everynode place` reads it: the cluster-agents chart and the Pods of
 * its static pods' files, written to a directory, evaluated on examples/inventory.yaml.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { stringify } from 'yaml';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { StaticPod } from '../../src/cdk8s';

export const EXAMPLE_INVENTORY = path.resolve(__dirname, '../../examples/inventory.yaml');

/** A fresh directory holding the example's manifests; the caller removes it. */
export function exampleManifestsDir(): string {
  const chart = new ClusterAgents(Testing.app() as App, 'cluster-agents');
  const staticPods = chart.node.findAll()
    .filter((c): c is StaticPod => c instanceof StaticPod)
    .flatMap((pod) => pod.files.map((file) => file.manifest));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-example-'));
  fs.writeFileSync(path.join(dir, 'cluster-agents.yaml'), [...Testing.synth(chart), ...staticPods].map((doc) => stringify(doc)).join('---\n'));
  return dir;
}
