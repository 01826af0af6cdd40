/*
 * parseDocuments on YAML: what a YAML reader must do beyond parsing (merge keys, document numbers
 * and start lines, bounded aliases, no code from tags, nothing onto prototypes), and that the
 * YAML library loads only for YAML.
 */
import { InputError, parseDocuments, SourceDocument } from '../../src/input';

function inputError(text: string, source = 'in.yaml'): InputError {
  try {
    parseDocuments(text, source);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

function only(text: string): Record<string, unknown> {
  const documents = parseDocuments(text, 'in.yaml');
  expect(documents).toHaveLength(1);
  return documents[0].value as Record<string, unknown>;
}

/** A "billion laughs": ten levels of ten aliases each, 10^10 strings once written out. */
function laughs(): string {
  let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
  const levels = 'bcdefghijk';
  for (let i = 0; i < levels.length; i++) {
    text += `${levels[i]}: &${levels[i]} [${Array(10).fill(`*${i === 0 ? 'a' : levels[i - 1]}`).join(', ')}]\n`;
  }
  return text;
}

describe('merge keys', () => {
  it('<< copies the keys of an aliased map; keys written beside it win', () => {
    const value = only(`
base: &base {image: agent:1.0, pullPolicy: Always}
container:
  <<: *base
  pullPolicy: IfNotPresent
`);
    expect(value.container).toEqual({ image: 'agent:1.0', pullPolicy: 'IfNotPresent' });
    expect(Object.keys(value.container as object)).not.toContain('<<');
  });

  it('<< takes a list of maps, the first one winning', () => {
    const value = only(`
a: &a {zone: a, os: linux}
b: &b {zone: b, arch: arm64}
node: {<<: [*a, *b]}
`);
    expect(value.node).toEqual({ zone: 'a', os: 'linux', arch: 'arm64' });
  });

  it('a __proto__ key merged in stays an own property', () => {
    const value = only(`
base: &base {__proto__: {polluted: merged}, app: agent}
labels: {<<: *base}
`);
    const labels = value.labels as Record<string, unknown>;
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(labels, '__proto__')).toBe(true);
    expect(labels.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('documents: numbers and start lines', () => {
  const documents = (text: string): Array<Omit<SourceDocument, 'value'>> =>
    parseDocuments(text, 'in.yaml').map(({ document, line }) => ({ document, line }));

  it('a document starts at its --- marker, even with comments before its content', () => {
    expect(documents('a: 1\n---\n# the second\n\nb: 2\n--- {c: 3}\n')).toEqual([
      { document: 1, line: 1 },
      { document: 2, line: 2 },
      { document: 3, line: 6 },
    ]);
  });

  it('without a marker, at its content; empty documents keep their number', () => {
    expect(documents('# header\n\nkind: Node\n---\n---\nkind: Node\n')).toEqual([
      { document: 1, line: 3 },
      { document: 3, line: 5 },
    ]);
  });

  it('Windows line ends count as one line each', () => {
    expect(documents('a: 1\r\n---\r\n# x\r\n\r\nb: 2\r\n')).toEqual([{ document: 1, line: 1 }, { document: 2, line: 2 }]);
  });
});

describe('errors name the file, the document and the line', () => {
  it.each<[string, string, string]>([
    ['an unclosed flow list in the second document', 'a: 1\n---\nb: 2\nc: [x\nd: 3\n', 'in.yaml: document 2, line 5: '],
    ['a bad indentation in the third', 'a: 1\n---\nb: 2\n---\n# c\nc:\n  d: 1\n e: 2\n', 'in.yaml: document 3, line 8: bad indentation'],
    ['a duplicate key', 'a: 1\na: 2\n', 'in.yaml: document 1, line 2: duplicated mapping key'],
    ['JSON cut short', '{\n  "kind": "List",\n  "items": [\n', 'in.yaml: document 1, line 4: '],
    ['an alias to no anchor', 'a: 1\n---\nb: *nowhere\n', 'in.yaml: document 2, line 3: unidentified alias "nowhere"'],
  ])('%s', (_, text, start) => {
    expect(inputError(text).message.startsWith(start)).toBe(true);
  });

  it('an error in the directives of a document belongs to that document, not to the one before', () => {
    expect(inputError('a: 1\n...\n%YAML 1.2 extra\n---\nb: 2\n').message).toMatch(
      /^in\.yaml: document 2, line \d+: YAML directive accepts exactly one argument$/,
    );
  });
});

describe('aliases are bounded', () => {
  it('a "billion laughs" is refused quickly, naming its document', () => {
    const started = Date.now();
    const error = inputError(`kind: Node\n---\n${laughs()}`, 'laughs.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toMatch(/^laughs\.yaml: document 2: aliases would add more than \d+ nodes to the document$/);
  });

  it('a node that aliases itself is refused: nothing could walk it to the end', () => {
    expect(inputError('a: &a [x, *a]\n').message).toBe('in.yaml: document 1: an alias refers to a node that contains it');
  });

  it('many aliases of one anchor are fine while they add no more than the bound', () => {
    const labels = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`label-${i}`, 'x']));
    const nodes = Array.from({ length: 200 }, (_, i) => `- {name: n-${i}, labels: *labels}`).join('\n');
    const value = only(`shared: &labels ${JSON.stringify(labels)}\nitems:\n${nodes}\n`);
    expect((value.items as Array<{ labels: unknown }>)[199].labels).toEqual(labels);
  });

  it('each document has its own bound: aliases of an earlier one do not count', () => {
    const anchored = Array.from({ length: 100 }, (_, i) => `k${i}: v`).join(', ');
    const document = `a: &a {${anchored}}\nb: [${Array(40).fill('*a').join(', ')}]\n`;
    expect(parseDocuments(`${document}---\n${document}---\n${document}`, 'in.yaml')).toHaveLength(3);
    const tooMany = `a: &a {${anchored}}\nb: [${Array(150).fill('*a').join(', ')}]\n`;
    expect(inputError(tooMany).message).toMatch(/^in\.yaml: document 1: aliases would add/);
  });
});

describe('tags build plain data only', () => {
  it.each([
    ['!!js/function "function () { return 1 }"', 'js/function'],
    ['!!js/regexp /x/', 'js/regexp'],
    ['!!js/undefined ""', 'js/undefined'],
    ['!!binary aGk=', 'binary'],
    ['!Secret value', '!Secret'],
  ])('%s is refused, naming the line', (tagged, tag) => {
    const message = inputError(`kind: ConfigMap\ndata:\n  x: ${tagged}\n`).message;
    expect(message).toMatch(/^in\.yaml: document 1, line 3: unknown tag /);
    expect(message).toContain(tag);
  });

  it('the core schema: YAML 1.2 scalars, timestamps left as strings', () => {
    expect(only('a: ~\nb: True\nc: 0o17\nd: 0x1F\ne: "1"\nf: 2026-11-01T08:00:00Z\ng: 1.5\nh: !!str 42\n')).toEqual({
      a: null, b: true, c: 15, d: 31, e: '1', f: '2026-11-01T08:00:00Z', g: 1.5, h: '42',
    });
  });
});

describe('the YAML library loads on first use', () => {
  it('not for JSON, then once for YAML', () => {
    let loads = 0;
    jest.isolateModules(() => {
      jest.doMock('js-yaml', () => {
        loads++;
        return jest.requireActual('js-yaml');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { parseDocuments: parse } = require('../../src/input/documents') as typeof import('../../src/input/documents');
      expect(parse('{"kind": "Node"}', 'n.json')).toEqual([{ value: { kind: 'Node' }, document: 1, line: 1 }]);
      expect(loads).toBe(0);
      expect(parse('kind: Node\n', 'n.yaml')).toEqual([{ value: { kind: 'Node' }, document: 1, line: 1 }]);
      parse('kind: Node\n', 'n.yaml');
      expect(loads).toBe(1);
    });
    jest.dontMock('js-yaml');
  });
});
