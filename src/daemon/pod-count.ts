import { PropProblem } from './props-error';

/**
 * A number of daemon pods in a rollout: an absolute count, or a percentage of the nodes that run
 * the daemon, which Kubernetes rounds up.
 *
 * @example
 * Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(10) }); // maxUnavailable: '10%'
 * Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) });        // maxSurge: 1
 */
export class PodCount {
  /** This many pods, a whole number, 0 or more. */
  static absolute(pods: number): PodCount {
    return new PodCount(pods, false);
  }

  /** This percent of the nodes that run the daemon, a whole number from 0 to 100, rounded up to whole pods. */
  static percent(percent: number): PodCount {
    return new PodCount(percent, true);
  }

  private constructor(
    private readonly amount: number,
    private readonly isPercent: boolean,
  ) {}

  /** The count as it was written, e.g. `PodCount.percent(10)`: error messages name it this way. */
  toString(): string {
    return `PodCount.${this.isPercent ? 'percent' : 'absolute'}(${this.amount})`;
  }

  /**
   * The number as written, pods or percent: whether it is 0 is all a rollout needs to know.
   * @internal
   */
  get _magnitude(): number {
    return this.amount;
  }

  /**
   * The int-or-string of the manifest: `1`, or `"10%"` for a percentage.
   * @internal
   */
  _toIntOrPercent(): number | string {
    return this.isPercent ? `${this.amount}%` : this.amount;
  }

  /**
   * What the API server would reject in this count, named as the prop `field`.
   * @internal
   */
  _problems(field: string): PropProblem[] {
    const whole = Number.isInteger(this.amount) && this.amount >= 0;
    if (!this.isPercent) return whole ? [] : [{ field, message: `must be a whole number of pods, 0 or more (got ${this})` }];
    return whole && this.amount <= 100 ? [] : [{ field, message: `must be a whole percent from 0 to 100 (got ${this})` }];
  }
}
