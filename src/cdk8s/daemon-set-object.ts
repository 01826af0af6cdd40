import { ApiObject, ApiObjectMetadataDefinition, ApiObjectProps, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { DaemonSetManifest, modelBuiltPlainData, modelWarnings } from '../daemon';
import { copyPlainJson, isPlainJson, sameJson, sortedPlainJson } from './plain-json';
import { hasOwnResolvers } from './resolvers';
import { JsonObject } from '../json/shape';
import { checkDaemonSet, DaemonSetCheck, FieldError } from '../validation';

// `instanceof` cannot tell this class apart: ApiObject answers it for every ApiObject.
const DAEMON_SET_OBJECT = Symbol.for('everynode.DaemonSetObject');

/** What a DaemonSetObject would synthesize at this point, as far as synthesis checks need it. */
export interface DaemonSetState {
  /** Whether it may differ from what was checked at construction, and must be checked again. */
  readonly changed: boolean;
  /**
   * The synthesized DaemonSet when changed; else its apiVersion, kind, name, namespace and spec,
   * the spec as the model built it (not copied: read it only).
   */
  readonly object: JsonObject;
}

/**
 * The ApiObject of an everynode construct. The model checked the manifest it built; this object
 * knows whether it still synthesizes that manifest, so that synthesis checks it again, and cdk8s
 * resolves it, only after something changed it: a JSON patch (`ApiObject.of(x).addJsonPatch`), a
 * change to its metadata, or an app resolver that may rewrite any value.
 */
export class DaemonSetObject extends ApiObject {
  static isDaemonSetObject(x: unknown): x is DaemonSetObject {
    return typeof x === 'object' && x !== null && DAEMON_SET_OBJECT in x;
  }

  private patched = false;
  /** A copy of the metadata's fields as checked, or undefined when they hold values resolved at synthesis. */
  private readonly checkedMetadata: unknown;
  /** Whether the props hold only plain data, which synthesis writes as it is. */
  private readonly plain: boolean;
  private readonly identity: JsonObject;
  /** Every field of the manifest but its apiVersion, kind and metadata, which cdk8s keeps. */
  private readonly body: JsonObject;
  /** The metadata as cdk8s resolves it, while it holds what was checked. */
  private readonly writtenMetadata: unknown;
  /**
   * What the API server would reject in metadata the model did not build: the chart's, when the
   * builder ignored it or it is resolved at synthesis. Reported at synthesis, as cdk8s reports it.
   */
  readonly constructionErrors: readonly FieldError[];
  /** What the API server would accept but should not, as constructed. */
  readonly constructionWarnings: DaemonSetCheck['warnings'];
  /** The Kubernetes version the object is checked for, again at synthesis if it changed. */
  readonly kubernetesVersion?: string;

  /**
   * @param manifest the DaemonSet as the model built and checked it
   * @param kubernetesVersion the version it was built for
   */
  constructor(scope: Construct, id: string, manifest: DaemonSetManifest, kubernetesVersion?: string) {
    const { apiVersion, kind, metadata, ...rest } = manifest;
    const props: ApiObjectProps = { apiVersion, kind, metadata, ...rest };
    super(scope, id, props);
    Object.defineProperty(this, DAEMON_SET_OBJECT, { value: true });
    this.kubernetesVersion = kubernetesVersion;

    const fields = metadataFields(this.metadata);
    this.checkedMetadata = copyPlainJson(fields);
    // The model's check already walked the whole manifest and saw whether it is plain data.
    this.plain = modelBuiltPlainData(manifest) ?? isPlainJson(rest);
    // cdk8s gave the metadata its chart's namespace and labels. When they are plain data and the
    // model already had them, the metadata is written as the model built and checked it, and
    // resolving it here (`metadata.toJson()`, the costliest step of constructing) would only say so.
    const asBuilt = this.checkedMetadata !== undefined && fields.namespace === metadata?.namespace && sameJson(fields.labels, metadata?.labels ?? {});
    const synthesized = asBuilt ? metadata : this.metadata.toJson();
    this.body = rest;
    this.writtenMetadata = synthesized;
    // The spec too, which synthesis writes as built while nothing changes it: the selector collision check reads it.
    this.identity = { apiVersion, kind, metadata: { name: this.name, namespace: synthesized?.namespace }, spec: rest.spec };
    if (asBuilt || sameJson(synthesized, metadata)) {
      this.constructionErrors = [];
      this.constructionWarnings = modelWarnings(manifest);
    } else {
      // Metadata the model never saw (the chart's, when the builder ignored it): checked once, here.
      const check = checkDaemonSet({ ...manifest, metadata: synthesized }, undefined, { kubernetesVersion });
      this.constructionErrors = check.errors;
      this.constructionWarnings = check.warnings;
    }
  }

  addJsonPatch(...ops: JsonPatch[]): void {
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  /**
   * What the object would synthesize now: only its identity and spec when nothing changed it, else all of it.
   * @param ownResolvers whether the app has resolvers of its own, when the caller knows
   */
  state(ownResolvers = hasOwnResolvers(this)): DaemonSetState {
    return this.unchanged(ownResolvers) ? { changed: false, object: this.identity } : { changed: true, object: this.toJson() };
  }

  /**
   * What cdk8s writes for this object. While nothing changed it, the body is plain data that
   * resolving would copy as it is, so it is written as cdk8s would write it without being resolved:
   * synthesizing an everynode DaemonSet then costs less than an ApiObject carrying the same manifest.
   */
  toJson(): any {
    if (process.env.CDK8S_DISABLE_SORT || !this.unchanged(hasOwnResolvers(this))) return super.toJson();
    // cdk8s leaves empty lists and objects out of metadata (and only there).
    const metadata = sortedPlainJson(this.writtenMetadata, true);
    const body = sortedPlainJson(this.body) as JsonObject;
    return metadata === undefined
      ? { apiVersion: this.apiVersion, kind: this.kind, ...body }
      : { apiVersion: this.apiVersion, kind: this.kind, metadata, ...body };
  }

  private unchanged(ownResolvers: boolean): boolean {
    return !this.patched && this.plain && !ownResolvers && sameJson(metadataFields(this.metadata), this.checkedMetadata);
  }
}

/**
 * Every field the metadata synthesizes from: cheaper to compare than `metadata.toJson()`, which
 * resolves and sorts, and it changes whenever a label, annotation, finalizer, owner or attribute
 * is added.
 */
function metadataFields(metadata: ApiObjectMetadataDefinition): Record<string, unknown> {
  const { apiObject: _, ...fields } = metadata as unknown as Record<string, unknown>;
  return fields;
}
