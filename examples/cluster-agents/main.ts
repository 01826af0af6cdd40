/* Synthesizes the example into examples/cluster-agents/dist (`npm run example`). */
import * as path from 'path';
import { App } from 'cdk8s';
import { ClusterAgents } from './agents';

const app = new App({ outdir: path.join(__dirname, 'dist') });
new ClusterAgents(app, 'cluster-agents');
app.synth();

for (const chart of app.charts) {
  const daemonSets = chart.toJson().filter((o) => o.kind === 'DaemonSet');
  console.log(`${path.relative(process.cwd(), path.join(app.outdir, `${chart.node.id}.k8s.yaml`))}:`);
  for (const ds of daemonSets) console.log(`  DaemonSet ${ds.metadata.namespace}/${ds.metadata.name}`);
}
