import { DaemonSetUpdateStrategy } from './kubernetes-types';
import { PropProblem } from './props-error';
import { percentOf } from '../validation/int-or-percent';

/** A pod count (`1`) or a percentage of the nodes that run the daemon (`"10%"`). */
export type PodCountOrPercent = number | string;

/** Options of a rolling update. */
export interface RollingUpdateOptions {
  /**
   * How many daemon pods may be down at once during an update. Percentages round up.
   * @default 1, or 0 when `maxSurge` is set
   */
  readonly maxUnavailable?: PodCountOrPercent;
  /**
   * How many nodes may run an old and a new pod side by side during an update, so the agent never
   * stops on a node. Percentages round up. Setting it makes `maxUnavailable` 0, since the API
   * server rejects a surge beside a non-zero maxUnavailable (whose default is 1).
   * @default 0
   */
  readonly maxSurge?: PodCountOrPercent;
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
    /** `RollingUpdate` or `OnDelete`. */
    public readonly strategy: 'RollingUpdate' | 'OnDelete',
    private readonly options: RollingUpdateOptions,
  ) {}

  /** Whether new pods start beside the old ones (a non-zero maxSurge). */
  get surges(): boolean {
    return this.strategy === 'RollingUpdate' && magnitude(this.options.maxSurge ?? 0) > 0;
  }

  /** Problems with the numbers, each naming the prop under `field`. */
  problems(field: string): PropProblem[] {
    const { maxUnavailable, maxSurge } = this.options;
    const problems = [
      ...countOrPercentProblems(maxUnavailable, `${field}.maxUnavailable`),
      ...countOrPercentProblems(maxSurge, `${field}.maxSurge`),
    ];
    if (problems.length > 0 || this.strategy === 'OnDelete') return problems;
    const surge = magnitude(maxSurge ?? 0);
    const unavailable = magnitude(maxUnavailable ?? (surge > 0 ? 0 : 1));
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
    const maxSurge = this.options.maxSurge ?? 0;
    const maxUnavailable = this.options.maxUnavailable ?? (magnitude(maxSurge) > 0 ? 0 : 1);
    return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } };
  }
}

function magnitude(value: PodCountOrPercent): number {
  return typeof value === 'number' ? value : percentOf(value) ?? NaN;
}

function countOrPercentProblems(value: PodCountOrPercent | undefined, field: string): PropProblem[] {
  if (value === undefined) return [];
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0
      ? []
      : [{ field, message: `must be a whole number of pods, 0 or more (got ${value})` }];
  }
  const percent = percentOf(value);
  if (percent === undefined) return [{ field, message: `must be a pod count or a percent string such as "10%" (got ${JSON.stringify(value)})` }];
  if (percent > 100) return [{ field, message: `must not be greater than 100% (got ${JSON.stringify(value)})` }];
  return [];
}
