import { utf8Text } from '../../src/input/utf8-text';

describe('utf8Text', () => {
  test.each([
    ['plain ASCII', Buffer.from('{"kind":"NodeList","items":[]}\n')],
    ['empty input', Buffer.alloc(0)],
    ['letters beyond ASCII', Buffer.from('# zone: zürich, 東京 🚀\nkind: Node\n')],
    ['a byte order mark', Buffer.from('\ufeffkind: Node\n')],
    ['bytes that are not UTF-8', Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0xff, 0xc3, 0x28, 0x0a])],
    ['a byte above 0x7f that latin1 would read as a letter', Buffer.from([0x61, 0xe9, 0x62])],
  ])('reads %s exactly as toString("utf8") does', (_, bytes) => {
    expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
  });
});
