/**
 * What js-yaml 4 passes to a `listener` as it opens and closes each node: its own loader state, of
 * which only these fields are read. The package ships no types of its own.
 */
export interface LoaderState {
  readonly position: number;
  /** 0-based. */
  readonly line: number;
  readonly lineStart: number;
  /** `null` once an alias or an empty node closes; `'scalar'`, `'sequence'` or `'mapping'` otherwise. */
  readonly kind: string | null;
  /** `null` once an alias or an untagged empty node closes. */
  readonly tag: string | null;
  readonly result: unknown;
  readonly anchor: string | null;
}

/** The anchors and aliases of one document would build more than the document itself holds. */
export class AliasBoundError extends Error {}

/**
 * Aliases may add this many nodes to a document beyond as many as it holds itself. A "billion
 * laughs" document adds billions from a few hundred bytes; hand-written anchors, even on every Node
 * of a large inventory, add a small multiple at most.
 */
const MAX_ADDED_BY_ALIASES = 10_000;

const MARKER = /^---(?:[ \t]|$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?$/;

/**
 * Follows the loader through one text: where each document starts, which document an error falls
 * in, and how large each document would be with every alias written out.
 *
 * js-yaml returns an alias as the very object its anchor built, so loading never expands one; what
 * reads the result afterwards (validation, the JSON report) walks every path and would. The size
 * with aliases written out is counted from each anchored node's size, without expanding anything,
 * and a document whose aliases would add too much is refused while it is read.
 */
export class DocumentTracker {
  /** 1-based start line of each document begun so far. */
  readonly starts: number[] = [];
  private depth = 0;
  /** Expanded size of each open node's children so far, the innermost last. */
  private readonly sizes: number[] = [];
  /** Expanded size of every anchored value of the current document. */
  private readonly anchored = new Map<unknown, number>();
  private nodes = 0;
  private addedByAliases = 0;
  private lastDocumentEnd = 0;

  constructor(private readonly text: string) {}

  readonly listener = (event: 'open' | 'close', state: LoaderState): void => {
    if (event === 'open') {
      if (this.depth === 0) this.startDocument(state);
      this.depth++;
      this.nodes++;
      this.sizes.push(1);
      return;
    }
    this.depth--;
    let size = this.sizes.pop()!;
    // Only an alias closes with a value but with neither kind nor tag.
    if (state.kind === null && state.tag === null && state.result !== null) size = this.alias(state.result);
    if (state.anchor !== null) this.anchored.set(state.result, size);
    if (this.depth > 0) this.sizes[this.sizes.length - 1] += size;
    else this.lastDocumentEnd = state.position;
  };

  /**
   * The 1-based number of the document that the error at `position` falls in: while a node is
   * open, the current one; between two, the next one once its marker or directive has been read.
   */
  documentAt(position: number): number {
    const begun = this.starts.length;
    if (this.depth > 0 || begun === 0) return Math.max(begun, 1);
    return /^(?:---|\.\.\.|%)/m.test(this.text.slice(this.lastDocumentEnd, position)) ? begun + 1 : begun;
  }

  private startDocument(state: LoaderState): void {
    this.starts.push(this.markerLine(state.line, state.lineStart) + 1);
    this.anchored.clear();
    this.nodes = 0;
    this.addedByAliases = 0;
  }

  private alias(value: unknown): number {
    const size = this.anchored.get(value);
    if (size === undefined && typeof value === 'object') {
      // Its anchor has not closed yet: the value contains itself, and a walk over it never ends.
      throw new AliasBoundError('an alias refers to a node that contains it');
    }
    this.addedByAliases += (size ?? 1) - 1;
    if (this.addedByAliases > this.nodes + MAX_ADDED_BY_ALIASES) {
      throw new AliasBoundError(`aliases would add more than ${this.nodes + MAX_ADDED_BY_ALIASES} nodes to the document`);
    }
    return size ?? 1;
  }

  /**
   * The 0-based line of the `---` that starts the document whose content starts on `line`, or that
   * line if no marker precedes it: only blank lines and comments can stand between the two.
   */
  private markerLine(line: number, lineStart: number): number {
    let start = lineStart;
    for (let at = line; ; at--) {
      const end = this.text.indexOf('\n', start);
      const text = this.text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
      if (MARKER.test(text)) return at;
      if (at < line && !BLANK_OR_COMMENT.test(text)) return line;
      if (start === 0) return line;
      start = start === 1 ? 0 : this.text.lastIndexOf('\n', start - 2) + 1;
    }
  }
}
