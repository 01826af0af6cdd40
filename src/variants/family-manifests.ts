import { DEFAULT_VARIANT, FAMILY_LABEL, VARIANT_LABEL } from './family-labels';
import { DaemonVariant, DaemonVariantsProps, VariantOverrides } from './variant-props';
import { DaemonProps } from '../daemon/daemon-props';
import { buildDaemonSet, containerNameFor } from '../daemon/daemon-set';
import { selectorLabelsFor } from '../daemon/identity';
import { DaemonSetManifest } from '../daemon/kubernetes-types';
import { NodeFilter } from '../daemon/node-filter';
import { DaemonPropsError, PropProblem } from '../daemon/props-error';
import { dns1123LabelErrors } from '../validation/names';

/** One variant's DaemonSet. */
export interface VariantManifest {
  /** The variant's name; `default` for the default variant. */
  readonly variant: string;
  readonly manifest: DaemonSetManifest;
}

/** What a variant may change, in the order the docs list it. */
const OVERRIDES: ReadonlyArray<keyof VariantOverrides> = ['image', 'args', 'env', 'resources', 'tolerations', 'hostPaths'];
const VARIANT_KEYS = new Set<string>(['name', 'nodes', ...OVERRIDES]);
const DEFAULT_KEYS = new Set<string>(OVERRIDES);

interface PlannedVariant {
  readonly name: string;
  /** Where the variant's own props are, for error messages: `variants[1]`, `defaultVariant`. */
  readonly prop: string;
  readonly overrides: VariantOverrides;
  readonly nodes: NodeFilter;
}

/** `variant 'gpu'`, as messages name a variant. */
function variantWords(name: unknown): string {
  return typeof name === 'string' && name !== '' ? `variant '${name}'` : 'this variant';
}

function overrideProblems(overrides: object, prop: string, allowed: ReadonlySet<string>, who: string): PropProblem[] {
  return Object.keys(overrides)
    .filter((key) => !allowed.has(key) && (overrides as Record<string, unknown>)[key] !== undefined)
    .map((key) => ({
      field: `${prop}.${key}`,
      message:
        key === 'selectorLabels' || key === 'podLabels'
          ? `${who} cannot set ${key}: a variant keeps the family's selector labels and adds ${VARIANT_LABEL}, which keeps the variants' selectors disjoint and unchanged when variants come and go; set ${key} on the family`
          : `${who} cannot change ${key} (a variant changes ${OVERRIDES.join(', ')}): set ${key} on the family`,
    }));
}

/** The variants' own props: names, filters and overrides, and the labels the family reserves. */
function variantProblems(props: DaemonVariantsProps): PropProblem[] {
  const problems: PropProblem[] = [];
  const variants: unknown = props.variants;
  if (!Array.isArray(variants) || variants.length === 0) {
    return [{ field: 'variants', message: 'needs at least one variant, e.g. [{ name: "gpu", nodes: NodeFilter.gpu() }]: a family of one is a NodeDaemon' }];
  }
  const seen = new Map<string, number>();
  variants.forEach((variant: DaemonVariant, i) => {
    const prop = `variants[${i}]`;
    const name: unknown = variant?.name;
    if (typeof name !== 'string' || dns1123LabelErrors(name).length > 0) {
      problems.push({ field: `${prop}.name`, message: `must be a lowercase DNS label such as "gpu" (got ${JSON.stringify(name)})` });
    } else if (name === DEFAULT_VARIANT) {
      problems.push({ field: `${prop}.name`, message: `"${DEFAULT_VARIANT}" names the family's default variant: give this one another name, or use defaultVariant` });
    } else if (seen.has(name)) {
      problems.push({ field: `${prop}.name`, message: `"${name}" is the name of variants[${seen.get(name)}] too: each variant needs a name of its own` });
    } else {
      seen.set(name, i);
    }
    if (!(variant?.nodes instanceof NodeFilter)) {
      problems.push({ field: `${prop}.nodes`, message: 'is required: the nodes this variant runs on, e.g. NodeFilter.gpu() or NodeFilter.windows()' });
    } else if (i < variants.length - 1 || props.defaultVariant) {
      // Later variants, and the default, run only where this one does not.
      const problem = variant.nodes._negationProblem();
      if (problem) {
        problems.push({ field: `${prop}.nodes`, message: `${variantWords(name)} selects ${variant.nodes}, which cannot be kept from later variants' nodes: ${problem}` });
      }
    }
    if (variant) problems.push(...overrideProblems(variant, prop, VARIANT_KEYS, variantWords(name)));
  });
  if (props.defaultVariant) problems.push(...overrideProblems(props.defaultVariant, 'defaultVariant', DEFAULT_KEYS, 'the default variant'));
  for (const [prop, labels] of [['selectorLabels', props.selectorLabels], ['podLabels', props.podLabels]] as const) {
    for (const key of [FAMILY_LABEL, VARIANT_LABEL]) {
      if (labels && key in labels) {
        problems.push({ field: `${prop}[${JSON.stringify(key)}]`, message: `${key} is set by the family on each variant's pods: remove it` });
      }
    }
  }
  return problems;
}

/** The order of precedence made exact: each variant takes what no earlier one does; the default, the rest. */
function plannedVariants(props: DaemonVariantsProps): PlannedVariant[] {
  const planned: PlannedVariant[] = props.variants.map((variant, i) => ({
    name: variant.name,
    prop: `variants[${i}]`,
    overrides: variant,
    nodes: variant.nodes._excluding(
      props.variants.slice(0, i).map((earlier) => earlier.nodes),
      i === 0 ? String(variant.nodes) : `${variant.nodes}, excluding the nodes of ${props.variants.slice(0, i).map((v) => v.name).join(', ')}`,
    ),
  }));
  if (props.defaultVariant) {
    const description = `every node but those of ${props.variants.map((v) => v.name).join(', ')}`;
    planned.push({
      name: DEFAULT_VARIANT,
      prop: 'defaultVariant',
      overrides: props.defaultVariant,
      nodes: NodeFilter._everyNode(description)._excluding(props.variants.map((v) => v.nodes), description),
    });
  }
  return planned;
}

/** The family's props with one variant's overrides, for the DaemonSet of that variant. */
function variantProps(family: string, props: DaemonVariantsProps, variant: PlannedVariant): DaemonProps {
  const { variants: _variants, defaultVariant: _default, name: _name, ...base } = props;
  const { image, args, env, resources, tolerations, hostPaths } = variant.overrides;
  const selectorLabels = props.selectorLabels ?? selectorLabelsFor(family, props.instance);
  return {
    ...base,
    image: image ?? base.image,
    args: args ?? base.args,
    env: env ? { ...base.env, ...env } : base.env,
    resources: resources ?? base.resources,
    tolerations: tolerations ? [...(base.tolerations ?? []), ...tolerations] : base.tolerations,
    hostPaths: hostPaths ? { ...base.hostPaths, ...hostPaths } : base.hostPaths,
    // One container name across the family: `kubectl logs -c` reads the same on every node.
    containerName: base.containerName ?? containerNameFor(family),
    labels: { ...base.labels, [FAMILY_LABEL]: family },
    selectorLabels: { ...selectorLabels, [VARIANT_LABEL]: variant.name },
    podLabels: { ...base.podLabels, [FAMILY_LABEL]: family },
  };
}

/** A problem with a prop the variant set, named as the variant's prop (`variants[1].image`). */
function asVariantProblem(problem: PropProblem, variant: PlannedVariant): PropProblem {
  const root = /^[A-Za-z]+/.exec(problem.field)?.[0];
  const overridden = variant.overrides as Record<string, unknown>;
  const setByVariant = root !== undefined && (OVERRIDES as readonly string[]).includes(root) && overridden[root] !== undefined;
  return setByVariant ? { ...problem, field: `${variant.prop}.${problem.field}` } : problem;
}

/**
 * The DaemonSets of a variant family: one per variant, then the default's, each selecting only
 * nodes that no variant before it selects, so that every node the family covers runs one pod.
 *
 * @param owner who the props belong to, for error messages (`DaemonVariants 'agents/node-agent'`)
 * @param name the family's name unless `props.name` is given; variant `gpu`'s DaemonSet is `<family>-gpu`
 * @throws DaemonPropsError naming the owner, the variant and every prop that is wrong
 */
export function variantFamilyManifests(owner: string, name: string, props: DaemonVariantsProps): VariantManifest[] {
  const problems = variantProblems(props);
  if (problems.length > 0) throw new DaemonPropsError(owner, problems);
  const family = props.name ?? name;
  return plannedVariants(props).map((variant) => {
    try {
      const manifest = buildDaemonSet(owner, `${family}-${variant.name}`, variantProps(family, props, variant), { requiredNodes: variant.nodes });
      return { variant: variant.name, manifest };
    } catch (error) {
      if (!(error instanceof DaemonPropsError)) throw error;
      throw new DaemonPropsError(`${owner} variant '${variant.name}'`, error.problems.map((problem) => asVariantProblem(problem, variant)));
    }
  });
}
