import { DaemonSetView } from './daemon-set-view';
import { NodeView } from './node-view';
import { requirementMatches } from '../validation';
import { fieldRequirementMatches, NodeSelectorTerm } from './predicates/required-node-affinity';

/**
 * A DaemonSet whose verdict depends on each node's identity — a template nodeName, a
 * matchFields on metadata.name, a selector on `kubernetes.io/hostname` — split in two: the
 * general part, evaluated once per node class like any other DaemonSet, and the node-specific
 * requirements, checked node by node.
 *
 * Where every node-specific requirement holds, the verdict is the general part's, reasons
 * included: a requirement that holds never fails a term, never comes first among a term's
 * failures, and adds no reason. Where one fails, the caller evaluates the node in full.
 */
export interface NodeSpecificSplit {
  readonly general: DaemonSetView;
  readonly holdsOn: (node: NodeView) => boolean;
}

export function splitNodeSpecific(view: DaemonSetView, nodeSpecificKeys: ReadonlySet<string>): NodeSpecificSplit {
  const isSpecific = (key: string) => nodeSpecificKeys.has(key);
  const specificSelector = view.nodeSelector.filter(([key]) => isSpecific(key));
  const generalTerms = view.requiredTerms?.map((term): NodeSelectorTerm =>
    term.kind === 'parsed' ? { kind: 'parsed', labels: term.labels.filter((r) => !isSpecific(r.key)), fields: [] } : term,
  );
  const labelKeys = new Set([...view.labelKeys].filter((key) => !isSpecific(key)));
  const general: DaemonSetView = {
    ...view,
    templateNodeName: '',
    nodeSelector: view.nodeSelector.filter(([key]) => !isSpecific(key)),
    requiredTerms: generalTerms,
    labelKeys,
    dependsOnNodeName: false,
  };

  // Checked on every node of a large inventory: gather the requirements once, in flat lists.
  const parsedTerms = (view.requiredTerms ?? []).filter((term) => term.kind === 'parsed');
  const specificRequirements = parsedTerms.flatMap((term) => term.labels.filter((r) => isSpecific(r.key)));
  const fieldRequirements = parsedTerms.flatMap((term) => term.fields);
  const holdsOn = (node: NodeView): boolean => {
    if (view.templateNodeName !== '' && view.templateNodeName !== node.name) return false;
    for (const [key, value] of specificSelector) if (node.labels.get(key) !== value) return false;
    for (const requirement of specificRequirements) if (!requirementMatches(requirement, node.labels)) return false;
    for (const field of fieldRequirements) if (!fieldRequirementMatches(field, node)) return false;
    return true;
  };
  return { general, holdsOn };
}
