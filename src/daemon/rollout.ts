import { DaemonSetUpdateStrategy } from './kubernetes-types';
import { PodCount } from './pod-count';
import { PropProblem } from './props-error';

/** Options of a rolling update. */
export interface RollingUpdateOptions {
  /**
   * How many daemon pods may be down at once during an update. Percentages round up.
   * @default - `PodCount.absolute(1)`, or `PodCount.absolute(0)` when `maxSurge` is set
   */
  readonly maxUnavailable?: PodCount;
  /**
   * How many nodes may run an old and a new pod side by side during an update, so the agent never
   * stops on a node. Percentages round up. Setting it makes `maxUnavailable` 0, since the API
   * server rejects a surge beside a non-zero maxUnavailable (whose default is 1).
   * @default - `PodCount.absolute(0)`
   */
  readonly maxSurge?: PodCount;
}

/**
 * How a DaemonSet replaces its pods when the template changes.
 *
 * `RollingUpdate` replaces pods node by node, `maxUnavailable` at a time, or starts the new pod
 * beside the old one when `maxSurge` is set (the agent never stops, but for a moment both run,
 * which a host-port agent cannot do). `OnDelete` waits until someone deletes the old pod.
 *
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export class Rollout {
  /** Replace pods node by node. */
  static rollingUpdate(options: RollingUpdateOptions = {}): Rollout {
    return new Rollout('RollingUpdate', options);
  }

  /** Replace a pod only when it is deleted. */
  static onDelete(): Rollout {
    return new Rollout('OnDelete', {});
  }

  private constructor(
    private readonly strategy: 'RollingUpdate' | 'OnDelete',
    private readonly options: RollingUpdateOptions,
  ) {}

  /**
   * Whether new pods start beside the old ones (a non-zero maxSurge).
   * @internal
   */
  get _surges(): boolean {
    const { maxSurge } = this.options;
    return this.strategy === 'RollingUpdate' && maxSurge instanceof PodCount && maxSurge._magnitude > 0;
  }

  /**
   * Problems with the numbers, each naming the prop under `field`.
   * @internal
   */
  _problems(field: string): PropProblem[] {
    const { maxUnavailable, maxSurge } = this.options;
    const problems = [
      ...podCountProblems(maxUnavailable, `${field}.maxUnavailable`),
      ...podCountProblems(maxSurge, `${field}.maxSurge`),
    ];
    if (problems.length > 0 || this.strategy === 'OnDelete') return problems;
    const surge = maxSurge?._magnitude ?? 0;
    const unavailable = maxUnavailable?._magnitude ?? (surge > 0 ? 0 : 1);
    if (surge > 0 && unavailable > 0) {
      problems.push({
        field: `${field}.maxSurge`,
        message:
          'cannot be combined with a non-zero maxUnavailable: either surge (leave maxUnavailable unset or 0) or replace in place (leave maxSurge unset)',
      });
    } else if (surge === 0 && unavailable === 0) {
      problems.push({
        field: `${field}.maxUnavailable`,
        message: 'cannot be 0 when maxSurge is 0: the rollout could never replace a pod; set one of them above 0',
      });
    }
    return problems;
  }

  /** The `spec.updateStrategy` of the DaemonSet, with both numbers written out. */
  toJson(): DaemonSetUpdateStrategy {
    if (this.strategy === 'OnDelete') return { type: 'OnDelete' };
    const maxSurge = this.options.maxSurge ?? PodCount.absolute(0);
    const maxUnavailable = this.options.maxUnavailable ?? PodCount.absolute(maxSurge._magnitude > 0 ? 0 : 1);
    return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: maxUnavailable._toIntOrPercent(), maxSurge: maxSurge._toIntOrPercent() } };
  }
}

/** A plain number or percent string, which JavaScript lets through, is named as the prop rather than failing with a TypeError. */
function podCountProblems(value: PodCount | undefined, field: string): PropProblem[] {
  if (value === undefined) return [];
  if (!(value instanceof PodCount)) {
    return [{ field, message: `must be a PodCount, e.g. PodCount.absolute(1) or PodCount.percent(10) (got ${JSON.stringify(value)})` }];
  }
  return value._problems(field);
}
