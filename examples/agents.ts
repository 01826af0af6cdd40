/*
 * The node agents of a typical cluster, as props: the same objects serve the cdk8s app
 * (examples/cluster-agents) and the Pulumi program (examples/pulumi-agents), because everynode
 * has one props vocabulary for both. In your own project import from 'everynode'; the examples
 * import the sources so that they run without a build.
 */
import { DaemonProps, DaemonVariantsProps, NodeFilter, StaticPodProps, NodeFilteredDaemonProps, PodCount, PriorityClass, Rollout, TaintEffect, Toleration } from '../src';

/**
 * Logs of every Linux node, control plane and GPU pool included: a gap in logs is a gap in the
 * audit trail. The image is Linux-only, so Windows nodes are left out on purpose. Runs as a
 * MasterTolerant.
 */
export const LOG_COLLECTOR: DaemonProps = {
  namespace: 'logging',
  image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [Toleration.exists('nvidia.com/gpu')],
  hostPaths: {
    '/var/log': { mountPath: '/var/log', readOnly: true },
    '/var/lib/fluent-bit': { mountPath: '/var/lib/fluent-bit' },
  },
  envVars: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
  resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
  rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }),
};

/**
 * Host metrics from every Linux node, whatever its taints, as kube-prometheus does: the host's
 * network and process namespaces, scraped on the node's port 9100. A host port is held by one pod
 * per node, so this agent cannot surge: the new pod would wait for the port forever. It replaces
 * in place instead, a tenth of the nodes at a time. Runs as a NodeDaemon.
 */
export const NODE_EXPORTER: DaemonProps = {
  namespace: 'monitoring',
  image: 'quay.io/prometheus/node-exporter:v1.8.2',
  args: ['--path.rootfs=/host'],
  hostNetwork: true,
  hostPID: true,
  hostPorts: [9100],
  hostPaths: { '/': { mountPath: '/host', readOnly: true } },
  rollout: Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }),
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [Toleration.everything()],
};

/** The GPU device plugin, only on GPU nodes, which carry the nvidia.com/gpu taint. */
export const GPU_DEVICE_PLUGIN: NodeFilteredDaemonProps = {
  namespace: 'kube-system',
  image: 'nvcr.io/nvidia/k8s-device-plugin:v0.17.0',
  nodes: NodeFilter.gpu(),
  hostPaths: { '/var/lib/kubelet/device-plugins': { mountPath: '/var/lib/kubelet/device-plugins' } },
  priorityClass: PriorityClass.SYSTEM_NODE_CRITICAL,
  securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
};

/**
 * A Windows-only agent. It has no host port, so it can surge: the new pod starts beside the old
 * one and the agent never stops on a node.
 */
export const WINDOWS_EXPORTER: NodeFilteredDaemonProps = {
  namespace: 'monitoring',
  image: 'ghcr.io/prometheus-community/windows-exporter:0.29.2',
  nodes: NodeFilter.windows(),
  tolerations: [Toleration.equal('os', 'windows', { effect: TaintEffect.NO_SCHEDULE })],
  rollout: Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }),
};

/**
 * A security agent, once on every node of every kind: a build with the GPU collector and more
 * memory on GPU nodes, a Windows build on Windows nodes, and the plain build everywhere else. A
 * node that two of them selected would run two agents watching the same host; a node that none
 * selected would go unwatched. As a `DaemonVariants` family neither can happen: each variant runs
 * only where no variant before it does, and the default takes every other node. Tolerating every
 * taint takes it to the control plane and to NotReady nodes too.
 */
export const NODE_AGENT: DaemonVariantsProps = {
  namespace: 'security',
  image: 'registry.example.com/node-agent:2.1.0',
  tolerations: [Toleration.everything()],
  resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { memory: '128Mi' } },
  variants: [
    { name: 'gpu', nodes: NodeFilter.gpu(), args: ['--collect-gpu-metrics'], resources: { requests: { cpu: '50m', memory: '256Mi' }, limits: { memory: '512Mi' } } },
    { name: 'windows', nodes: NodeFilter.windows(), image: 'registry.example.com/node-agent:2.1.0-windows' },
  ],
  defaultVariant: {},
};

/**
 * A bootstrap agent that must run before the control plane does, on the control-plane node: a
 * static pod, which the kubelet starts from /etc/kubernetes/manifests. Its configuration comes from
 * the node, since a mirror pod may reference no Secret or ConfigMap.
 */
export const BOOT_AGENT: StaticPodProps = {
  nodes: ['cp-1'],
  image: 'registry.example.com/boot-agent:1.0',
  hostNetwork: true,
  hostPaths: { '/etc/kubernetes/boot-agent': { mountPath: '/config', readOnly: true } },
  resources: { requests: { cpu: '10m', memory: '32Mi' } },
};
