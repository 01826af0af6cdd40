import { listAt, objectAt } from '../../json/shape';
import { describeRequirement, LabelRequirement, parseLabelRequirement, requirementMatches } from '../../validation';
import { NodeView } from '../node-view';
import { joinedParts, MessagePart, printedText, ReasonText } from './reason-text';

/** The one node field a term can select on. */
const NODE_NAME_FIELD = 'metadata.name';

export interface FieldRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn';
  readonly value: string;
}

/** A node selector term, parsed once per DaemonSet. */
export type NodeSelectorTerm =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly error: string }
  | { readonly kind: 'parsed'; readonly labels: readonly LabelRequirement[]; readonly fields: readonly FieldRequirement[] };

/** Mirrors `nodeSelectorRequirementsAsFieldSelector`: In / NotIn with exactly one value. */
function parseFieldRequirement(raw: { key?: unknown; operator?: unknown; values?: unknown }): FieldRequirement | string {
  const key = typeof raw.key === 'string' ? raw.key : '';
  const values = listAt(raw.values);
  if (raw.operator !== 'In' && raw.operator !== 'NotIn') {
    return `${JSON.stringify(raw.operator ?? '')} is not a valid node field selector operator`;
  }
  if (values.length !== 1) return `field ${key} ${raw.operator} needs exactly one value`;
  return { key, operator: raw.operator, value: String(values[0]) };
}

/**
 * Parses required node affinity terms as component-helpers `nodeaffinity.NewLazyErrorNodeSelector`
 * does: an empty term matches nothing, and a term that does not parse never matches.
 */
export function parseNodeSelectorTerms(terms: unknown): NodeSelectorTerm[] {
  return listAt(terms).map((raw): NodeSelectorTerm => {
    const term = objectAt(raw) ?? {};
    const expressions = listAt(term.matchExpressions);
    const fields = listAt(term.matchFields);
    if (expressions.length === 0 && fields.length === 0) return { kind: 'empty' };
    const labels: LabelRequirement[] = [];
    for (const expression of expressions) {
      const parsed = parseLabelRequirement(objectAt(expression) ?? {});
      if (typeof parsed === 'string') return { kind: 'invalid', error: parsed };
      labels.push(parsed);
    }
    const fieldRequirements: FieldRequirement[] = [];
    for (const field of fields) {
      const parsed = parseFieldRequirement(objectAt(field) ?? {});
      if (typeof parsed === 'string') return { kind: 'invalid', error: parsed };
      fieldRequirements.push(parsed);
    }
    return { kind: 'parsed', labels, fields: fieldRequirements };
  });
}

/** Mirrors `fields.OneTermEqualSelector` / `OneTermNotEqualSelector` matching the node's fields. */
export function fieldRequirementMatches(field: FieldRequirement, node: NodeView): boolean {
  return fieldRequirementMatchesName(field, node.name);
}

/** `fieldRequirementMatches` on a node named `name`. */
export function fieldRequirementMatchesName(field: FieldRequirement, name: string): boolean {
  const actual = field.key === NODE_NAME_FIELD ? name : '';
  return field.operator === 'In' ? actual === field.value : actual !== field.value;
}

/** Whether `field` selects on the node's name: only then do nodes differ in it. */
export function selectsOnName(field: FieldRequirement): boolean {
  return field.key === NODE_NAME_FIELD;
}

/**
 * A requirement's text, built once: an `In` list of hundreds of values would otherwise be joined
 * again for every node it fails on.
 */
const requirementTexts = new WeakMap<LabelRequirement, string>();

function requirementText(requirement: LabelRequirement): string {
  let text = requirementTexts.get(requirement);
  if (text === undefined) requirementTexts.set(requirement, (text = describeRequirement(requirement)));
  return text;
}

/** Why one term does not match the node, or undefined when it does (`nodeSelectorTerm.match`). */
function termMismatch(term: NodeSelectorTerm, node: NodeView): MessagePart[] | undefined {
  if (term.kind === 'empty') return ['an empty term matches no node'];
  if (term.kind === 'invalid') return [`the term matches no node: ${term.error}`];
  // Indexed loops: these run for each class and pattern of nodes of every DaemonSet, mostly
  // before the JIT has optimized them, where a for-of allocates on every step.
  for (let r = 0; r < term.labels.length; r++) {
    const requirement = term.labels[r];
    if (!requirementMatches(requirement, node.labels)) {
      return [`${requirementText(requirement)} fails (`, { key: requirement.key, value: node.labels.get(requirement.key) }, ')'];
    }
  }
  // Upstream skips field requirements for a node without fields, i.e. without a name.
  if (node.name === '') return undefined;
  for (let f = 0; f < term.fields.length; f++) {
    const field = term.fields[f];
    if (!fieldRequirementMatches(field, node)) {
      // Any other field is "" on every node: the text is the same for all.
      const actual: MessagePart = selectsOnName(field) ? { key: undefined, value: node.name } : printedText('');
      return joinedParts(`${field.key} ${field.operator} [${field.value}] fails (`, actual, ')');
    }
  }
  return undefined;
}

/**
 * Mirrors `LazyErrorNodeSelector.Match`: the terms are ORed.
 * @returns a reason when no term matches, undefined when one does
 */
export function requiredNodeAffinityMismatch(terms: readonly NodeSelectorTerm[], node: NodeView): ReasonText | undefined {
  const mismatches: MessagePart[][] = [];
  for (let t = 0; t < terms.length; t++) {
    const mismatch = termMismatch(terms[t], node);
    if (mismatch === undefined) return undefined;
    mismatches.push(mismatch);
  }
  const parts =
    mismatches.length === 1
      ? joinedParts('required node affinity: ', mismatches[0])
      : mismatches.length === 0
        ? ['required node affinity: no node selector term, so no node matches']
        : joinedParts(`required node affinity: none of ${mismatches.length} terms match (`, ...mismatches.flatMap((m, t) => (t > 0 ? [' | ', m] : [m])), ')');
  return { code: 'NodeAffinityMismatch', parts };
}
