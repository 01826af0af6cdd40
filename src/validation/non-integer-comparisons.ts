import { FieldPath } from './field-error';
import { parseInt64 } from './label-requirement';
import { ValidationWarning } from './validation-warning';
import { JsonObject, listAt, objectAt } from '../json/shape';

function termWarnings(term: JsonObject | undefined, path: FieldPath): ValidationWarning[] {
  const warnings: ValidationWarning[] = [];
  listAt(term?.matchExpressions).forEach((raw, i) => {
    const requirement = objectAt(raw) ?? {};
    const values = listAt(requirement.values);
    if ((requirement.operator !== 'Gt' && requirement.operator !== 'Lt') || values.length !== 1) return;
    if (typeof values[0] === 'string' && parseInt64(values[0]) !== undefined) return;
    const field = path.child('matchExpressions').index(i).child('values').index(0).toString();
    warnings.push({
      code: 'NonIntegerComparison',
      field,
      message: `${JSON.stringify(values[0])} is not an integer: the API server accepts it, but a '${requirement.operator}' term with it matches no node`,
    });
  });
  return warnings;
}

/**
 * `Gt`/`Lt` node selector values that are not integers. The API server accepts them
 * (`ValidateNodeSelectorRequirement` checks only that there is one value), and then the term
 * matches no node at all: component-helpers' `nodeaffinity` fails to parse the value and the
 * scheduler and the DaemonSet controller skip the term (`NewLazyErrorNodeSelector`).
 */
export function nonIntegerComparisons(podSpec: JsonObject | undefined, podSpecPath: FieldPath): ValidationWarning[] {
  const nodeAffinity = objectAt(objectAt(podSpec?.affinity)?.nodeAffinity);
  if (!nodeAffinity) return [];
  const affinityPath = podSpecPath.child('affinity', 'nodeAffinity');
  const requiredPath = affinityPath.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  const preferredPath = affinityPath.child('preferredDuringSchedulingIgnoredDuringExecution');
  return [
    ...listAt(objectAt(nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms)
      .flatMap((term, i) => termWarnings(objectAt(term), requiredPath.index(i))),
    ...listAt(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution)
      .flatMap((term, i) => termWarnings(objectAt(objectAt(term)?.preference), preferredPath.index(i).child('preference'))),
  ];
}
