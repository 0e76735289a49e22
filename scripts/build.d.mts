/** Types for build.mjs (plain JavaScript, so `npm start` can run it before anything is compiled). */
export declare const ENTRY_POINTS: Record<string, string>;
export declare function bundle(entryPoints: Record<string, string>, outdir: string): Promise<void>;
export declare function codeFingerprints(): Record<string, string>;
