/**
 * `forcewatch health` as an entry point of its own (`tsx adapters/health.ts`), until the CLI's
 * dispatcher (adapters/cli/main.ts) gains the one line that calls {@link runHealthCommand}.
 */
import { runHealthCommand } from './shared/health-command.ts';

process.exitCode = await runHealthCommand(process.env, process.stdout);
