/**
 * The `forcewatch` command: ask one question, answer a stream of questions as JSON lines, show a
 * force card, list sources, report the feedback recorded, or (with no arguments) open the terminal
 * chat. Exit codes: 0 done, 1 no force card or a failure, 2 a command line that cannot be run.
 */
import { createInterface } from 'node:readline';
import {
  BUNDLED_DATA_DIR,
  createLogger,
  explanationText,
  feedbackConfigFromEnv,
  loadEngine,
  renderText,
  type Answer,
  type Engine,
  type Logger,
} from '../../src/index.ts';
import { toCsv } from '../../src/chart/index.ts';
import { chartSpecOfAnswer } from '../shared/chart-of-answer.ts';
import { loadEnvFileIfPresent } from '../shared/env-file.ts';
import { runHealthCommand } from '../shared/health-command.ts';
import { savedFileOptions } from '../shared/saved-files.ts';
import { describeStartupError } from '../shared/startup-error.ts';
import { parseCommand, UsageError, type Command } from './arguments.ts';
import { writeAnswerFiles } from './chart-files.ts';
import { runChat } from './chat.ts';
import { COMMAND_LINE_SYNTAX } from './syntax.ts';
import { reportOutput } from './report-command.ts';
import { terminalFeedback } from './terminal-feedback.ts';
import { COMMAND_HELP, GENERAL_HELP } from './usage.ts';

function print(answer: Answer, json: boolean): void {
  process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${renderText(answer, { syntax: COMMAND_LINE_SYNTAX })}\n`);
}

async function answerLines(engine: Engine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(engine.answer(line))}\n`);
  }
}

/** Runs a command that needs the engine; resolves to the exit code. */
async function run(command: Exclude<Command, { name: 'help' } | { name: 'health' }>, logger: Logger): Promise<number> {
  const engine = loadEngine({ logger, ...savedFileOptions(BUNDLED_DATA_DIR) });
  switch (command.name) {
    case 'chat': {
      const feedback = terminalFeedback(feedbackConfigFromEnv(process.env), 'terminal_chat', logger);
      await runChat(engine, { log: logger.child({ component: 'chat' }), onAnswer: (answer) => feedback.record(answer) });
      await feedback.close();
      return 0;
    }
    case 'ask': {
      const feedback = terminalFeedback(feedbackConfigFromEnv(process.env), 'command_line', logger);
      if (command.explain) {
        const explanation = engine.explain(command.question);
        process.stdout.write(command.json ? `${JSON.stringify(explanation)}\n` : `${explanationText(explanation)}\n\n`);
      }
      const answer = engine.answer(command.question);
      print(answer, command.json);
      feedback.record(answer);
      await feedback.close();
      if (command.chart === undefined && command.csv === undefined) return 0;
      // The flags ask for the files whichever the answer offers: both are its chart block's rows.
      const chart = chartSpecOfAnswer(answer);
      return writeAnswerFiles(chart, chart && toCsv(chart), command, process.stderr);
    }
    // A batch for scripts and the evaluation: its questions are not people's, so not recorded.
    case 'ask-lines':
      await answerLines(engine);
      return 0;
    case 'force': {
      // A script asking for JSON wants every figure; the twelve-line summary is for reading.
      const card = engine.forceCard(command.force, { full: command.all || command.json });
      print(card, command.json);
      return card.status === 'answered' ? 0 : 1;
    }
    case 'sources': {
      const sources = engine.sources();
      if (command.json) process.stdout.write(`${JSON.stringify(sources)}\n`);
      else
        for (const s of sources)
          process.stdout.write(`${s.id}  ${s.title} — ${s.publisher}, ${s.published ?? 'date not known'}${s.dateInferred ? ' (inferred)' : ''}\n`);
      return 0;
    }
    case 'report':
      process.stdout.write(`${await reportOutput(engine, feedbackConfigFromEnv(process.env), logger, command)}\n`);
      return 0;
  }
}

/** The levels at which the terminal chat shows its logs (on standard error, beside the chat). */
const DEBUG_LEVELS = new Set(['debug', 'trace']);

async function main(argv: string[]): Promise<number> {
  const envFile = loadEnvFileIfPresent();
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const more = error.command ? `Run "forcewatch ${error.command} --help" for its options.` : GENERAL_HELP;
    process.stderr.write(`forcewatch${error.command ? ` ${error.command}` : ''}: ${error.message}\n${more}\n`);
    return 2;
  }
  if (command.name === 'help') {
    process.stdout.write(`${command.topic ? COMMAND_HELP[command.topic] : GENERAL_HELP}\n`);
    return 0;
  }
  // Asks a running bot, so loads no engine.
  if (command.name === 'health') return runHealthCommand(process.env, process.stdout);
  // A blank LOG_LEVEL (copied from .env.example) means the default. Logs go to standard error; the
  // terminal chat shares the screen with it, so there they show only when debugging.
  const level = process.env.LOG_LEVEL || 'warn';
  const logger = createLogger({ level: command.name === 'chat' && !DEBUG_LEVELS.has(level) ? 'silent' : level });
  if (envFile) logger.info({ file: envFile }, 'read settings from .env');
  return run(command, logger);
}

// A reader that stops early (`forcewatch sources | head`) closes the pipe: that ends us, quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`forcewatch: could not write the output: ${error.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exitCode = 1;
  },
);
