import type { DaemonProps } from './daemon-props';
import { requirementCall, tolerationCall } from './filter-sources';
import type { DaemonSetManifest } from './kubernetes-types';
import type { NodeFilter } from './node-filter';
import type { PropProblem } from './props-error';
import type { Toleration } from './toleration';
import { FieldError, formatFieldError } from '../validation/field-error';
import { messageInWords } from '../validation/names';

/*
 * The API server names a field by where it is in the manifest: `spec.template.spec.tolerations[2]`
 * for the first toleration a user gave a MasterTolerant, whose two control-plane tolerations come
 * first. Construction errors name the prop the field came from, as the user wrote it, then the
 * manifest path. Everything here runs only when the manifest has an error.
 */

/** Where one toleration of the manifest came from. */
export type TolerationOrigin =
  | { readonly from: 'kind' }
  | { readonly from: 'nodes'; readonly toleration: Toleration }
  | { readonly from: 'tolerations'; readonly index: number };

/** What buildDaemonSet knows about where each prop went. */
export interface PropLayout {
  readonly props: DaemonProps;
  readonly manifest: DaemonSetManifest;
  /** The filter behind the required node affinity, and the prop that gave it, if a prop did. */
  readonly requiredNodes?: { readonly filter: NodeFilter; readonly prop?: string };
  /** Where each toleration of the manifest came from, in manifest order. */
  readonly tolerationOrigins: () => readonly TolerationOrigin[];
}

const ownProps = new WeakMap<object, DaemonProps>();

/**
 * Says that `props` are the user's `own` props with what a framework added (a cdk8s chart's
 * namespace and labels), so that an error in an added value names the manifest field rather than a
 * prop the user never wrote.
 */
export function withOwnProps<P extends DaemonProps>(props: P, own: DaemonProps): P {
  if (props !== own) ownProps.set(props, own);
  return props;
}

/**
 * The manifest's errors as prop problems: each names the prop it came from and keeps the manifest
 * path beside it, or names the manifest path alone when no prop put the field there. The same
 * problem reached through two fields (a name in three label maps) is reported once.
 */
export function manifestProblems(errors: readonly FieldError[], layout: PropLayout): PropProblem[] {
  const problems: PropProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const message = formatFieldError({ ...error, message: messageInWords(error.message) }).slice(error.field.length + 2);
    const prop = propPathOf(error, layout);
    const key = JSON.stringify([prop ?? error.field, message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(prop === undefined ? { field: error.field, message } : { field: prop, message, path: error.field });
  }
  return problems;
}

/** The prop a manifest field came from, as the user wrote it; undefined when no prop did. */
export function propPathOf(error: FieldError, layout: PropLayout): string | undefined {
  const path = new PathReader(error.field);
  if (path.field('metadata')) return objectMetaProp(path, error, layout, { labels: 'labels', annotations: 'annotations' });
  if (!path.field('spec')) return undefined;
  const { props } = layout;
  if (path.fields('selector', 'matchLabels')) {
    const key = entryKey(path, error, layout.manifest.spec?.selector.matchLabels);
    return key === undefined ? (props.selectorLabels ? 'selectorLabels' : 'name') : selectorLabelProp(key, props);
  }
  if (path.field('selector')) return props.selectorLabels ? 'selectorLabels' : 'name';
  if (path.field('updateStrategy')) {
    if (path.fields('rollingUpdate', 'maxSurge')) return 'rollout.maxSurge';
    if (path.fields('rollingUpdate', 'maxUnavailable')) return 'rollout.maxUnavailable';
    return 'rollout';
  }
  for (const field of ['minReadySeconds', 'revisionHistoryLimit'] as const) if (path.field(field)) return field + path.rest();
  if (!path.field('template')) return undefined;
  if (path.field('spec')) return podSpecProp(path, error, layout);
  // The template's metadata is embedded, so upstream names its labels `spec.template.labels`.
  path.field('metadata');
  return objectMetaProp(path, error, layout, { labels: 'podLabels', annotations: 'podAnnotations' });
}

function objectMetaProp(
  path: PathReader,
  error: FieldError,
  layout: PropLayout,
  names: { readonly labels: 'labels' | 'podLabels'; readonly annotations: 'annotations' | 'podAnnotations' },
): string | undefined {
  const { props, manifest } = layout;
  const own = ownProps.get(props) ?? props;
  const template = names.labels === 'podLabels';
  if (!template && path.field('name')) return 'name';
  if (!template && path.field('namespace')) return own.namespace === undefined ? undefined : 'namespace';
  if (path.field('labels')) {
    const labels = template ? manifest.spec?.template.metadata?.labels : manifest.metadata?.labels;
    const key = entryKey(path, error, labels);
    if (key === undefined) return own[names.labels] ? names.labels : undefined;
    // The selector labels are written over the user's.
    if (key in (manifest.spec?.selector.matchLabels ?? {})) return selectorLabelProp(key, props);
    return own[names.labels] && key in own[names.labels]! ? keyed(names.labels, key) : undefined;
  }
  if (path.field('annotations')) {
    const key = entryKey(path, error, props[names.annotations]);
    return key === undefined ? names.annotations : keyed(names.annotations, key);
  }
  return undefined;
}

/** The default selector labels come from the name and `instance`. */
function selectorLabelProp(key: string, props: DaemonProps): string {
  if (props.selectorLabels) return keyed('selectorLabels', key);
  return key === 'app.kubernetes.io/instance' && props.instance !== undefined ? 'instance' : 'name';
}

const POD_FIELDS = [
  'serviceAccountName',
  'automountServiceAccountToken',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'terminationGracePeriodSeconds',
  'runtimeClassName',
] as const;

function podSpecProp(path: PathReader, error: FieldError, layout: PropLayout): string | undefined {
  const { props } = layout;
  if (path.field('containers')) {
    const i = path.index();
    if (i === undefined) return undefined;
    return i === 0 ? agentProp(path, props) : containerProp(`sidecars[${i - 1}]`, props.sidecars?.[i - 1], path, props);
  }
  if (path.field('initContainers')) {
    const i = path.index();
    return i === undefined ? undefined : containerProp(`initContainers[${i}]`, props.initContainers?.[i], path, props);
  }
  if (path.field('volumes')) {
    const i = path.index();
    if (i === undefined) return undefined;
    const hostPaths = Object.keys(props.hostPaths ?? {});
    if (i < hostPaths.length) return hostPathProp(hostPaths[i], path.rest() === '.hostPath.type' ? '.type' : '');
    return `volumes[${i - hostPaths.length}]${path.rest()}`;
  }
  if (path.field('imagePullSecrets')) {
    const i = path.index();
    return i === undefined ? 'imagePullSecrets' : `imagePullSecrets[${i}]`;
  }
  for (const field of POD_FIELDS) if (path.field(field)) return field + path.rest();
  if (path.field('dnsPolicy')) return props.dnsPolicy === undefined ? 'hostNetwork' : 'dnsPolicy';
  if (path.field('priorityClassName')) return 'priorityClass';
  if (path.field('securityContext')) return securityContextProp('podSecurityContext', props.podSecurityContext, path, props);
  if (path.field('nodeSelector')) {
    const key = entryKey(path, error, props.nodeSelector);
    return key === undefined ? 'nodeSelector' : keyed('nodeSelector', key);
  }
  if (path.fields('affinity', 'nodeAffinity')) return nodeAffinityProp(path, layout);
  if (path.field('tolerations')) {
    const i = path.index();
    if (i === undefined) return props.tolerations ? 'tolerations' : undefined;
    const origin = layout.tolerationOrigins()[i];
    if (origin?.from === 'tolerations') return `tolerations[${origin.index}]`;
    if (origin?.from === 'nodes' && layout.requiredNodes?.prop) {
      return `${layout.requiredNodes.prop}: ${tolerationCall(origin.toleration) ?? String(layout.requiredNodes.filter)}`;
    }
  }
  return undefined;
}

/** The agent's container: the props of `DaemonProps` that fill it, with hostPaths and hostPorts among them. */
function agentProp(path: PathReader, props: DaemonProps): string | undefined {
  if (path.field('name')) return props.containerName === undefined ? 'name' : 'containerName';
  for (const field of ['image', 'command', 'args', 'resources', 'livenessProbe', 'readinessProbe'] as const) {
    if (path.field(field)) return field + path.rest();
  }
  if (path.field('env')) {
    const i = path.index();
    const names = Object.keys(props.env ?? {});
    if (i === undefined) return props.env === undefined && props.envVars !== undefined ? 'envVars' : 'env';
    return i < names.length ? keyed('env', names[i]) : `envVars[${i - names.length}]${path.rest()}`;
  }
  if (path.field('ports')) {
    const i = path.index();
    const ports = props.ports?.length ?? 0;
    if (i === undefined) return 'ports';
    return i < ports ? `ports[${i}]${path.rest()}` : `hostPorts[${i - ports}]`;
  }
  if (path.field('volumeMounts')) {
    const i = path.index();
    const hostPaths = Object.keys(props.hostPaths ?? {});
    // Upstream names some mount errors (subPath, mountPropagation) by the list alone; only
    // volumeMounts can set those.
    if (i === undefined) return props.volumeMounts ? 'volumeMounts' : 'hostPaths';
    if (i >= hostPaths.length) return `volumeMounts[${i - hostPaths.length}]${path.rest()}`;
    const rest = path.rest();
    return hostPathProp(hostPaths[i], rest === '.mountPath' || rest === '.readOnly' ? rest : '');
  }
  if (path.field('securityContext')) return securityContextProp('securityContext', props.securityContext, path, props);
  return undefined;
}

function containerProp(prop: string, given: object | undefined, path: PathReader, props: DaemonProps): string | undefined {
  if (given === undefined) return undefined;
  if (path.field('securityContext')) {
    return securityContextProp(`${prop}.securityContext`, (given as { securityContext?: object }).securityContext, path, props);
  }
  return prop + path.rest();
}

/** A field of a security context is the user's when they set it, the hardened profile's otherwise. */
function securityContextProp(prop: string, given: object | undefined, path: PathReader, props: DaemonProps): string {
  const rest = path.rest();
  const field = /^\.([^.[]+)/.exec(rest)?.[1];
  if (props.hardened && (given === undefined || (field !== undefined && !(field in given)))) return 'hardened';
  return prop + rest;
}

/** `hostPaths["/var/log"]`, with `.mountPath`, `.readOnly` or `.type` when the error is about one of them. */
function hostPathProp(hostPath: string, field: string): string {
  return keyed('hostPaths', hostPath) + field;
}

function nodeAffinityProp(path: PathReader, layout: PropLayout): string | undefined {
  if (path.field('requiredDuringSchedulingIgnoredDuringExecution')) {
    const nodes = layout.requiredNodes;
    if (!nodes?.prop) return undefined;
    const term = path.field('nodeSelectorTerms') ? path.index() : undefined;
    return `${nodes.prop}: ${(term !== undefined && requirementOf(path, nodes.filter, term)) || String(nodes.filter)}`;
  }
  if (!path.field('preferredDuringSchedulingIgnoredDuringExecution')) return undefined;
  const i = path.index();
  if (i === undefined) return 'preferredNodes';
  let first = 0;
  const preferred = layout.props.preferredNodes ?? [];
  for (let k = 0; k < preferred.length; k++) {
    const terms = preferred[k].nodes.toNodeSelectorTerms().length;
    if (i < first + terms) {
      if (path.field('weight')) return `preferredNodes[${k}].weight`;
      if (!path.field('preference')) return `preferredNodes[${k}]`;
      return `preferredNodes[${k}].nodes: ${requirementOf(path, preferred[k].nodes, i - first) || String(preferred[k].nodes)}`;
    }
    first += terms;
  }
  return undefined;
}

/** The call that made the requirement the path goes on to, in term `term` of `filter`. */
function requirementOf(path: PathReader, filter: NodeFilter, term: number): string | undefined {
  for (const list of ['matchExpressions', 'matchFields'] as const) {
    if (!path.field(list)) continue;
    const j = path.index();
    return j === undefined ? undefined : requirementCall(filter, term, list, j);
  }
  return undefined;
}

/**
 * The key of a map entry an error is about: named in the path (`[key]`, `.key`), or, as the API
 * server reports a label map, given as the error's value, which is the bad key or the bad value.
 */
function entryKey(path: PathReader, error: FieldError, map: Record<string, unknown> | undefined): string | undefined {
  if (!map) return undefined;
  const keys = Object.keys(map);
  const named = path.key(keys);
  if (named !== undefined) return named;
  if (!path.done || typeof error.value !== 'string') return undefined;
  if (error.value in map) return error.value;
  return keys.find((key) => map[key] === error.value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A map entry as TypeScript would read it: `env.LOG_LEVEL`, `hostPaths["/var/log"]`. */
function keyed(prop: string, key: string): string {
  return IDENTIFIER.test(key) ? `${prop}.${key}` : `${prop}[${JSON.stringify(key)}]`;
}

/** Reads a field path as `field.Path` writes it: `.name` for a field, `[i]` or `[key]` for an entry. */
class PathReader {
  private at = 0;

  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** Moves past `.name` (or `name` first in the path) when the path goes on with that field. */
  field(name: string): boolean {
    const length = this.fieldLength(name);
    this.at += length;
    return length > 0;
  }

  /** Moves past every one of the fields, or past none. */
  fields(...names: string[]): boolean {
    const start = this.at;
    if (names.every((name) => this.field(name))) return true;
    this.at = start;
    return false;
  }

  /** Moves past `[i]` and returns i. */
  index(): number | undefined {
    const match = /^\[(\d+)\]/.exec(this.text.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    return Number(match[1]);
  }

  /** Moves past `[key]` or `.key` for the longest of `keys` the path goes on with. */
  key(keys: readonly string[]): string | undefined {
    let found: string | undefined;
    let length = 0;
    for (const key of keys) {
      const keyLength = this.text.startsWith(`[${key}]`, this.at) ? key.length + 2 : this.fieldLength(key);
      if (keyLength > length) [found, length] = [key, keyLength];
    }
    this.at += length;
    return found;
  }

  /**
   * The rest of the path, for a prop that holds the Kubernetes shape itself (a sidecar, a probe):
   * `.ports[1].containerPort`. A map key reads as TypeScript would: `limits[memory]` becomes
   * `limits.memory`.
   */
  rest(): string {
    const rest = this.text.slice(this.at);
    this.at = this.text.length;
    return rest.replace(/\[([^\]]*)\]/g, (whole, key: string) => (/^\d+$/.test(key) ? whole : keyed('', key)));
  }

  /** How long `.name` is where the path is, or 0 when the path does not go on with that field. */
  private fieldLength(name: string): number {
    const token = this.at === 0 ? name : `.${name}`;
    if (!this.text.startsWith(token, this.at)) return 0;
    const next = this.text[this.at + token.length];
    return next === undefined || next === '.' || next === '[' ? token.length : 0;
  }
}
