/**
 * Argument parsing shared by scripts/commands/: node:util's parseArgs, strict, with its
 * errors reworded as one plain sentence that names the option, because a person reads
 * them. A usage error ends a command with exit code 2, as it always has.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const USAGE_EXIT_CODE = 2;

export class UsageError extends Error {}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CommandLineRules<Options extends OptionsConfig> {
  /** Whether arguments that are not options are accepted (their meaning is the command's). */
  positionals?: boolean;
  /** What an option's value is, for the message when it is missing ("at least one IMDb ID"). */
  needs?: Partial<Record<keyof Options & string, string>>;
}

/** parseArgs in strict mode, with tokens (for options whose values run on); throws UsageError. */
export function parseCommandLine<Options extends OptionsConfig>(
  args: string[],
  options: Options,
  { positionals = false, needs = {} }: CommandLineRules<Options> = {},
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals, tokens: true });
  } catch (error) {
    throw new UsageError(plainUsage(error as Error & { code?: string }, needs as Record<string, string>));
  }
}

// Node's messages are written for programmers ("Option '--data <value>' argument missing").
function plainUsage(error: Error & { code?: string }, needs: Record<string, string>): string {
  const quoted = /'([^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unknown option ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(error.message)) return `${quoted} takes no value`;
      // Missing, or followed by another option ("--data --live").
      return `${quoted} needs ${needs[quoted.replace(/^-+/, '')] ?? 'a value'}`;
    default:
      return error.message;
  }
}

/** The value of a numeric option: a whole number of at least `min`. */
export function wholeNumber(option: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UsageError(`${option} needs a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

/** The value of an option that takes one of a few words. */
export function oneOf<const Choices extends readonly string[]>(option: string, value: string, choices: Choices): Choices[number] {
  if (!choices.includes(value)) throw new UsageError(`${option} takes ${choices.join(' or ')}, not "${value}"`);
  return value;
}

/** The one optional folder argument some commands take (`npm run coverage [-- <data folder>]`). */
export function optionalFolder(positionals: string[], fallback: string): string {
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}: give at most one data folder`);
  return positionals[0] ?? fallback;
}

/**
 * Runs `parse`; a usage error is printed as `command: what is wrong` (then the usage text,
 * if given) and gives null, for the command to return USAGE_EXIT_CODE.
 */
export function parseOrExplain<T>(command: string, parse: () => T, usage?: string): T | null {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${command}: ${error.message}`);
    if (usage) console.error(usage);
    return null;
  }
}
