import { namespaceOf } from '../input';
import { JsonObject, listAt, objectAt, stringAt, stringEntries } from '../json/shape';
import { daemonPodTolerations } from './predicates/daemon-pod-tolerations';
import { NodeSelectorTerm, parseNodeSelectorTerms } from './predicates/required-node-affinity';
import { Toleration } from './predicates/taint-toleration';

/** What placement reads of a DaemonSet, parsed once and matched against every node. */
export interface DaemonSetView {
  readonly namespace: string;
  readonly name: string;
  /** The template's `nodeName`, or "" when unset. */
  readonly templateNodeName: string;
  readonly nodeSelector: ReadonlyArray<readonly [string, string]>;
  /** Required node affinity terms, or undefined when the pod has none. */
  readonly requiredTerms: readonly NodeSelectorTerm[] | undefined;
  /** The pod's own tolerations followed by the ones the controller adds. */
  readonly tolerations: readonly Toleration[];
  /** Node label keys the verdict depends on. */
  readonly labelKeys: ReadonlySet<string>;
  /** Whether the verdict depends on the node's name (template nodeName or matchFields). */
  readonly dependsOnNodeName: boolean;
  readonly podSpec: JsonObject;
}

function tolerationView(raw: unknown): Toleration {
  const toleration = objectAt(raw) ?? {};
  return {
    key: stringAt(toleration.key) ?? '',
    operator: stringAt(toleration.operator) ?? '',
    value: stringAt(toleration.value) ?? '',
    effect: stringAt(toleration.effect) ?? '',
  };
}

/** Reads a DaemonSet as `NewPod` builds the pod that `NodeShouldRunDaemonPod` checks. */
export function daemonSetView(daemonSet: JsonObject): DaemonSetView {
  const metadata = objectAt(daemonSet.metadata);
  const podSpec = objectAt(objectAt(objectAt(daemonSet.spec)?.template)?.spec) ?? {};
  const nodeSelector = stringEntries(podSpec.nodeSelector);
  const required = objectAt(objectAt(objectAt(podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution);
  const requiredTerms = required ? parseNodeSelectorTerms(required.nodeSelectorTerms) : undefined;

  const labelKeys = new Set(nodeSelector.map(([key]) => key));
  let usesFields = false;
  for (const term of requiredTerms ?? []) {
    if (term.kind !== 'parsed') continue;
    for (const requirement of term.labels) labelKeys.add(requirement.key);
    usesFields ||= term.fields.length > 0;
  }
  const templateNodeName = stringAt(podSpec.nodeName) ?? '';
  return {
    namespace: namespaceOf(metadata),
    name: stringAt(metadata?.name) ?? '',
    templateNodeName,
    nodeSelector,
    requiredTerms,
    tolerations: [...listAt(podSpec.tolerations).map(tolerationView), ...daemonPodTolerations(podSpec.hostNetwork === true)],
    labelKeys,
    dependsOnNodeName: templateNodeName !== '' || usesFields,
    podSpec,
  };
}
