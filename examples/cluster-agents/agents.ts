/*
 * The cluster's node agents as a cdk8s chart. In your own project import from 'everynode/cdk8s';
 * this example imports the sources so that it runs without a build.
 */
import { Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { DaemonServiceKind, DaemonVariants, MasterTolerant, NodeDaemon, NodeFilteredDaemon, StaticPod } from '../../src/cdk8s';
import { BOOT_AGENT, GPU_DEVICE_PLUGIN, LOG_COLLECTOR, NODE_AGENT, NODE_EXPORTER, WINDOWS_EXPORTER } from '../agents';

export class ClusterAgents extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    new MasterTolerant(this, 'fluent-bit', LOG_COLLECTOR);
    // Prometheus on each node scrapes the exporter of its own node.
    new NodeDaemon(this, 'node-exporter', NODE_EXPORTER).addService(DaemonServiceKind.NODE_LOCAL);
    new NodeFilteredDaemon(this, 'nvidia-device-plugin', GPU_DEVICE_PLUGIN);
    new NodeFilteredDaemon(this, 'windows-exporter', WINDOWS_EXPORTER);
    new DaemonVariants(this, 'node-agent', NODE_AGENT);
    // Not applied with the rest: `StaticPod.writeAll` writes it for the control-plane node.
    new StaticPod(this, 'boot-agent', BOOT_AGENT);
  }
}
