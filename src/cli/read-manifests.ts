import { InputError, isKind, kubernetesObjects, parseDocuments } from '../input';
import { SourceReader, STDIN_ARGUMENT } from './source-reader';
import { JsonObject } from '../json/shape';
import { isStaticPodObject, STATIC_POD_ANNOTATION } from '../static-pods/static-pod-marker';
import { duplicateObjectFindings, Finding } from '../validation';

/** Where an object was read: the file as the user named it, the document and the line it starts on. */
export interface ObjectOrigin {
  readonly source: string;
  /** 1-based index of the YAML document in its file. */
  readonly document: number;
  /** 1-based line where the document starts. */
  readonly line: number;
}

/** A Kubernetes object of the input, with where it was read. */
export interface SourcedObject {
  readonly object: JsonObject;
  readonly origin: ObjectOrigin;
}

/** `a.yaml (document 2, line 14)`, as messages name an object's place in the input. */
export function describeOrigin(origin: ObjectOrigin): string {
  return `${origin.source} (document ${origin.document}, line ${origin.line})`;
}

/**
 * The Kubernetes objects in the files, directories and `-` that arguments name, in order:
 * every YAML or JSON document of every file, with `List` objects unwrapped.
 *
 * @param role what the files hold (`manifest`), for the messages
 * @throws InputError naming the file (and document and line) that cannot be read or parsed
 */
export async function readManifests(reader: SourceReader, argumentList: readonly string[], role: string): Promise<SourcedObject[]> {
  const objects: SourcedObject[] = [];
  for (const source of await reader.readAll(argumentList, role)) {
    for (const document of parseDocuments(source.text, source.name)) {
      const origin = { source: source.name, document: document.document, line: document.line };
      for (const object of kubernetesObjects(document.value)) objects.push({ object, origin });
    }
  }
  return objects;
}

/** The DaemonSets among parsed objects; other kinds are ignored. */
export function daemonSetsIn(objects: readonly SourcedObject[]): JsonObject[] {
  return objects.map(({ object }) => object).filter((object) => isKind(object, 'DaemonSet'));
}

/**
 * The DaemonSets among parsed objects, when there is one at least: no DaemonSet at all means
 * the wrong files were given, and an empty report would hide it.
 * @throws InputError naming the arguments
 */
export function requireDaemonSets(objects: readonly SourcedObject[], argumentList: readonly string[]): JsonObject[] {
  const daemonSets = daemonSetsIn(objects);
  if (daemonSets.length === 0) {
    const names = argumentList.map((argument) => (argument === STDIN_ARGUMENT ? '<stdin>' : argument));
    throw new InputError(`${names.join(', ')}: no DaemonSet found (expected apps/v1 DaemonSet objects)`);
  }
  return daemonSets;
}

/**
 * What `everynode place` evaluates: the DaemonSets and the static pods' files, in input order,
 * when there is one at least.
 * @throws InputError naming the arguments when there is neither
 */
export function requirePlaceable(objects: readonly SourcedObject[], argumentList: readonly string[]): JsonObject[] {
  const placeable = objects.map(({ object }) => object).filter((object) => isKind(object, 'DaemonSet') || isStaticPodObject(object));
  if (placeable.length === 0) {
    const names = argumentList.map((argument) => (argument === STDIN_ARGUMENT ? '<stdin>' : argument));
    throw new InputError(
      `${names.join(', ')}: no DaemonSet or static pod found (expected apps/v1 DaemonSet objects, or Pods annotated ${STATIC_POD_ANNOTATION}: "true")`,
    );
  }
  return placeable;
}

/**
 * The objects of the input defined twice, each named with the files and documents of both. A
 * static pod's files are left out: one per node, the same Pod in each, none of them applied.
 */
export function duplicatesIn(objects: readonly SourcedObject[]): Finding[] {
  const applied = objects.filter(({ object }) => !isStaticPodObject(object));
  return duplicateObjectFindings(applied.map(({ object }) => object), (i) => describeOrigin(applied[i].origin));
}
