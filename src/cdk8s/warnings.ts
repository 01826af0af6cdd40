import { IConstruct } from 'constructs';
import { formatWarning, ValidationWarning } from '../validation';

/**
 * The construct metadata type under which an everynode construct records what the API server would
 * accept but is almost certainly a mistake. cdk8s 2.x has no `Annotations` (AWS CDK's
 * `aws:cdk:warning`); read them with
 * `construct.node.metadata.filter((entry) => entry.type === WARNING_METADATA_TYPE)`, whose `data`
 * is the message (`spec.template.spec.containers[0].image: ...`).
 *
 * @example
 * for (const construct of app.node.findAll()) {
 *   for (const entry of construct.node.metadata.filter((m) => m.type === WARNING_METADATA_TYPE)) {
 *     console.warn(`warning: [${construct.node.path}] ${entry.data}`);
 *   }
 * }
 */
export const WARNING_METADATA_TYPE = 'everynode:warning';

/** Records each warning once, however many validation passes find it again. */
export function addWarnings(construct: IConstruct, warnings: readonly ValidationWarning[]): void {
  if (warnings.length === 0) return;
  const recorded = new Set(construct.node.metadata.filter((entry) => entry.type === WARNING_METADATA_TYPE).map((entry) => entry.data));
  for (const message of warnings.map(formatWarning)) {
    if (recorded.has(message)) continue;
    construct.node.addMetadata(WARNING_METADATA_TYPE, message);
    recorded.add(message);
  }
}
