/**
 * How the command line and the terminal chat name a force card in their answers ("All we hold on
 * Kent Police: forcewatch force "Kent Police""), so a pointer can be typed back as it is written.
 */
import type { CommandSyntax } from '../../src/index.ts';

/** A word as a POSIX shell reads it back: quoted when it holds anything but letters, digits and `.,-_`. */
function shellWord(text: string): string {
  return /^[\w.,-]+$/.test(text) ? text : `"${text.replace(/["\\$`]/g, '\\$&')}"`;
}

/** `forcewatch force NAME [--all]`. */
export const COMMAND_LINE_SYNTAX: CommandSyntax = {
  forceCard: (forceName) => `forcewatch force ${shellWord(forceName)}`,
  fullCard: (forceName) => `forcewatch force ${shellWord(forceName)} --all`,
};

/** The terminal chat's `/force NAME [--all]`. */
export const CHAT_SYNTAX: CommandSyntax = {
  forceCard: (forceName) => `/force ${forceName}`,
  fullCard: (forceName) => `/force ${forceName} --all`,
};

/** A chat line asking for a force card: the name typed, and whether `--all` asked for every figure. */
export function forceCardAsked(line: string): { name: string; all: boolean } | undefined {
  const asked = /^\/force\b\s*(.*?)\s*(--all)?$/i.exec(line);
  return asked ? { name: asked[1] ?? '', all: asked[2] !== undefined } : undefined;
}
