import { gzipSync } from 'zlib';
import { decodeText } from '../../src/input/decode-text';
import { InputError } from '../../src/input/input-error';

const NOT_TEXT = 'nodes.yaml: is not text (expected UTF-8 or UTF-16 with a byte-order mark)';

const ASCII = 'apiVersion: v1\nkind: Node\nmetadata:\n  name: worker-1\n';
const NON_ASCII = '# zone: zürich, 東京 🚀\nkind: Node\nmetadata: {name: ä}\n';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function utf16le(text: string): Buffer {
  return Buffer.from(`\ufeff${text}`, 'utf16le');
}

function utf16be(text: string): Buffer {
  return utf16le(text).swap16();
}

function notText(bytes: Uint8Array): InputError {
  try {
    decodeText(bytes, 'nodes.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('decodeText reads every encoding kubectl output ends up in as the same text', () => {
  test.each<[string, Buffer, string]>([
    ['ASCII without a byte-order mark', Buffer.from(ASCII), ASCII],
    ['ASCII with a UTF-8 byte-order mark', Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(ASCII)]), ASCII],
    ['UTF-8 without a byte-order mark', Buffer.from(NON_ASCII), NON_ASCII],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(NON_ASCII)]), NON_ASCII],
    ['UTF-16 LE with a byte-order mark (Windows PowerShell 5 `>`)', utf16le(NON_ASCII), NON_ASCII],
    ['UTF-16 LE, ASCII only', utf16le(ASCII), ASCII],
    ['UTF-16 BE with a byte-order mark', utf16be(NON_ASCII), NON_ASCII],
    ['an empty file', Buffer.alloc(0), ''],
    ['only a UTF-8 byte-order mark', Buffer.from(UTF8_BOM), ''],
    ['only a UTF-16 LE byte-order mark', Buffer.from([0xff, 0xfe]), ''],
    ['only a UTF-16 BE byte-order mark', Buffer.from([0xfe, 0xff]), ''],
    ['a second byte-order mark, which is text', Buffer.from('\ufeff\ufeffkind: Node\n'), '\ufeffkind: Node\n'],
  ])('%s', (_, bytes, text) => {
    expect(decodeText(bytes, 'nodes.yaml')).toBe(text);
  });

  test('a byte above 0x7f is UTF-8, never a Latin-1 letter (the ASCII fast path stays exact)', () => {
    expect(decodeText(Buffer.from([0x61, 0xc3, 0xa9, 0x62]), 'nodes.yaml')).toBe('aéb');
  });

  test('a Uint8Array that is a view into a larger buffer', () => {
    const backing = Buffer.from(`xx${NON_ASCII}yy`);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.length - 4);
    expect(decodeText(view, 'nodes.yaml')).toBe(NON_ASCII);
  });
});

describe('decodeText refuses what is not text, in one line naming the file', () => {
  test.each<[string, Buffer]>([
    ['invalid UTF-8: a byte that starts nothing', Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0xff, 0x0a])],
    ['invalid UTF-8: a lead byte without its continuation', Buffer.from([0x6b, 0xc3, 0x28, 0x0a])],
    ['invalid UTF-8: cut off inside a character', Buffer.from([...Buffer.from('kind: Node # '), 0xe6, 0x9d])],
    ['invalid UTF-8: an overlong encoding of "/"', Buffer.from([0x61, 0xc0, 0xaf])],
    ['invalid UTF-8: an encoded surrogate', Buffer.from([0x61, 0xed, 0xa0, 0x80])],
    ['Latin-1 text (zürich)', Buffer.from('zone: zürich\n', 'latin1')],
    ['invalid UTF-8 after a UTF-8 byte-order mark', Buffer.from([...UTF8_BOM, 0x61, 0xff])],
    ['UTF-16 LE without a byte-order mark (NUL bytes)', Buffer.from(ASCII, 'utf16le')],
    ['UTF-16 BE without a byte-order mark (NUL bytes)', Buffer.from(ASCII, 'utf16le').swap16()],
    ['one NUL byte in ASCII', Buffer.from('kind: Node\n\0')],
    ['a NUL byte in UTF-8 that is not ASCII', Buffer.from('zone: zürich\0\n')],
    ['a NUL byte after a UTF-8 byte-order mark', Buffer.from([...UTF8_BOM, 0x61, 0x00])],
    ['a gzip file', gzipSync(Buffer.from(ASCII))],
    ['UTF-16 LE with an odd number of bytes', Buffer.concat([utf16le(ASCII), Buffer.from([0x41])])],
    ['UTF-16 LE with an unpaired surrogate', Buffer.concat([utf16le('a'), Buffer.from([0x00, 0xd8, 0x41, 0x00])])],
    ['UTF-16 BE with an unpaired surrogate', Buffer.concat([utf16be('a'), Buffer.from([0xdc, 0x00, 0x00, 0x41])])],
    ['UTF-16 LE with a NUL character', utf16le('kind: Node\0\n')],
    ['UTF-32 LE with a byte-order mark (looks like UTF-16 LE, then NUL)', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x6b, 0x00, 0x00, 0x00])],
    ['UTF-32 BE with a byte-order mark', Buffer.from([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x6b])],
  ])('%s', (_, bytes) => {
    const error = notText(bytes);
    expect(error.message).toBe(NOT_TEXT);
  });
});
