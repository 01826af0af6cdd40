import type * as Yaml from 'yaml';
import { InputError } from './input-error';

/** One parsed YAML or JSON document, with where it came from. */
export interface SourceDocument {
  readonly value: unknown;
  /** 1-based index of the document in its file. */
  readonly document: number;
  /** 1-based line where the document starts. */
  readonly line: number;
}

/** Bounds alias expansion, so a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_COUNT = 1000;

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

let loadedYaml: typeof Yaml | undefined;

/**
 * The YAML parser, loaded on first use: loading it takes longer than Node's own start-up, and
 * the CLI reading JSON (`kubectl get nodes -o json`) never needs it.
 */
function yamlParser(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loadedYaml ??= require('yaml') as typeof Yaml);
}

/**
 * Parses the text of a manifest or inventory file: JSON, or YAML with any number of documents.
 * JSON goes through `JSON.parse`, which is fast on the tens of megabytes of a large inventory.
 * Keys such as `__proto__` become plain own properties in both parsers, and YAML tags cannot
 * construct functions or classes.
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
  const { LineCounter, parseAllDocuments } = yamlParser();
  const documents: SourceDocument[] = [];
  const lineCounter = new LineCounter();
  for (const [i, document] of parseAllDocuments(text, { prettyErrors: true, lineCounter }).entries()) {
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      throw new InputError(`${source}: document ${i + 1}${line ? `, line ${line}` : ''}: ${firstLine(error.message)}`);
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      throw new InputError(`${source}: document ${i + 1}: ${firstLine((e as Error).message)}`);
    }
    if (value === null || value === undefined) continue;
    documents.push({ value, document: i + 1, line: lineCounter.linePos(document.range[0]).line });
  }
  return documents;
}
