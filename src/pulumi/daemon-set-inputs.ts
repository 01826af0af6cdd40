import type * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { DaemonArgs } from './daemon-args';
import { DaemonProps, DaemonSetManifest, modelWarnings } from '../daemon';
import type { ValidationWarning } from '../validation';

/**
 * One daemon kind's model function, shared with the cdk8s construct of the kind.
 * @example
 * const build: ManifestBuilder = nodeDaemonManifest;
 */
export type ManifestBuilder = (owner: string, name: string, props: DaemonProps) => DaemonSetManifest;

/** What a component hands to its `k8s.apps.v1.DaemonSet`, and what it reads back. */
export interface DaemonSetInputs {
  /** The manifest as the model built it, with a stand-in where an input is not known yet. */
  readonly manifest: DaemonSetManifest;
  /** The DaemonSet's args: the manifest, with the `image` and `namespace` inputs in their places. */
  readonly args: k8s.apps.v1.DaemonSetArgs;
  /** The namespace the args name, checked when it resolves. */
  readonly namespace: pulumi.Output<string | undefined>;
}

/*
 * Values the model accepts in place of an image or a namespace that is not known yet, so that every
 * other prop is still checked at construction. Neither reaches the DaemonSet; were the image ever
 * to, `.invalid` is a domain no registry can have (RFC 2606).
 */
const IMAGE_STAND_IN = 'everynode.invalid/image-from-a-pulumi-output';
const NAMESPACE_STAND_IN = 'default';

/** Whether the value is only known later; anything else goes to the model as it is, to be judged there. */
function isDeferred<T>(value: pulumi.Input<T> | undefined): value is pulumi.OutputInstance<T> | Promise<T> {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * Builds a daemon's manifest with the model and turns it into DaemonSet args.
 *
 * A deferred `image` or `namespace` is validated by running the model again with its value when it
 * resolves, so it fails with the same `DaemonPropsError`, naming the same owner and field, as a
 * plain string does at construction.
 *
 * @param warn told what the model warns about, at construction and again when a deferred input resolves
 * @throws DaemonPropsError naming `owner` and every prop that is wrong
 */
export function daemonSetInputs(
  owner: string,
  name: string,
  args: DaemonArgs,
  build: ManifestBuilder,
  warn: (warnings: readonly ValidationWarning[]) => void = () => {},
): DaemonSetInputs {
  const { image, namespace, ...rest } = args;
  const plain: DaemonProps = {
    ...rest,
    image: isDeferred(image) ? IMAGE_STAND_IN : image,
    namespace: isDeferred(namespace) ? NAMESPACE_STAND_IN : namespace,
  };
  const manifest = build(owner, name, plain);
  warn(modelWarnings(manifest));

  const checked = (key: 'image' | 'namespace', value: pulumi.Input<string>) =>
    pulumi.output(value).apply((resolved) => {
      warn(modelWarnings(build(owner, name, { ...plain, [key]: resolved })));
      return resolved;
    });

  const namespaceInput = isDeferred(namespace) ? checked('namespace', namespace) : namespace;
  const spec = manifest.spec!;
  const podSpec = spec.template.spec!;
  const specInput = isDeferred(image)
    ? {
      ...spec,
      template: {
        ...spec.template,
        spec: {
          ...podSpec,
          containers: podSpec.containers.map((c) => (c.image === IMAGE_STAND_IN ? { ...c, image: checked('image', image) } : c)),
        },
      },
    }
    : spec;
  return {
    manifest,
    args: {
      metadata: isDeferred(namespace) ? { ...manifest.metadata, namespace: namespaceInput } : manifest.metadata,
      // The same wire shape, but the provider's typings allow only strings where Kubernetes also
      // takes a number for a quantity (`divisor: 1`); the provider sends either as it is.
      spec: specInput as k8s.types.input.apps.v1.DaemonSetSpec,
    },
    namespace: pulumi.output(namespaceInput),
  };
}
