import { FieldPath } from './field-error';
import { ValidationWarning } from './validation-warning';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

/*
 * The image reference grammar that registries and container runtimes parse
 * (github.com/distribution/reference, `ParseNormalizedNamed`):
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ domain "/" ] path-component *( "/" path-component )
 */
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
const NAME_MAX_LENGTH = 255;

/** Why no registry would accept the reference, or undefined when it is well formed. */
export function imageReferenceProblem(image: string): string | undefined {
  const match = REFERENCE.exec(image);
  if (match) {
    return match[1].length > NAME_MAX_LENGTH ? `repository name must not be more than ${NAME_MAX_LENGTH} characters` : undefined;
  }
  if (REFERENCE.test(image.toLowerCase())) return 'repository name must be lowercase';
  return 'invalid reference format';
}

/**
 * Container images that no registry would accept. The API server checks only that an image has
 * no surrounding whitespace (`validateContainerCommon`); the kubelet then fails to pull, on
 * every node, with `InvalidImageName`.
 */
export function imageReferenceWarnings(podSpec: JsonObject | undefined, podSpecPath: FieldPath): ValidationWarning[] {
  const warnings: ValidationWarning[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    listAt(podSpec?.[list]).forEach((raw, i) => {
      const image = stringAt(objectAt(raw)?.image);
      // Empty or padded images are the API server's errors, not warnings.
      if (!image || image.trim() !== image) return;
      const problem = imageReferenceProblem(image);
      if (!problem) return;
      warnings.push({
        code: 'InvalidImageReference',
        field: podSpecPath.child(list).index(i).child('image').toString(),
        message: `${JSON.stringify(image)} is not an image reference a registry accepts (${problem}): the kubelet cannot pull it`,
      });
    });
  }
  return warnings;
}
