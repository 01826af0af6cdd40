import { withApiServerDefaults } from './defaults';
import { FieldError, FieldPath } from './field-error';
import { labelSelectorMatches, validateLabelSelector } from './label-selector';
import { validateObjectMeta } from './object-meta';
import { validatePodTemplate } from './pod-template';
import { validateUpdateStrategy } from './update-strategy';
import { canonicalJson } from '../json/canonical-json';
import { JsonObject, listAt, numberAt, objectAt } from '../json/shape';

function validateNonNegative(value: unknown, path: FieldPath): FieldError[] {
  const n = numberAt(value);
  return n !== undefined && n < 0 ? [path.invalid(value, 'must be greater than or equal to 0')] : [];
}

/** Mirrors `ValidateDaemonSetSpec` in pkg/apis/apps/validation/validation.go. */
function validateSpec(spec: JsonObject, path: FieldPath): FieldError[] {
  const errors: FieldError[] = [];
  const selectorPath = path.child('selector');
  const selector = objectAt(spec.selector);
  const template = objectAt(spec.template);
  const templateLabels = objectAt(template?.metadata)?.labels;

  // The apps/v1 schema requires a selector; the API server then finds it matches nothing.
  if (!selector) errors.push(selectorPath.required());
  const selectorErrors = validateLabelSelector(selector, selectorPath);
  errors.push(...selectorErrors);
  // Upstream skips the match when LabelSelectorAsSelector fails, i.e. for any invalid selector.
  const selectorParses = selectorErrors.length === 0;
  if (selectorParses && !(selector && labelSelectorMatches(selector, templateLabels))) {
    errors.push(
      path.child('template', 'metadata', 'labels').invalid(templateLabels ?? {}, '`selector` does not match template `labels`'),
    );
  }
  if (selector && Object.keys(objectAt(selector.matchLabels) ?? {}).length + listAt(selector.matchExpressions).length === 0) {
    errors.push(selectorPath.invalid(selector, 'empty selector is invalid for daemonset'));
  }

  const templatePath = path.child('template');
  errors.push(...validatePodTemplate(template, templatePath));
  const podSpec = objectAt(template?.spec) ?? {};
  if (podSpec.restartPolicy !== 'Always') {
    errors.push(templatePath.child('spec', 'restartPolicy').notSupported(podSpec.restartPolicy, ['Always']));
  }
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errors.push(templatePath.child('spec', 'activeDeadlineSeconds').forbidden('activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errors.push(...validateNonNegative(spec.minReadySeconds, path.child('minReadySeconds')));
  errors.push(...validateUpdateStrategy(objectAt(spec.updateStrategy), path.child('updateStrategy')));
  errors.push(...validateNonNegative(spec.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  return errors;
}

/**
 * Two selectors are the same as `apiequality.Semantic.DeepEqual` sees them: key order does not
 * matter, and an empty list or map equals an absent one.
 */
function sameSelector(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The API server's rules for an apps/v1 DaemonSet that decoded: `ValidateDaemonSet` on create, or
 * `ValidateDaemonSetUpdate` when `previous` (the same DaemonSet as last released) is given, where
 * `spec.selector` is immutable. The API server's defaults are applied first, as the API server
 * does, so a manifest that sets only `maxSurge` fails (maxUnavailable defaults to 1).
 */
export function validateDecodedDaemonSet(daemonSet: JsonObject, previous?: unknown): FieldError[] {
  const defaulted = withApiServerDefaults(daemonSet);
  const errors = [
    ...validateObjectMeta(objectAt(defaulted.metadata), FieldPath.root('metadata')),
    ...validateSpec(objectAt(defaulted.spec) ?? {}, FieldPath.root('spec')),
  ];
  const old = objectAt(previous);
  if (old) {
    const selector = objectAt(defaulted.spec)?.selector;
    const oldSelector = objectAt(old.spec)?.selector;
    if (!sameSelector(selector, oldSelector)) {
      errors.unshift(FieldPath.root('spec').child('selector').invalid(selector, 'field is immutable'));
    }
  }
  return errors;
}
