import { parseArgs, ParseArgsConfig } from 'util';
import { UsageError } from './usage-error';

/** The options of one command, in `util.parseArgs` terms. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A command line after parsing: option values by long name, and the positional arguments. */
export interface ParsedArgs {
  readonly values: { readonly [option: string]: string | boolean | Array<string | boolean> | undefined };
  readonly positionals: readonly string[];
}

/** Every command takes `--help`. */
const HELP_OPTION: OptionSpec = { help: { type: 'boolean', short: 'h' } };

/**
 * Parses a command's arguments strictly: an unknown option or a missing value is a
 * `UsageError` in one line, not `util.parseArgs`' multi-line advice.
 *
 * @param command the command, for the message's pointer to its help
 */
export function parseCommandArgs(args: readonly string[], options: OptionSpec, command: string): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...HELP_OPTION, ...options },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error), command);
  }
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const text = message ?? String(error);
  // Node names the option as '--foo', or as '-o, --output <value>' when it has a short form.
  const option = /'(?:-\w, )?(--?[^' ,]+)/.exec(text)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(text)) return `option '${option}' takes no value`;
      // A string option followed by nothing, or by something that looks like another option.
      return `option '${option}' needs a value`;
    default:
      return text.split('\n')[0];
  }
}

/**
 * One of a fixed set of values, or the default when the option is absent.
 * @throws UsageError naming the option, the allowed values and what was given
 */
export function choiceOption<T extends string>(
  value: unknown,
  option: string,
  choices: readonly T[],
  fallback: T,
  command: string,
): T {
  if (value === undefined) return fallback;
  const found = choices.find((choice) => choice === value);
  if (found === undefined) {
    throw new UsageError(`--${option} must be one of ${choices.join(', ')} (got '${String(value)}')`, command);
  }
  return found;
}

/** The values of a repeatable string option; none when it is absent. */
export function stringList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}
