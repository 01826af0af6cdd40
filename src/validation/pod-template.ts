import { FieldError, FieldPath } from './field-error';
import { validateAnnotations, validateLabels } from './object-meta';
import { validateAppArmorAnnotationsMatchFields, validatePodSpecificAnnotations, validateSeccompAnnotationsMatchFields } from './pod-annotations';
import { validatePodSpec } from './pod-spec';
import { JsonObject, listAt, objectAt } from '../json/shape';

/**
 * Mirrors `ValidatePodTemplateSpec` in pkg/apis/core/validation/validation.go: the template's
 * labels and annotations, the pod spec, and no ephemeral containers (they can only be added to a
 * running pod). The ephemeral containers' own rules are not checked, since the template is refused
 * for having them at all.
 */
export function validatePodTemplate(template: JsonObject | undefined, path: FieldPath): FieldError[] {
  const metadata = objectAt(template?.metadata);
  const specPath = path.child('spec');
  const spec = objectAt(template?.spec) ?? {};
  // ObjectMeta is embedded in PodTemplateSpec, so upstream names these `template.labels`.
  const errors = validateLabels(metadata?.labels, path.child('labels'));
  // The annotation rules below only find something in a pod that has annotations; most have none.
  const annotations = objectAt(metadata?.annotations);
  const annotated = annotations !== undefined && hasKeys(annotations);
  if (annotated) {
    errors.push(...validateAnnotations(annotations, path.child('annotations')));
    errors.push(...validatePodSpecificAnnotations(annotations, spec, specPath, path.child('annotations')));
  }
  errors.push(...validatePodSpec(spec, specPath));
  if (annotated) {
    errors.push(...validateSeccompAnnotationsMatchFields(annotations, spec, specPath));
    errors.push(...validateAppArmorAnnotationsMatchFields(annotations, spec, specPath));
  }
  if (listAt(spec.ephemeralContainers).length > 0) {
    errors.push(specPath.child('ephemeralContainers').forbidden('ephemeral containers not allowed in pod template'));
  }
  return errors;
}

function hasKeys(object: JsonObject): boolean {
  for (const _ in object) return true;
  return false;
}
