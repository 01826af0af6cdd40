/*
 * The labels that make DaemonSets one family of variants. The constructs set them; the evaluator
 * reads them from any manifest, so a family written as YAML by hand is checked the same way.
 */

/** On each variant's DaemonSet and pods: the family's name. One Service can select the whole family by it. */
export const FAMILY_LABEL = 'everynode.io/family';

/** On each variant's DaemonSet, pods and selector: the variant's name, which keeps the selectors of a family disjoint. */
export const VARIANT_LABEL = 'everynode.io/variant';

/**
 * The variant name of a family's default: it takes every node no other variant takes, and a family
 * that has one must run on every node.
 */
export const DEFAULT_VARIANT = 'default';
