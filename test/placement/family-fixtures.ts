/*
 * Variant families written as plain manifests, the way a user writes them by hand: DaemonSets
 * labelled everynode.io/family and everynode.io/variant, kept apart by their node affinity.
 */
import { daemonSet, Manifest, withRequiredTerms } from './fixtures';
import { DEFAULT_VARIANT, FAMILY_LABEL, VARIANT_LABEL } from '../../src/variants/family-labels';

export const GPU = { key: 'nvidia.com/gpu.present', operator: 'Exists' };
export const NO_GPU = { key: 'nvidia.com/gpu.present', operator: 'DoesNotExist' };
export const WINDOWS = { key: 'kubernetes.io/os', operator: 'In', values: ['windows'] };
export const NOT_WINDOWS = { key: 'kubernetes.io/os', operator: 'NotIn', values: ['windows'] };

/** Tolerates every taint, so that only the affinities decide where each variant runs. */
const EVERY_TAINT = [{ operator: 'Exists' }];

export interface VariantOptions {
  readonly namespace?: string;
  /** The DaemonSet's name; `<family>-<variant>` by default. */
  readonly name?: string;
  /** The required node affinity's terms, ORed; one term of `expressions` by default. */
  readonly terms?: unknown[];
}

/**
 * One variant's DaemonSet: required affinity `expressions` (ANDed; none: no affinity, every
 * node), every taint tolerated.
 */
export function variant(family: string, name: string, expressions: unknown[], options: VariantOptions = {}): Manifest {
  const daemonSetName = options.name ?? `${family}-${name}`;
  const terms = options.terms ?? (expressions.length > 0 ? [{ matchExpressions: expressions }] : undefined);
  const manifest = terms
    ? withRequiredTerms(daemonSetName, terms, { tolerations: EVERY_TAINT })
    : daemonSet(daemonSetName, { tolerations: EVERY_TAINT });
  manifest.metadata.namespace = options.namespace ?? 'observability';
  manifest.metadata.labels = { [FAMILY_LABEL]: family, [VARIANT_LABEL]: name };
  return manifest;
}

/**
 * gpu on GPU nodes; windows on Windows nodes without a GPU; default on every other node. The
 * affinities exclude each other and together cover every node.
 */
export function exclusiveFamily(family = 'node-agent', namespace = 'observability'): Manifest[] {
  return [
    variant(family, 'gpu', [GPU], { namespace }),
    variant(family, 'windows', [WINDOWS, NO_GPU], { namespace }),
    variant(family, DEFAULT_VARIANT, [NO_GPU, NOT_WINDOWS], { namespace }),
  ];
}
