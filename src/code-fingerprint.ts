/**
 * Fingerprints of the code a saved file depends on (the data checks, the passage indexing), so a
 * saved file made by other code is not trusted. Running from the sources (tsx), they are read from
 * the source files named in code-dependencies.json; in the bundle `npm start` runs, scripts/build.mjs
 * has already taken them from the same files, so a deploy of dist/ and data/ without src/ starts.
 */
import dependencies from './code-dependencies.json' with { type: 'json' };
import { sourceFingerprint } from './project.ts';

export type CodeDependency = keyof typeof dependencies;

/** Set by scripts/build.mjs (esbuild `define`) in the bundle; undeclared when running from the sources. */
declare const FORCEWATCH_CODE_FINGERPRINTS: Record<CodeDependency, string>;

const taken = new Map<CodeDependency, string>();

/** The fingerprint of the code `kind` depends on. */
export function codeFingerprint(kind: CodeDependency): string {
  if (typeof FORCEWATCH_CODE_FINGERPRINTS !== 'undefined') return FORCEWATCH_CODE_FINGERPRINTS[kind];
  let fingerprint = taken.get(kind);
  if (fingerprint === undefined) {
    fingerprint = sourceFingerprint(dependencies[kind]);
    taken.set(kind, fingerprint);
  }
  return fingerprint;
}
