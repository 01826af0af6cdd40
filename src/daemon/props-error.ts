/** One thing wrong with the props of a daemon: the prop's path and what to do instead. */
export interface PropProblem {
  /** The prop, as the user wrote it (`rollout.maxSurge`, `podLabels["app.kubernetes.io/name"]`). */
  readonly field: string;
  /** What is wrong and what to do instead. */
  readonly message: string;
}

/**
 * Thrown when daemon props cannot make a DaemonSet the API server accepts. The cdk8s and Pulumi
 * adapters prefix the message with the construct path or component name.
 */
export class DaemonPropsError extends Error {
  constructor(
    /** Who owns the props: a construct path or a Pulumi component name. */
    public readonly owner: string,
    /** Every problem found, in prop order. */
    public readonly problems: readonly PropProblem[],
  ) {
    super(`${owner}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.name = 'DaemonPropsError';
  }
}
