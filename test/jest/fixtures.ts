/*
 * Reports for the everynode/jest tests. The matcher tests use a small hand-written cluster so
 * that they do not move when the example changes; the example report is used where the test is
 * about the example (the snapshot, and facts about it that no toleration tweak changes).
 */
import * as path from 'path';
import { App } from 'cdk8s';
import { ClusterAgents } from '../../examples/cluster-agents/agents';
import { evaluatePlacement, node, PlacementReport } from '../../src';
import { evaluateChart } from '../../src/jest';

export const EXAMPLE_INVENTORY = path.join(__dirname, '../../examples/inventory.yaml');

/** The report of examples/cluster-agents on examples/inventory.yaml. */
export function exampleReport(): PlacementReport {
  return evaluateChart(new ClusterAgents(new App(), 'cluster-agents'), EXAMPLE_INVENTORY);
}

/** A minimal DaemonSet the API server accepts, with `pod` merged into its pod spec. */
export function daemonSet(namespace: string, name: string, pod: Record<string, unknown> = {}): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { namespace, name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: 'busybox' }], ...pod },
      },
    },
  };
}

export const CLUSTER = [
  node('cp-1').controlPlane(),
  node('worker-1'),
  node('worker-2').arch('arm64'),
  node('gpu-1').labels({ 'nvidia.com/gpu.present': 'true' }).taint('nvidia.com/gpu=true:NoSchedule'),
  node('win-1').os('windows').taint('os=windows:NoSchedule'),
  node('worker-notready').notReady(),
];

/**
 * - `logging/everywhere` tolerates every taint: runs on all six nodes.
 * - `monitoring/linux-only` selects Linux and tolerates nothing: runs on worker-1 and worker-2.
 * - `kube-system/gpu-plugin` requires the GPU label and tolerates the GPU taint: runs on gpu-1.
 * - `kube-system/pinned` names worker-2 in its template.
 * - `monitoring/agent` and `logging/agent` share a name; `default/nowhere` selects no node.
 */
export const MANIFESTS = [
  daemonSet('logging', 'everywhere', { tolerations: [{ operator: 'Exists' }] }),
  daemonSet('monitoring', 'linux-only', { nodeSelector: { 'kubernetes.io/os': 'linux' } }),
  daemonSet('kube-system', 'gpu-plugin', {
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'nvidia.com/gpu.present', operator: 'Exists' }] }],
        },
      },
    },
  }),
  daemonSet('kube-system', 'pinned', { nodeName: 'worker-2' }),
  daemonSet('monitoring', 'agent'),
  daemonSet('logging', 'agent'),
  daemonSet('default', 'nowhere', { nodeSelector: { pool: 'none' } }),
];

export function clusterReport(): PlacementReport {
  return evaluatePlacement(MANIFESTS, CLUSTER);
}

/** 15 tainted nodes and a DaemonSet that tolerates nothing: for the caps on listed nodes. */
export function largeReport(): PlacementReport {
  const nodes = Array.from({ length: 15 }, (_, i) => node(`node-${String(i + 1).padStart(2, '0')}`).taint('dedicated=db:NoSchedule'));
  return evaluatePlacement(
    [daemonSet('default', 'intolerant'), daemonSet('default', 'tolerant', { tolerations: [{ operator: 'Exists' }] })],
    nodes,
  );
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** The message `run` throws, without colors; fails when it does not throw. */
export function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message.replace(ANSI, '');
  }
  throw new Error('expected the assertion to fail, but it passed');
}
