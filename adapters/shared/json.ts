/** JSON read from outside the process (Redis, a stored job), where malformed text is a value, not an exception. */

/** The value `text` holds, or undefined when it is not JSON; a zod schema then says what it is. */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
