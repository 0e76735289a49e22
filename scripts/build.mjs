/**
 * `npm run build` (run by `npm start`, `start:slack` and `start:discord`): bundles the bot's entry
 * points from TypeScript into plain JavaScript in dist/, so the running bot loads no TypeScript
 * loader. Node with tsx's loader took 0.4–0.55 s and ~35 MB more to start than Node alone, and every
 * module loaded through its hooks cost more. Packages stay in node_modules (not bundled). Takes well
 * under a second; `npm test` and the development scripts still run the sources through tsx.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The fingerprints of the code each kind of saved file depends on (src/code-dependencies.json),
 * hashed as src/project.ts's sourceFingerprint hashes them, so the bundle checks saved files
 * without reading src/ at run time (a deploy of dist/ and data/ alone starts).
 */
export function codeFingerprints() {
  const dependencies = JSON.parse(readFileSync(`${ROOT}src/code-dependencies.json`, 'utf8'));
  return Object.fromEntries(
    Object.entries(dependencies).map(([kind, files]) => {
      const hash = createHash('sha256');
      for (const file of files)
        hash
          .update(`${file}\0`)
          .update(readFileSync(`${ROOT}${file}`))
          .update('\0');
      return [kind, hash.digest('hex')];
    }),
  );
}

/** The bundles: entry point → dist/<name>.js. */
export const ENTRY_POINTS = {
  start: 'adapters/start.ts',
  slack: 'adapters/slack/main.ts',
  discord: 'adapters/discord/main.ts',
};

/**
 * The chart render worker's entry, added to every bundle: a worker thread loads a file of its own,
 * which src/chart/chart-worker.ts looks for beside itself (dist/render-worker.js).
 */
const CHART_WORKER = { 'render-worker': `${ROOT}src/chart/render-worker.ts` };

/** Bundles `entryPoints` (name → source) and the chart worker into `outdir`, sharing common code in
 * chunks. */
export async function bundle(entryPoints, outdir) {
  await build({
    entryPoints: { ...entryPoints, ...CHART_WORKER },
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
    define: { FORCEWATCH_CODE_FINGERPRINTS: JSON.stringify(codeFingerprints()) },
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await bundle(ENTRY_POINTS, 'dist');
