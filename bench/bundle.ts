/** Benchmark children that stand for the running bot, bundled as `npm start` bundles it. Kept apart
 * from child.ts, which the children import: a child must not load the bundler it was built with. */
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '../scripts/build.mjs';

/**
 * A script of bench/ bundled into plain JavaScript the way `npm start` bundles the bot (in
 * dist/bench/), so a child that stands for the running bot (its start-up, the Slack adapter) runs
 * as it does: on Node alone, without tsx's loader.
 */
export async function bundledScript(name: string): Promise<string> {
  const entry = basename(name, extname(name));
  await bundle({ [entry]: fileURLToPath(new URL(name, import.meta.url)) }, fileURLToPath(new URL('../dist/bench/', import.meta.url)));
  return fileURLToPath(new URL(`../dist/bench/${entry}.js`, import.meta.url));
}
