/*
 * The cluster's node agents as a Pulumi program: the same props as the cdk8s app in
 * examples/cluster-agents, so the same DaemonSets. In your own project import from
 * 'everynode/pulumi'; this example imports the sources so that its test runs without a build.
 * `pulumi up` in this folder deploys it to the cluster of the current kubeconfig.
 */
import { DaemonServiceKind, DaemonVariants, MasterTolerant, NodeDaemon, NodeFilteredDaemon, StaticPod } from '../../src/pulumi';
import { BOOT_AGENT, GPU_DEVICE_PLUGIN, LOG_COLLECTOR, NODE_AGENT, NODE_EXPORTER, WINDOWS_EXPORTER } from '../agents';

const logCollector = new MasterTolerant('fluent-bit', LOG_COLLECTOR);
new NodeDaemon('node-exporter', NODE_EXPORTER).addService(DaemonServiceKind.NODE_LOCAL);
new NodeFilteredDaemon('nvidia-device-plugin', GPU_DEVICE_PLUGIN);
new NodeFilteredDaemon('windows-exporter', WINDOWS_EXPORTER);
new DaemonVariants('node-agent', NODE_AGENT);
const bootAgent = new StaticPod('boot-agent', BOOT_AGENT);

/** What a Service or NetworkPolicy in another stack selects the log collector's pods by. */
export const logCollectorSelector = logCollector.selectorLabels;

/** The boot agent's manifest for each node, for whatever provisions the control-plane node. */
export const bootAgentFiles = bootAgent.files;
