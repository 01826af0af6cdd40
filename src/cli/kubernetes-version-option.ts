import { UsageError } from './usage-error';
import { kubernetesVersionProblem } from '../daemon/kubernetes-version';

/** The `--kubernetes-version` option of `validate` and `place`. */
export const KUBERNETES_VERSION_OPTION = { 'kubernetes-version': { type: 'string' } } as const;

/**
 * The target Kubernetes version the command line names, or undefined for the latest.
 * @throws UsageError naming the option and the value when it is not a Kubernetes version
 */
export function kubernetesVersionOption(value: unknown, command: string): string | undefined {
  if (value === undefined) return undefined;
  const problem = kubernetesVersionProblem(value);
  if (problem) throw new UsageError(`--kubernetes-version ${problem}`, command);
  return value as string;
}
