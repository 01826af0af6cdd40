import { writeFully, WriteSync } from '../../src/cli/write-fully';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

/** A write that gives `answers`, one per call (then writes everything), and keeps what it took. */
function fakeWrite(answers: ReadonlyArray<number | NodeJS.ErrnoException>) {
  const accepted: Buffer[] = [];
  let calls = 0;
  const write: WriteSync = (_fd, bytes, offset, length) => {
    const answer = answers[calls++] ?? length;
    if (typeof answer !== 'number') throw answer;
    const written = Math.min(answer, length);
    accepted.push(Buffer.from(bytes.subarray(offset, offset + written)));
    return written;
  };
  return { write, accepted, calls: () => calls };
}

describe('writeFully', () => {
  const bytes = Buffer.from('{"nodes":["worker-1","worker-2"],"daemonSets":[]}');

  test('goes on after a partial write until every byte is written, in order', () => {
    const fake = fakeWrite([5, 1, 7]);
    writeFully(1, bytes, fake.write);
    expect(Buffer.concat(fake.accepted).equals(bytes)).toBe(true);
  });

  test('waits and retries while a non-blocking pipe answers EAGAIN', () => {
    const fake = fakeWrite([errno('EAGAIN'), 10, errno('EAGAIN'), errno('EAGAIN')]);
    writeFully(1, bytes, fake.write);
    expect(Buffer.concat(fake.accepted).equals(bytes)).toBe(true);
    expect(fake.calls()).toBe(5);
  });

  test('passes any other error on, such as EPIPE when the reader has gone', () => {
    const fake = fakeWrite([4, errno('EPIPE')]);
    expect(() => writeFully(1, bytes, fake.write)).toThrow('write EPIPE');
  });
});
