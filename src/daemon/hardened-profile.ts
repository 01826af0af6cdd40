import { Container, PodSecurityContext, SecurityContext } from './kubernetes-types';

/*
 * The opt-in hardened profile: what the Pod Security Standards' "restricted" level asks of every
 * container, plus a read-only root filesystem.
 * @see https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */

const HARDENED_CONTAINER: SecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

const HARDENED_POD: PodSecurityContext = {
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The container with the hardened context under its own: fields it set itself win. */
export function hardenContainer(container: Container): Container {
  return { ...container, securityContext: { ...HARDENED_CONTAINER, ...container.securityContext } };
}

/** The pod context with the hardened one under it: fields set by the user win. */
export function hardenPod(context: PodSecurityContext | undefined): PodSecurityContext {
  return { ...HARDENED_POD, ...context };
}
