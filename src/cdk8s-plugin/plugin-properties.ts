import { kubernetesVersionProblem } from '../daemon/kubernetes-version';
import { PlacementExpectations } from '../expectations/placement-expectations';

/**
 * What the `cdk8s synth` plugin checks besides the API server's DaemonSet rules. DaemonSets and
 * families are named `name` (that name in every namespace, and each match must hold) or
 * `namespace/name`, as in `everynode place --expect-every-node`.
 */
export interface EverynodeExpectations {
  /** DaemonSets that must run a pod on every node of the inventory. */
  readonly everyNode?: readonly string[];
  /** DaemonSets that must run a pod on exactly these nodes, by DaemonSet: `{ 'kube-system/nvidia-device-plugin': [gpu-1, gpu-2] }`. */
  readonly nodes?: { readonly [daemonSet: string]: readonly string[] };
  /**
   * Variant families (the `everynode.io/family` label) that must exist; a family that runs two
   * variants on a node, or none where it has a default, fails whether it is listed or not.
   */
  readonly exactlyOnce?: readonly string[];
}

/**
 * The `properties` of everynode's entry under `validations:` in `cdk8s.yaml`.
 */
export interface EverynodeValidationProps {
  /**
   * A node inventory (`kubectl get nodes -o yaml`, YAML or JSON), relative to the directory
   * `cdk8s synth` runs in (the one holding `cdk8s.yaml`). With it, the plugin also checks where
   * the DaemonSet controller places each DaemonSet: expectations, advisories and variant families.
   * @default - only the API server's rules and selector collisions are checked
   */
  readonly inventory?: string;
  /**
   * Where DaemonSets must run; needs `inventory`.
   * @default - no expectations
   */
  readonly expectations?: EverynodeExpectations;
  /**
   * The Kubernetes version of the target cluster (`1.29`): fields its API server drops are errors.
   * @default - the latest Kubernetes version everynode knows
   */
  readonly kubernetesVersion?: string;
  /**
   * Fail the synth on advisories too: pods the DaemonSet controller creates but the scheduler
   * would leave Pending (requests above allocatable, host-port clashes, mixed operating systems).
   * @default false - advisories are listed in the report, which still passes
   */
  readonly failOnAdvisories?: boolean;
  /**
   * Fail the synth on warnings too (unknown fields, objects defined twice, ...), like `--strict`.
   * @default false - warnings are listed in the report, which still passes
   */
  readonly strict?: boolean;
}

/** The properties, checked. */
export interface PluginSettings {
  readonly inventory?: string;
  readonly expectations: PlacementExpectations;
  readonly kubernetesVersion?: string;
  readonly failOnAdvisories: boolean;
  readonly strict: boolean;
}

/** A property of the plugin's `cdk8s.yaml` entry that cannot be used: the message names it. */
export class PluginPropertyError extends Error {
  constructor(property: string, problem: string) {
    super(`everynode validation plugin: properties.${property}: ${problem}`);
    this.name = 'PluginPropertyError';
    // The cdk8s CLI prints a failed plugin's `stack`: for a mistake in cdk8s.yaml, one line.
    this.stack = `${this.name}: ${this.message}`;
  }
}

const PROPERTY_KEYS = ['inventory', 'expectations', 'kubernetesVersion', 'failOnAdvisories', 'strict'] as const;
const EXPECTATION_KEYS = ['everyNode', 'nodes', 'exactlyOnce'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}

function isMap(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own keys only: the properties come from YAML, where `__proto__` is just a key. */
function checkKeys(map: { readonly [key: string]: unknown }, known: readonly string[], where: string): void {
  for (const key of Object.keys(map)) {
    if (!known.includes(key)) {
      const prefix = where === '' ? '' : `${where}.`;
      throw new PluginPropertyError(`${prefix}${key}`, `unknown property (expected one of ${known.join(', ')})`);
    }
  }
}

/** `name` or `namespace/name`, as the expectations name DaemonSets and families. */
function objectName(value: unknown, property: string): string {
  const parts = typeof value === 'string' ? value.split('/') : [];
  if (parts.length === 0 || parts.length > 2 || parts.some((part) => part === '')) {
    throw new PluginPropertyError(property, `needs NAME or NAMESPACE/NAME (got ${describe(value)})`);
  }
  return value as string;
}

function nameList(value: unknown, property: string): string[] {
  if (!Array.isArray(value)) throw new PluginPropertyError(property, `needs a list of NAME or NAMESPACE/NAME (got ${describe(value)})`);
  return value.map((item, i) => objectName(item, `${property}[${i}]`));
}

function nodeNames(value: unknown, property: string): string[] {
  if (!Array.isArray(value)) throw new PluginPropertyError(property, `needs a list of node names (got ${describe(value)})`);
  return value.map((item, i) => {
    if (typeof item !== 'string' || item === '') throw new PluginPropertyError(`${property}[${i}]`, `needs a node name (got ${describe(item)})`);
    return item;
  });
}

function expectationsOf(value: unknown): PlacementExpectations {
  if (value === undefined) return {};
  if (!isMap(value)) throw new PluginPropertyError('expectations', `needs a map with ${EXPECTATION_KEYS.join(', ')} (got ${describe(value)})`);
  checkKeys(value, EXPECTATION_KEYS, 'expectations');
  const nodes = new Map<string, readonly string[]>();
  if (value.nodes !== undefined) {
    if (!isMap(value.nodes)) throw new PluginPropertyError('expectations.nodes', `needs a map from DaemonSet to node names (got ${describe(value.nodes)})`);
    for (const [daemonSet, list] of Object.entries(value.nodes)) {
      const property = `expectations.nodes.${daemonSet}`;
      nodes.set(objectName(daemonSet, property), nodeNames(list, property));
    }
  }
  return {
    everyNode: value.everyNode === undefined ? [] : nameList(value.everyNode, 'expectations.everyNode'),
    nodes,
    exactlyOnce: value.exactlyOnce === undefined ? [] : nameList(value.exactlyOnce, 'expectations.exactlyOnce'),
  };
}

function flag(value: unknown, property: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new PluginPropertyError(property, `needs true or false (got ${describe(value)})`);
  return value;
}

/**
 * Checks the properties as `cdk8s.yaml` gives them (untrusted: any shape).
 * @throws PluginPropertyError naming the first property that cannot be used
 */
export function pluginSettings(properties: unknown): PluginSettings {
  const props = properties ?? {};
  if (!isMap(props)) throw new PluginPropertyError('', `needs a map (got ${describe(props)})`);
  checkKeys(props, PROPERTY_KEYS, '');
  const { inventory, kubernetesVersion } = props;
  if (inventory !== undefined && (typeof inventory !== 'string' || inventory === '')) {
    throw new PluginPropertyError('inventory', `needs the path of a node inventory (got ${describe(inventory)})`);
  }
  const expectations = expectationsOf(props.expectations);
  const expects = (expectations.everyNode?.length ?? 0) + (expectations.nodes?.size ?? 0) + (expectations.exactlyOnce?.length ?? 0);
  if (expects > 0 && inventory === undefined) {
    throw new PluginPropertyError('expectations', 'needs properties.inventory: where DaemonSets run depends on the nodes');
  }
  const versionProblem = kubernetesVersion === undefined ? undefined : kubernetesVersionProblem(kubernetesVersion);
  if (versionProblem) throw new PluginPropertyError('kubernetesVersion', versionProblem);
  return {
    inventory: inventory as string | undefined,
    expectations,
    kubernetesVersion: kubernetesVersion as string | undefined,
    failOnAdvisories: flag(props.failOnAdvisories, 'failOnAdvisories'),
    strict: flag(props.strict, 'strict'),
  };
}
