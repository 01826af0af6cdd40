import { ByteArena } from '../../src/placement/render/byte-arena';

describe('ByteArena', () => {
  test('a piece written across the end of a buffer is whole in the next, and earlier pieces keep their bytes', () => {
    const arena = new ByteArena();
    const pieces: Array<{ piece: Uint8Array; text: string }> = [];
    // Pieces of 1,000 to 60,000 bytes: together several megabytes, so several buffers fill up
    // while a piece is half written.
    for (let p = 0; p < 120; p++) {
      const text = String.fromCharCode(97 + (p % 26)).repeat(1000 + ((p * 7919) % 59000));
      arena.appendAscii(text.slice(0, 10));
      arena.append(Buffer.from(text.slice(10, 500), 'latin1'));
      arena.appendUtf8(text.slice(500));
      expect(arena.pieceLength).toBe(text.length);
      pieces.push({ piece: arena.piece(), text });
    }
    for (const { piece, text } of pieces) expect(Buffer.from(piece).toString('latin1')).toBe(text);
    expect(new Set(pieces.map(({ piece }) => piece.buffer)).size).toBeGreaterThan(2);
  });

  test('a piece of multi-byte UTF-8, and an empty piece', () => {
    const arena = new ByteArena();
    arena.appendUtf8('zürich-東京-🚀');
    const piece = arena.piece();
    expect(Buffer.from(piece).toString('utf8')).toBe('zürich-東京-🚀');
    expect(arena.piece()).toHaveLength(0);
  });
});
