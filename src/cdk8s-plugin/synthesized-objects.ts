import * as fs from 'fs';
import { decodeText, kubernetesObjects, parseDocuments } from '../input';
import { JsonObject } from '../json/shape';

/** A Kubernetes object `cdk8s synth` wrote, with the file it is in. */
export interface SynthesizedObject {
  readonly object: JsonObject;
  /** The manifest's path as the CLI named it. */
  readonly manifestPath: string;
}

/**
 * Every object of the synthesized manifests, in order: each YAML document, with `List` objects
 * unwrapped, whatever made it (everynode's constructs, cdk8s-plus, a plain `ApiObject`, an
 * imported Helm chart).
 * @throws InputError naming the manifest (and document) that cannot be read or parsed
 */
export function readSynthesizedObjects(manifestPaths: readonly string[]): SynthesizedObject[] {
  const objects: SynthesizedObject[] = [];
  for (const manifestPath of manifestPaths) {
    for (const document of parseDocuments(decodeText(fs.readFileSync(manifestPath), manifestPath), manifestPath)) {
      for (const object of kubernetesObjects(document.value)) objects.push({ object, manifestPath });
    }
  }
  return objects;
}
