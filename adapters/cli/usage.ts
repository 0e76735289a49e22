/** The `forcewatch` command's help: one text for the whole command and one for each subcommand. */

export const COMMANDS = ['ask', 'force', 'sources', 'report', 'health'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const GENERAL_HELP = `Usage: forcewatch [command] [options]

With no command, opens the terminal chat.

Commands:
  ask "<question>"      answer one question (--json, --explain, --chart FILE.png, --csv FILE.csv; --jsonl reads questions from standard input)
  force <name>          a force's card: the newest figure of each measure (--all or --json: every figure)
  sources               the documents we hold, one a line (--json for the full records)
  report                ratings, reported figures and declined questions (--since DATE, --json)
  health                each platform's state, from a running bot's /healthz (HEALTH_URL)

Run "forcewatch <command> --help" for a command's options.`;

export const COMMAND_HELP: Record<CommandName, string> = {
  health: `Usage: forcewatch health

Asks a running bot's /healthz (HEALTH_URL, or http://127.0.0.1:HEALTH_PORT/healthz) for each platform's state.
Exits 0 when every platform is up, 1 when one is not, 2 when no bot answers.

Options:
  -h, --help   show this help`,
  ask: `Usage: forcewatch ask [--json] [--explain] [--chart FILE.png] [--csv FILE.csv] "<question>"
       forcewatch ask --jsonl < questions.txt

Answers one question about police complaints and misconduct figures, every figure cited.
A declined or unclear answer is recorded for "forcewatch report" (the words only with RECORD_QUESTIONS=true).
Charts and CSV files are made for rankings, comparisons, trends and changes; for any other answer
the answer is printed, no file is written, and the exit code is 1.

Options:
  --json            print the answer as JSON
  --explain         show how the question was read (kind, forces, places, periods, measures), then answer it
  --chart FILE.png  also write the answer's chart to FILE.png (title, axes with units, sources, our calculations marked)
  --csv FILE.csv    also write the answer's figures to FILE.csv, each row with its citation and source
  --jsonl           read questions from standard input, one a line; write one JSON answer a line (not recorded)
  -h, --help        show this help`,
  force: `Usage: forcewatch force <name> [--all] [--json]

A police force's card: the newest figure of each measure we hold for it, at most twelve lines,
with their sources. With --all, every figure we hold for it, newest period first, grouped by topic.
With --json the card is for a script, which wants every figure: the full card, as with --all.
Exits 1 when no card is shown (no such force, or a name that fits several).

Options:
  --all        every figure, not only the newest of each measure
  --json       print the full card as JSON
  -h, --help   show this help`,
  sources: `Usage: forcewatch sources [--json]

The documents we hold: one line each (id, title, publisher, date).

Options:
  --json       print the full records as JSON
  -h, --help   show this help`,
  report: `Usage: forcewatch report [--since DATE] [--json]

What people made of the answers, from the feedback store (FORCEWATCH_STATE_DIR, or DATABASE_URL):
counts of 👍/👎 by question type and surface; each figure reported wrong, with its notes and the value
held now; declined and unclear questions by reason and by the measure and force asked, most frequent first.

Options:
  --since DATE  only what was recorded on or after DATE (2026-01-31, or a full ISO time)
  --json        print { ratings, reports, declined } as JSON
  -h, --help    show this help`,
};
