interface Entry {
  text?: string;
  readonly next: Map<string | undefined, Entry>;
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
    if (!entry) this.roots.set(owner, (entry = { next: new Map() }));
    for (const part of parts) {
      let next: Entry | undefined = entry.next.get(part);
      if (!next) entry.next.set(part, (next = { next: new Map() }));
      entry = next;
    }
    return (entry.text ??= build());
  }
}
