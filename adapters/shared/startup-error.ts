/**
 * Turning a failure at start-up into words for the person running the bot: invalid data and bad
 * configuration get their own clear message, never a stack trace.
 */

/** A one-paragraph explanation of why the program could not start. */
export function describeStartupError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'DATA_INVALID') return `${message}\nFix the data files above (run \`npm run data:check\` to list every problem), then start again.`;
  if (code === 'CONFIG') return `Configuration problem: ${message}\nSee .env.example for every variable.`;
  return `Forcewatch could not start: ${message}`;
}
