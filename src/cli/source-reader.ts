import * as fs from 'fs';
import * as path from 'path';
import { decodeText, InputError } from '../input';
import { CliIo } from './cli-io';
import { UsageError } from './usage-error';

/** The text of one input file, named the way the user named it (or `<stdin>`). */
export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** The argument that stands for standard input. */
export const STDIN_ARGUMENT = '-';
const STDIN_NAME = '<stdin>';

const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

const ERROR_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && ERROR_TEXT[code]) ?? code ?? (error as Error).message;
}

/**
 * Reads the files, directories and `-` that arguments name, relative to the CLI's working
 * directory. Standard input can be read once only, so it may stand for one argument at most.
 */
export class SourceReader {
  private stdinTakenBy: string | undefined;

  constructor(private readonly io: CliIo) {}

  /**
   * One file, or `-` for stdin.
   * @param role what the file is for (`inventory`), for the messages
   * @throws InputError when the file cannot be read or is not text (UTF-8, or UTF-16 with a byte-order mark)
   */
  async readFile(argument: string, role: string): Promise<SourceText> {
    if (argument === STDIN_ARGUMENT) return this.readStdin(role);
    // An empty name would resolve to the working directory and read whatever lies there.
    if (argument === '') throw new UsageError(`the ${role} file name is empty`);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(path.resolve(this.io.cwd, argument));
    } catch (error) {
      throw new InputError(`${argument}: cannot read the ${role} (${describeFsError(error)})`);
    }
    return { name: argument, text: decodeText(bytes, argument) };
  }

  /**
   * Files, directories (their manifest files, recursively, sorted by name directory by
   * directory) and `-`, in the order given.
   * @throws InputError when a file or directory cannot be read
   */
  async readAll(argumentList: readonly string[], role: string): Promise<SourceText[]> {
    const sources: SourceText[] = [];
    for (const argument of argumentList) {
      if (argument === STDIN_ARGUMENT || argument === '') {
        sources.push(await this.readFile(argument, role));
        continue;
      }
      const absolute = path.resolve(this.io.cwd, argument);
      let isDirectory: boolean;
      try {
        isDirectory = fs.statSync(absolute).isDirectory();
      } catch (error) {
        throw new InputError(`${argument}: cannot read the ${role} (${describeFsError(error)})`);
      }
      if (!isDirectory) {
        sources.push(await this.readFile(argument, role));
        continue;
      }
      for (const file of manifestFilesUnder(absolute, argument, role)) sources.push(await this.readFile(file, role));
    }
    return sources;
  }

  private async readStdin(role: string): Promise<SourceText> {
    if (this.stdinTakenBy !== undefined) {
      throw new UsageError(`standard input (-) can be read only once, and the ${this.stdinTakenBy} already reads it`);
    }
    this.stdinTakenBy = role;
    return { name: STDIN_NAME, text: await this.io.readStdin() };
  }
}

/**
 * The manifest files under a directory, named relative to how the user named the directory.
 * Directories reached twice through symbolic links are skipped, so a link cycle ends.
 */
function manifestFilesUnder(absolute: string, shown: string, role: string): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = (directory: string, name: string) => {
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(directory);
      if (visited.has(real)) return;
      visited.add(real);
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      throw new InputError(`${name}: cannot read the ${role} directory (${describeFsError(error)})`);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const entryPath = path.join(directory, entry.name);
      const entryName = path.join(name, entry.name);
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && isDirectoryAt(entryPath));
      if (isDirectory) walk(entryPath, entryName);
      else if (MANIFEST_EXTENSION.test(entry.name)) files.push(entryName);
    }
  };
  walk(absolute, shown);
  return files;
}

function isDirectoryAt(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    // A dangling link is not a directory; if it names a manifest, reading it reports the error.
    return false;
  }
}
