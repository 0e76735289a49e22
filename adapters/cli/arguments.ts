/**
 * The `forcewatch` command line, parsed with `node:util` `parseArgs` into one command: unknown
 * options are errors (never words of a question), and `--help` is help for any command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { COMMANDS, type CommandName } from './usage.ts';

/** What the command line asks for. */
export type Command =
  | { name: 'chat' }
  | { name: 'help'; topic?: CommandName }
  | { name: 'ask'; question: string; json: boolean; explain: boolean; chart?: string; csv?: string }
  | { name: 'ask-lines' }
  | { name: 'force'; force: string; json: boolean; all: boolean }
  | { name: 'sources'; json: boolean }
  | { name: 'report'; since?: { date: Date; text: string }; json: boolean }
  | { name: 'health' };

/** A command line that cannot be run: its message says why, and `command` names whose help to point at. */
export class UsageError extends Error {
  readonly code = 'USAGE' as const;
  constructor(
    message: string,
    readonly command?: CommandName,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const isCommand = (word: string): word is CommandName => (COMMANDS as readonly string[]).includes(word);

const help = { type: 'boolean', short: 'h' } as const;
const json = { type: 'boolean' } as const;

/** A date or an ISO time; a date alone means its start, in UTC. */
const Since = z.union([z.iso.date().transform((d) => new Date(`${d}T00:00:00Z`)), z.iso.datetime({ offset: true }).transform((t) => new Date(t))]);

function parse<const T extends ParseArgsConfig>(command: CommandName, config: T) {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

/**
 * Reads the arguments after `forcewatch`.
 *
 * @throws {UsageError} for an unknown command or option, a missing value, or a missing question.
 */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return { name: 'chat' };
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = rest[0];
    return topic !== undefined && isCommand(topic) ? { name: 'help', topic } : { name: 'help' };
  }
  if (first.startsWith('-')) throw new UsageError(`Unknown option '${first}'. Options go after a command.`);
  if (!isCommand(first)) throw new UsageError(`Unknown command "${first}".`);
  switch (first) {
    case 'ask': {
      const options = { help, json, jsonl: { type: 'boolean' }, explain: { type: 'boolean' }, chart: { type: 'string' }, csv: { type: 'string' } } as const;
      const { values, positionals } = parse(first, { args: rest, options, allowPositionals: true, strict: true });
      if (values.help) return { name: 'help', topic: first };
      const question = positionals.join(' ').trim();
      const files = { ...(values.chart === undefined ? {} : { chart: values.chart }), ...(values.csv === undefined ? {} : { csv: values.csv }) };
      if (values.jsonl) {
        if (question !== '' || values.explain || Object.keys(files).length > 0)
          throw new UsageError('--jsonl reads the questions from standard input: give no question, no --explain, --chart or --csv.', first);
        return { name: 'ask-lines' };
      }
      if (question === '') throw new UsageError('ask needs a question.', first);
      return { name: 'ask', question, json: values.json === true, explain: values.explain === true, ...files };
    }
    case 'force': {
      const { values, positionals } = parse(first, { args: rest, options: { help, json, all: { type: 'boolean' } }, allowPositionals: true, strict: true });
      if (values.help) return { name: 'help', topic: first };
      const force = positionals.join(' ').trim();
      if (force === '') throw new UsageError('force needs the name of a police force.', first);
      return { name: 'force', force, json: values.json === true, all: values.all === true };
    }
    case 'sources': {
      const { values } = parse(first, { args: rest, options: { help, json }, strict: true });
      return values.help ? { name: 'help', topic: first } : { name: 'sources', json: values.json === true };
    }
    case 'health': {
      const { values } = parse(first, { args: rest, options: { help }, strict: true });
      return values.help ? { name: 'help', topic: first } : { name: 'health' };
    }
    case 'report': {
      const { values } = parse(first, { args: rest, options: { help, json, since: { type: 'string' } }, strict: true });
      if (values.help) return { name: 'help', topic: first };
      if (values.since === undefined) return { name: 'report', json: values.json === true };
      const since = Since.safeParse(values.since);
      if (!since.success) throw new UsageError(`--since ${JSON.stringify(values.since)} is not a date: give one like 2026-01-31.`, first);
      return { name: 'report', since: { date: since.data, text: values.since }, json: values.json === true };
    }
  }
}
