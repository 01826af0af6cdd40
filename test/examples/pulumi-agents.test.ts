import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { evaluatePlacement, loadInventory, PlacementReport } from '../../src';
import { placementMatchers, placementSerializer } from '../../src/jest';
import { evaluatePulumiProgram } from '../../src/pulumi';

expect.extend(placementMatchers);
expect.addSnapshotSerializer(placementSerializer);

const INVENTORY = path.join(__dirname, '..', '..', 'examples', 'inventory.yaml');

describe('examples/pulumi-agents on examples/inventory.yaml', () => {
  // The program is a module: it runs once per module registry, so it is evaluated once here.
  const report = evaluatePulumiProgram(() => import('../../examples/pulumi-agents/index'), INVENTORY);

  test('placement', async () => {
    expect(await report).toMatchSnapshot();
  });

  test('lands every agent where the cdk8s example lands it: same props, same DaemonSets', async () => {
    const cdk8s = evaluatePlacement(Testing.synth(new ClusterAgents(Testing.app() as App, 'cluster-agents')), loadInventory(INVENTORY));
    // evaluatePulumiProgram lists DaemonSets by namespace and name; the cdk8s chart in its order.
    const byId = (placement: PlacementReport) =>
      Object.fromEntries(placement.daemonSets.map((ds) => [`${ds.namespace}/${ds.name}`, JSON.parse(JSON.stringify(ds))]));
    expect(byId(await report)).toEqual(byId(cdk8s));
  });

  test('the device plugin runs on the GPU node only, the Windows agent on the Windows node only', async () => {
    const placement = await report;
    expect(placement).toRunOn('nvidia-device-plugin', ['gpu-1']);
    expect(placement).toRunOn('monitoring/windows-exporter', ['win-1']);
  });

  test('the log collector skips the NotReady node, whose NoSchedule taint it does not tolerate', async () => {
    const placement = await report;
    expect(placement).toSkip('fluent-bit', 'worker-notready', 'UntoleratedTaint');
    expect(placement).toRunOn('fluent-bit', ['cp-1', 'worker-1', 'worker-2', 'gpu-1', 'worker-cordoned']);
  });
});
