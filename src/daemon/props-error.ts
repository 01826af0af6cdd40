/** One thing wrong with the props of a daemon: the prop's path and what to do instead. */
export interface PropProblem {
  /**
   * The prop, as the user wrote it, with the user's own index (`rollout.maxSurge`,
   * `podLabels["app.kubernetes.io/name"]`, `tolerations[0]`); the manifest's field path when the
   * field came from no prop.
   */
  readonly field: string;
  /** What is wrong and what to do instead. */
  readonly message: string;
  /**
   * Where the API server would report it (`spec.template.spec.tolerations[2]`), when the problem
   * was found in the manifest and `field` names the prop it came from.
   * @default - the problem was found in the props
   */
  readonly path?: string;
}

/** `tolerations[0] (spec.template.spec.tolerations[2]): <message>` */
function formatProblem(problem: PropProblem): string {
  return problem.path === undefined ? `${problem.field}: ${problem.message}` : `${problem.field} (${problem.path}): ${problem.message}`;
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
    super(`${owner}: ${problems.map(formatProblem).join('; ')}`);
    this.name = 'DaemonPropsError';
  }
}
