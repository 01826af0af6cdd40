import { ServiceTarget } from './daemon-service';
import { EnvVar } from '../daemon/kubernetes-types';
import { DaemonPropsError } from '../daemon/props-error';

/**
 * How a client pod reaches the daemon pod on its own node ("NodeIP and known port" in the
 * DaemonSet docs): the daemon's host port, and the variable that gives the client its node's IP.
 */
export interface NodeIpEndpoint {
  /** The port of the node the daemon listens on. */
  readonly hostPort: number;
  /**
   * For the client's container: `<envName>` set to the node's IP from the downward API
   * (`status.hostIP`), so that it connects to `$(<envName>):<hostPort>`.
   */
  readonly env: EnvVar;
}

const DEFAULT_ENV_NAME = 'NODE_IP';

/**
 * The node-IP endpoint of the daemon's host port `hostPort` (or its only one).
 * @throws DaemonPropsError naming the owner when the daemon has no such host port
 */
export function nodeIpEndpoint(owner: string, target: ServiceTarget, hostPort?: number, envName: string = DEFAULT_ENV_NAME): NodeIpEndpoint {
  const hostPorts = [...new Set(target.containerPorts.map((port) => port.hostPort).filter((port): port is number => typeof port === 'number' && port > 0))];
  const chosen = hostPort ?? (hostPorts.length === 1 ? hostPorts[0] : undefined);
  if (chosen === undefined || !hostPorts.includes(chosen)) {
    const declared = hostPorts.length > 0 ? `it has ${hostPorts.join(', ')}` : 'it has none: give it hostPorts';
    const wanted = hostPort === undefined ? 'needs the host port to reach when the daemon has several' : `${hostPort} is not a host port of the daemon`;
    throw new DaemonPropsError(`${owner} node-IP endpoint`, [{ field: 'hostPort', message: `${hostPort === undefined && hostPorts.length === 0 ? 'the daemon has no host port' : wanted} (${declared})` }]);
  }
  return { hostPort: chosen, env: { name: envName, valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } } };
}
