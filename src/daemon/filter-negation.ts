import { FilterTerms } from './filter-sources';
import { NodeSelectorRequirement } from './kubernetes-types';

/*
 * "None of these nodes" in node affinity, exactly or not at all. A node selector is an OR of
 * terms, each an AND of requirements, so its negation is an AND, over the terms, of an OR of the
 * negated requirements: written back as terms, that is every way of picking one negated
 * requirement from each term. A requirement negates exactly only where its opposite matches the
 * very nodes it does not, absent labels included
 * (component-helpers nodeaffinity `nodeSelectorRequirementsAsSelector`, labels `Requirement.Matches`):
 * - `In` and `NotIn` are each other's negation: `NotIn` matches a node without the label, `In` does not;
 * - `Exists` and `DoesNotExist` likewise;
 * - `Gt` and `Lt` have none: a node without the label, or with a value that is not an integer,
 *   matches neither `Gt 4` nor `Lt 5`;
 * - `matchFields` has none: upstream skips field requirements for a node without fields, so a
 *   term on node names and its opposite would both match such a node.
 */

/** More terms than anyone can review in a manifest, and than the scheduler should evaluate per node. */
export const MAX_NEGATED_TERMS = 64;

const OPPOSITE: Partial<Record<NodeSelectorRequirement['operator'], NodeSelectorRequirement['operator']>> = {
  In: 'NotIn',
  NotIn: 'In',
  Exists: 'DoesNotExist',
  DoesNotExist: 'Exists',
};

type Requirements = readonly NodeSelectorRequirement[];

function negated(requirement: NodeSelectorRequirement): NodeSelectorRequirement | string {
  const operator = OPPOSITE[requirement.operator];
  if (!operator) {
    return `its requirement ${requirement.key} ${requirement.operator} ${JSON.stringify(requirement.values ?? [])} has no exact opposite in node affinity (a node without the label, or with a value that is not an integer, matches neither Gt nor Lt)`;
  }
  return requirement.values ? { key: requirement.key, operator, values: [...requirement.values] } : { key: requirement.key, operator };
}

/**
 * The terms (requirement lists to AND, ORed) that select exactly the nodes `terms` does not.
 * @returns the terms, or why they cannot be written exactly
 */
export function negatedTerms(terms: FilterTerms): Requirements[] | string {
  // An empty term matches no node: excluding it excludes nothing.
  let result: Requirements[] = [[]];
  for (const term of terms) {
    if (term.matchFields.length > 0) {
      return 'it selects nodes by name (matchFields), which node affinity cannot negate exactly: select kinds of nodes by label';
    }
    if (term.matchExpressions.length === 0) continue;
    const alternatives: NodeSelectorRequirement[] = [];
    for (const requirement of term.matchExpressions) {
      const opposite = negated(requirement);
      if (typeof opposite === 'string') return opposite;
      alternatives.push(opposite);
    }
    result = result.flatMap((conjunction) => alternatives.map((alternative) => [...conjunction, alternative]));
    if (result.length > MAX_NEGATED_TERMS) {
      return `excluding its nodes takes more than ${MAX_NEGATED_TERMS} node selector terms: give it fewer terms, or fewer requirements per term`;
    }
  }
  return result;
}
