#!/usr/bin/env node
import { utf8Text } from '../input/utf8-text';
import { CliIo, runCli } from './run';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return utf8Text(Buffer.concat(chunks));
}

// `everynode place ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
};

// exitCode rather than exit(): exit() could cut off output still buffered for a pipe.
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
