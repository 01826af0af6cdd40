import { Toleration } from './taint-toleration';

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', value: '', effect });

/** Added to every daemon pod: it survives not-ready / unreachable eviction and lands on cordoned or pressured nodes. */
const ALWAYS = [
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];

/** Added only to host-network pods, which do not need the pod network to start. */
const HOST_NETWORK = exists('node.kubernetes.io/network-unavailable', 'NoSchedule');

/**
 * The tolerations the DaemonSet controller adds to every daemon pod, as
 * `util.AddOrUpdateDaemonPodTolerations` in pkg/controller/daemon/util/daemonset_util.go does.
 * Note what is missing: the NoSchedule halves of not-ready and unreachable.
 */
export function daemonPodTolerations(hostNetwork: boolean): readonly Toleration[] {
  return hostNetwork ? [...ALWAYS, HOST_NETWORK] : ALWAYS;
}
