import * as pulumi from '@pulumi/pulumi';
import { DaemonArgs } from './daemon-args';
import { DaemonPropsError } from '../daemon';
import { KubernetesMinorVersion, KUBERNETES_VERSION_SETTING, kubernetesVersionProblem, parseKubernetesVersion } from '../daemon/kubernetes-version';

/** The Kubernetes version a component is built for, as text for the model and parsed for its Services. */
export interface TargetVersion {
  readonly text?: string;
  readonly version?: KubernetesMinorVersion;
}

/**
 * The args' `kubernetesVersion`, or else the stack's (`pulumi config set everynode:kubernetesVersion 1.29`).
 * @param owner the component, as construction errors name it
 * @throws DaemonPropsError naming `owner` when the stack's value is not a Kubernetes version
 */
export function targetVersionOf(owner: string, args: DaemonArgs): TargetVersion {
  let text = args.kubernetesVersion;
  if (text === undefined) {
    const [namespace, key] = KUBERNETES_VERSION_SETTING.split(':');
    text = new pulumi.Config(namespace).get(key);
    const problem = text === undefined ? undefined : kubernetesVersionProblem(text);
    if (problem) throw new DaemonPropsError(owner, [{ field: 'kubernetesVersion', message: `the stack config value ${KUBERNETES_VERSION_SETTING} ${problem}` }]);
  }
  // A bad version in the args is the model's to report, naming the prop.
  return { text, version: text === undefined ? undefined : parseKubernetesVersion(text) };
}
