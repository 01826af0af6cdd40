import { namespaceOf } from '../input';
import { JsonObject, objectAt, stringAt } from '../json/shape';
import { DEFAULT_VARIANT, FAMILY_LABEL, VARIANT_LABEL } from '../variants/family-labels';

/** One DaemonSet of a variant family. */
export interface FamilyMember {
  /** The DaemonSet, by its index among the evaluated DaemonSets (the report's order). */
  readonly daemonSet: number;
  /** The DaemonSet's name. */
  readonly name: string;
  /** The DaemonSet's `everynode.io/variant` label; "" when it has none. */
  readonly variant: string;
}

/**
 * DaemonSets of one node daemon, one per hardware variant, that together must run it at most
 * once on every node: the DaemonSets of one namespace whose `everynode.io/family` labels are equal.
 */
export interface VariantFamily {
  readonly namespace: string;
  /** The `everynode.io/family` label. */
  readonly name: string;
  /** In the order of the evaluated DaemonSets. */
  readonly members: readonly FamilyMember[];
  /** A member is the `default` variant, so the family must run on every node, not only on some. */
  readonly hasDefault: boolean;
}

function labelOf(daemonSet: JsonObject, key: string): string | undefined {
  return stringAt(objectAt(objectAt(daemonSet.metadata)?.labels)?.[key]);
}

/**
 * The variant families among the DaemonSets, in the order their first DaemonSet comes. Read from
 * the labels alone, so a family written as plain YAML is found as well as one our constructs made.
 *
 * A DaemonSet defined twice (same namespace and name) counts once, as the later definition:
 * `kubectl apply` applies it over the earlier one, and two copies of one variant are not two
 * variants that overlap (the `DuplicateObject` finding says what is wrong there).
 */
export function variantFamilies(daemonSets: readonly JsonObject[]): VariantFamily[] {
  const members = new Map<string, { namespace: string; name: string; byDaemonSet: Map<string, FamilyMember> }>();
  daemonSets.forEach((daemonSet, d) => {
    const family = labelOf(daemonSet, FAMILY_LABEL);
    if (family === undefined || family === '') return;
    const metadata = objectAt(daemonSet.metadata);
    const namespace = namespaceOf(metadata);
    const key = JSON.stringify([namespace, family]);
    let entry = members.get(key);
    if (!entry) members.set(key, (entry = { namespace, name: family, byDaemonSet: new Map() }));
    const name = stringAt(metadata?.name) ?? '';
    // Deleting first moves a redefined DaemonSet to where its later definition stands.
    entry.byDaemonSet.delete(name);
    entry.byDaemonSet.set(name, { daemonSet: d, name, variant: labelOf(daemonSet, VARIANT_LABEL) ?? '' });
  });
  return [...members.values()].map(({ namespace, name, byDaemonSet }) => {
    const list = [...byDaemonSet.values()];
    return { namespace, name, members: list, hasDefault: list.some((member) => member.variant === DEFAULT_VARIANT) };
  });
}

/** `node-agent (observability)`, as messages name a family. */
export function describeFamily(family: VariantFamily): string {
  return `${family.name} (${family.namespace})`;
}

/**
 * How messages name each member: its variant, or, where the variant does not tell the member
 * apart (missing, or shared with another member), the DaemonSet too.
 */
export function memberNames(family: VariantFamily): string[] {
  const counts = new Map<string, number>();
  for (const member of family.members) counts.set(member.variant, (counts.get(member.variant) ?? 0) + 1);
  return family.members.map((member) => {
    if (member.variant === '') return `DaemonSet ${member.name} (no ${VARIANT_LABEL} label)`;
    return counts.get(member.variant) === 1 ? member.variant : `${member.variant} (DaemonSet ${member.name})`;
  });
}
