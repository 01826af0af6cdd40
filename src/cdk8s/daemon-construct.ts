import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { DaemonSetManifest } from '../daemon';
import { ChartMetadata, chartMetadataOf } from './chart-metadata';
import { DaemonSetObject } from './daemon-set-object';
import { synthFindings, watchApp } from './synth-check';
import { addWarnings } from './warnings';

/**
 * Builds the manifest of one daemon kind; `owner` names the construct in error messages. A builder
 * that puts `chart`'s namespace and labels into the manifest has it checked once, as it will be
 * written; one that ignores them works too, at the cost of a second check at construction.
 */
export type ManifestBuilder = (owner: string, name: string, chart?: ChartMetadata) => DaemonSetManifest;

/**
 * What the three constructs share: one ApiObject of kind DaemonSet as the default child
 * `Resource`, checked once when it is built; at synthesis, checked again only if a JSON patch or a
 * metadata change may have made it one the API server rejects, and compared with every other
 * object of the app, so that two objects with the same kind, namespace and name fail synthesis.
 *
 * Warnings (what the API server accepts but is almost certainly a mistake) are recorded as
 * construct metadata of type `WARNING_METADATA_TYPE`.
 */
export abstract class DaemonConstruct extends Construct {
  /** The DaemonSet, for escape hatches: `ApiObject.of(daemon).addJsonPatch(...)` reaches it too. */
  readonly apiObject: ApiObject;
  /** The DaemonSet's name. */
  readonly name: string;
  /** The labels of `spec.selector.matchLabels`, for Services or NetworkPolicies that select the pods. */
  readonly selectorLabels: Record<string, string>;

  /** @internal the daemon kinds are the subclasses; users construct those */
  protected constructor(scope: Construct, id: string, kind: string, build: ManifestBuilder) {
    super(scope, id);
    const owner = `${kind} '${this.node.path}'`;
    const manifest = build(owner, id, chartMetadataOf(this));
    const object = new DaemonSetObject(this, 'Resource', manifest);
    this.apiObject = object;
    this.name = object.name;
    this.selectorLabels = { ...manifest.spec?.selector.matchLabels };
    addWarnings(this, object.constructionWarnings);
    watchApp(object);
    this.node.addValidation({
      validate: () => {
        const findings = synthFindings(object);
        addWarnings(this, findings.warnings);
        return [...findings.errors];
      },
    });
  }
}
