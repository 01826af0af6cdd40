/*
 * Builders for the diff tests: a DaemonSet whose every field a test changes is an option, and
 * small inventories.
 */
import { node } from '../../src';

export type Manifest = any;

export interface AgentOptions {
  readonly namespace?: string;
  readonly image?: string;
  readonly nodeSelector?: Record<string, string>;
  readonly tolerations?: unknown[];
  readonly selector?: unknown;
  readonly labels?: Record<string, string>;
  readonly updateStrategy?: unknown;
  readonly podSpec?: Record<string, unknown>;
  readonly container?: Record<string, unknown>;
}

/** An apps/v1 DaemonSet the API server accepts, labelled and selected `app: name`. */
export function agent(name: string, options: AgentOptions = {}): Manifest {
  const labels = options.labels ?? { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: options.namespace ?? 'agents' },
    spec: {
      selector: options.selector ?? { matchLabels: labels },
      ...(options.updateStrategy === undefined ? {} : { updateStrategy: options.updateStrategy }),
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'agent', image: options.image ?? 'registry.example/agent:1.0', ...options.container }],
          ...(options.nodeSelector ? { nodeSelector: options.nodeSelector } : {}),
          ...(options.tolerations ? { tolerations: options.tolerations } : {}),
          ...options.podSpec,
        },
      },
    },
  };
}

/** `count` Linux workers named `prefix-1` ..., in pool `pool`. */
export function workers(count: number, prefix = 'worker', pool = 'general'): object[] {
  return Array.from({ length: count }, (_, i) => node(`${prefix}-${i + 1}`).labels({ pool }).toJSON());
}

/** A rolling update with the given maxUnavailable and maxSurge. */
export function rollingUpdate(maxUnavailable: number | string, maxSurge: number | string = 0): unknown {
  return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } };
}
