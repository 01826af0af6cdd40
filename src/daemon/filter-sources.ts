import type { NodeSelectorRequirement } from './kubernetes-types';
import type { NodeFilter } from './node-filter';
import type { Toleration } from './toleration';

/*
 * The factory call behind each part of a NodeFilter, so that a construction error can name the
 * part the user wrote (`NodeFilter.labelEquals('-bad key-', 'x')`) rather than where it landed in
 * the affinity. Kept out of NodeFilter's public surface; read only when there is an error.
 */

/** A filter's terms, in the order the manifest writes them, each with its two requirement lists. */
export type FilterTerms = ReadonlyArray<{
  readonly matchExpressions: readonly NodeSelectorRequirement[];
  readonly matchFields: readonly NodeSelectorRequirement[];
}>;

const callOf = new WeakMap<object, string>();
const termsOf = new WeakMap<NodeFilter, FilterTerms>();

/** Remembers the call that made a requirement or toleration; a part keeps it through `and` and `or`. */
export function madeBy<T extends object>(part: T, call: string): T {
  callOf.set(part, call);
  return part;
}

export function rememberTerms(filter: NodeFilter, terms: FilterTerms): void {
  termsOf.set(filter, terms);
}

/** The call that made requirement `index` of `list` in term `term` of the filter, if known. */
export function requirementCall(
  filter: NodeFilter,
  term: number,
  list: 'matchExpressions' | 'matchFields',
  index: number,
): string | undefined {
  const requirement = termsOf.get(filter)?.[term]?.[list][index];
  return requirement && callOf.get(requirement);
}

/** The call that made a toleration a filter brings (`NodeFilter.gpu()`), if known. */
export function tolerationCall(toleration: Toleration): string | undefined {
  return callOf.get(toleration);
}

/** A string as it would be written in TypeScript source: `'-bad key-'`. */
export function quoted(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** An enum member as it would be written (`OperatingSystem.LINUX`), or the quoted value. */
export function enumMember(enumName: string, members: Record<string, string>, value: string): string {
  const member = Object.keys(members).find((name) => members[name] === value);
  return member ? `${enumName}.${member}` : quoted(value);
}
