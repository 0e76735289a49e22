/**
 * `npm run build` (run by `npm start`, `start:slack` and `start:discord`): bundles the bot's entry
 * points from TypeScript into plain JavaScript in dist/, so the running bot loads no TypeScript
 * loader. Node with tsx's loader took 0.4–0.55 s and ~35 MB more to start than Node alone, and every
 * module loaded through its hooks cost more. Packages stay in node_modules (not bundled). Takes well
 * under a second; `npm test` and the development scripts still run the sources through tsx.
 */
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The bundles: entry point → dist/<name>.js. */
export const ENTRY_POINTS = {
  start: 'adapters/start.ts',
  slack: 'adapters/slack/main.ts',
  discord: 'adapters/discord/main.ts',
};

/** Bundles `entryPoints` (name → source) into `outdir`, sharing common code in chunks. */
export async function bundle(entryPoints, outdir) {
  await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Names kept, so stack traces in the logs name our functions.
    keepNames: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await bundle(ENTRY_POINTS, 'dist');
