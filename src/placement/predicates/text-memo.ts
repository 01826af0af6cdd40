/**
 * Past this many distinct first parts, an owner's texts are built without being kept: its parts
 * are a node's own values (a serial number, a hostname), which no other node repeats.
 */
const MAX_FIRST_PARTS = 1024;

interface Entry {
  text?: string;
  /** Made when a longer list of parts first passes through: most lists end at their first part. */
  next?: Map<string | undefined, Entry>;
}

/**
 * Reason texts built once per distinct input and then handed out as the same string. Thousands of
 * nodes of one rack fail a requirement with one text; built anew for each, every text would be
 * joined, and then hashed again where the JSON writer encodes each distinct message once. The
 * same string object is hashed once.
 */
export class TextMemo<Owner extends object> {
  private readonly roots = new WeakMap<Owner, Entry>();

  /** The text of `owner` for `parts` (the values it prints), built by `build` the first time. */
  text(owner: Owner, parts: ReadonlyArray<string | undefined>, build: () => string): string {
    let entry: Entry | undefined = this.roots.get(owner);
    if (!entry) this.roots.set(owner, (entry = {}));
    // Not even looked up: hashing a node's own value would cost as much as building its text.
    if (parts.length > 0 && (entry.next?.size ?? 0) >= MAX_FIRST_PARTS) return build();
    for (const part of parts) {
      const children: Map<string | undefined, Entry> = (entry.next ??= new Map());
      let next = children.get(part);
      if (!next) children.set(part, (next = {}));
      entry = next;
    }
    return (entry.text ??= build());
  }
}
