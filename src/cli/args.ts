/**
 * What an operator typed after `npm run cli --`, read into words and --flags.
 * Flags take a value (`--role admin` or `--role=admin`); anything else is a word.
 */
export interface ParsedArgs {
  words: string[];
  flags: Record<string, string>;
}

/** Thrown for a command line that does not say a complete command; the message says what to change. */
export class UsageError extends Error {}

/** Flags that are switches, given without a value ("--dry-run"): read as 'true'. */
const SWITCHES = new Set(['dry-run']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      flags.help = 'true';
      continue;
    }
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (SWITCHES.has(name) && eq < 0) {
      if (name in flags) throw new UsageError(`--${name} is given twice.`);
      flags[name] = 'true';
      continue;
    }
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (!name) throw new UsageError(`"${arg}" is not an option.`);
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value, e.g. --${name} VALUE.`);
    if (name in flags) throw new UsageError(`--${name} is given twice.`);
    flags[name] = value;
  }
  return { words, flags };
}

/** The flags a command allows; a flag not in `allowed` is refused so that typos do not pass silently. */
export function takeFlags(args: ParsedArgs, allowed: readonly string[], required: readonly string[] = []): Record<string, string | undefined> {
  const unknown = Object.keys(args.flags).filter((f) => f !== 'help' && !allowed.includes(f));
  if (unknown.length) throw new UsageError(`Unknown option ${unknown.map((f) => `--${f}`).join(', ')}${allowed.length ? `; this command takes ${allowed.map((f) => `--${f}`).join(', ')}` : ''}.`);
  const missing = required.filter((f) => !args.flags[f]);
  if (missing.length) throw new UsageError(`Give ${missing.map((f) => `--${f}`).join(' and ')}.`);
  return args.flags;
}

/** Exactly `names.length` words after the command, named in the message when some are missing or extra. */
export function takeWords(words: readonly string[], names: readonly string[]): string[] {
  if (words.length < names.length) throw new UsageError(`Give ${names.slice(words.length).join(' and ')}.`);
  if (words.length > names.length) throw new UsageError(`Unexpected ${words.slice(names.length).map((w) => `"${w}"`).join(' ')}.`);
  return [...words];
}
