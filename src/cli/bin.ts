#!/usr/bin/env node
import { CliIo, runCli } from './run';
import { writeFully } from './write-fully';
import { utf8Text } from '../input/utf8-text';

const STDOUT_FD = 1;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return utf8Text(Buffer.concat(chunks));
}

// `everynode place ... | head` closes the pipe early: that is the reader's choice, not an error.
let readerGone = false;

// Written synchronously to the descriptor, not through process.stdout: the JSON report reuses
// one buffer for every DaemonSet, and a stream would hold on to it.
function writeStdout(chunk: string | Uint8Array): void {
  if (readerGone) return;
  try {
    writeFully(STDOUT_FD, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    readerGone = true;
  }
}

const io: CliIo = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
};

void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
