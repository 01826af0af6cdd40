/*
 * `npm run example`: synthesizes the example into examples/cluster-agents/dist, then shows where
 * every agent, the static pod included, would run on the cluster described in examples/inventory.yaml.
 */
import * as path from 'path';
import { App } from 'cdk8s';
import { ClusterAgents } from './agents';
import { evaluatePlacement, loadInventory, renderTable } from '../../src';
import { StaticPod } from '../../src/cdk8s';

const app = new App({ outdir: path.join(__dirname, 'dist') });
const agents = new ClusterAgents(app, 'cluster-agents');
app.synth();
console.log(`Wrote ${path.relative(process.cwd(), path.join(app.outdir, 'cluster-agents.k8s.yaml'))}`);
for (const file of StaticPod.writeAll(app)) console.log(`Wrote ${path.relative(process.cwd(), file)} (a static pod: copy it to the node's /etc/kubernetes/manifests)`);
console.log('');

const inventory = path.join(__dirname, '..', 'inventory.yaml');
console.log(`Placement on ${path.relative(process.cwd(), inventory)}:\n`);
// The static pod is no object of the chart: its files' Pods are evaluated beside it, as
// `everynode place -i examples/inventory.yaml examples/cluster-agents/dist` reads them.
const staticPods = agents.node.findAll()
  .filter((c): c is StaticPod => c instanceof StaticPod)
  .flatMap((pod) => pod.files.map((file) => file.manifest));
console.log(renderTable(evaluatePlacement([...agents.toJson(), ...staticPods], loadInventory(inventory))));
