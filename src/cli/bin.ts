#!/usr/bin/env node
import { isatty } from 'tty';
import { CliIo, runCli } from './run';
import { writeFully } from './write-fully';
import { decodeText } from '../input';

const STDOUT_FD = 1;
// Asked once: standard output does not change what it is while the CLI runs.
const stdoutIsTerminal = isatty(STDOUT_FD);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return decodeText(Buffer.concat(chunks), '<stdin>');
}

/**
 * Pipes and files are written synchronously to the descriptor, not through process.stdout: the
 * JSON report reuses one buffer for every DaemonSet, and a stream would hold on to it. A
 * terminal goes through process.stdout, which writes it as the console expects (on Windows,
 * UTF-16), with each chunk copied.
 */
function writeStdout(chunk: string | Uint8Array): boolean {
  if (stdoutIsTerminal) {
    process.stdout.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk));
    return true;
  }
  try {
    writeFully(STDOUT_FD, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    return true;
  } catch (error) {
    // `everynode place ... | head` closes the pipe early: the reader's choice, not an error.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return false;
    throw error;
  }
}

const io: CliIo = {
  stdout: writeStdout,
  stderr: (text) => process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
};

// exitCode rather than exit(): exit() could cut off stderr still buffered for a pipe.
void runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
