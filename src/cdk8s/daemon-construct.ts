import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { DaemonSetManifest } from '../daemon';
import { formatFieldError, validateDaemonSet } from '../validation';

/** Builds the manifest of one daemon kind; `owner` names the construct in error messages. */
export type ManifestBuilder = (owner: string, name: string) => DaemonSetManifest;

/**
 * What the three constructs share: one ApiObject of kind DaemonSet as the default child
 * `Resource`, and a synth-time check that the object (JSON patches included) is still one the
 * API server accepts.
 */
export abstract class DaemonConstruct extends Construct {
  /** The DaemonSet, for escape hatches: `ApiObject.of(daemon).addJsonPatch(...)` reaches it too. */
  readonly apiObject: ApiObject;
  /** The DaemonSet's name. */
  readonly name: string;
  /** The labels of `spec.selector.matchLabels`, for Services or NetworkPolicies that select the pods. */
  readonly selectorLabels: Record<string, string>;

  protected constructor(scope: Construct, id: string, kind: string, build: ManifestBuilder) {
    super(scope, id);
    const owner = `${kind} '${this.node.path}'`;
    const manifest = build(owner, id);
    const { apiVersion, kind: objectKind, metadata, ...rest } = manifest;
    this.apiObject = new ApiObject(this, 'Resource', { apiVersion, kind: objectKind, metadata, ...rest });
    this.name = this.apiObject.name;
    this.selectorLabels = { ...manifest.spec?.selector.matchLabels };
    this.node.addValidation({
      validate: () => validateDaemonSet(this.apiObject.toJson()).map(formatFieldError),
    });
  }
}
