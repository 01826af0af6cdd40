import { InputError } from './input-error';
import { AliasBoundError, DocumentTracker, LoaderState } from './yaml-documents';

/** One parsed YAML or JSON document, with where it came from. */
export interface SourceDocument {
  readonly value: unknown;
  /** 1-based index of the document in its file. */
  readonly document: number;
  /** 1-based line where the document starts. */
  readonly line: number;
}

/** The part of js-yaml 4 used here. */
interface JsYaml {
  readonly CORE_SCHEMA: { extend(types: { implicit: readonly unknown[] }): unknown };
  readonly types: { readonly merge: unknown };
  readonly YAMLException: new (...args: never[]) => Error & { reason?: string; mark?: { line: number; position: number } };
  loadAll(
    text: string,
    iterator: null,
    options: { schema: unknown; listener: (event: 'open' | 'close', state: LoaderState) => void },
  ): unknown[];
}

let loaded: { yaml: JsYaml; schema: unknown } | undefined;

/**
 * The YAML loader, on first use: the CLI reading JSON (`kubectl get nodes -o json`) never needs it.
 * js-yaml builds plain values straight from the text, where a parser that keeps a document model
 * took fifteen times as long and eight times the memory on a 15,000-Node `kubectl get nodes -o yaml`.
 * The schema is YAML 1.2's core schema, whose tags build only strings, numbers, booleans, null,
 * lists and maps, plus merge keys (`<<`), which Kubernetes' own YAML reader resolves too.
 */
function yamlLoader(): { yaml: JsYaml; schema: unknown } {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require('js-yaml') as JsYaml;
    loaded = { yaml, schema: yaml.CORE_SCHEMA.extend({ implicit: [yaml.types.merge] }) };
  }
  return loaded;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

/**
 * Parses the text of a manifest or inventory file: JSON, or YAML with any number of documents.
 * JSON goes through `JSON.parse`, which is fast on the tens of megabytes of a large inventory.
 * Keys such as `__proto__` become plain own properties in both parsers, YAML tags cannot
 * construct functions or classes, and YAML aliases cannot multiply a document's size.
 *
 * @param source the file name (or `<stdin>`) that error messages name
 * @throws InputError naming the source, the document and the line
 */
export function parseDocuments(text: string, source: string): SourceDocument[] {
  if (/^\s*[[{]/.test(text)) {
    try {
      return [{ value: JSON.parse(text), document: 1, line: 1 }];
    } catch {
      // JSON is YAML: the YAML parser says where the syntax breaks.
    }
  }
  const { yaml, schema } = yamlLoader();
  const tracker = new DocumentTracker(text);
  let values: unknown[];
  try {
    values = yaml.loadAll(text, null, { schema, listener: tracker.listener });
  } catch (e) {
    if (e instanceof AliasBoundError) throw new InputError(`${source}: document ${tracker.documentAt(text.length)}: ${e.message}`);
    if (!(e instanceof yaml.YAMLException)) throw e;
    const mark = e.mark;
    const where = mark ? `document ${tracker.documentAt(mark.position)}, line ${mark.line + 1}` : `document ${tracker.documentAt(text.length)}`;
    throw new InputError(`${source}: ${where}: ${e.reason ?? firstLine(e.message)}`);
  }
  const documents: SourceDocument[] = [];
  values.forEach((value, i) => {
    if (value !== null && value !== undefined) documents.push({ value, document: i + 1, line: tracker.starts[i] ?? 1 });
  });
  return documents;
}
