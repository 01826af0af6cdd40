import { InputError, parseDocuments } from '../input';
import { SourceReader, STDIN_ARGUMENT } from './source-reader';
import { JsonObject } from '../json/shape';
import { isKind, kubernetesObjects } from '../placement/kubernetes-objects';

/**
 * The Kubernetes objects in the files, directories and `-` that arguments name, in order:
 * every YAML or JSON document of every file, with `List` objects unwrapped.
 *
 * @param role what the files hold (`manifest`), for the messages
 * @throws InputError naming the file (and document and line) that cannot be read or parsed
 */
export async function readManifests(reader: SourceReader, argumentList: readonly string[], role: string): Promise<JsonObject[]> {
  const objects: JsonObject[] = [];
  for (const source of await reader.readAll(argumentList, role)) {
    for (const document of parseDocuments(source.text, source.name)) objects.push(...kubernetesObjects(document.value));
  }
  return objects;
}

/** The DaemonSets among parsed objects; other kinds are ignored. */
export function daemonSetsIn(objects: readonly JsonObject[]): JsonObject[] {
  return objects.filter((object) => isKind(object, 'DaemonSet'));
}

/**
 * The DaemonSets among parsed objects, when there is one at least: no DaemonSet at all means
 * the wrong files were given, and an empty report would hide it.
 * @throws InputError naming the arguments
 */
export function requireDaemonSets(objects: readonly JsonObject[], argumentList: readonly string[]): JsonObject[] {
  const daemonSets = daemonSetsIn(objects);
  if (daemonSets.length === 0) {
    const names = argumentList.map((argument) => (argument === STDIN_ARGUMENT ? '<stdin>' : argument));
    throw new InputError(`${names.join(', ')}: no DaemonSet found (expected apps/v1 DaemonSet objects)`);
  }
  return daemonSets;
}
