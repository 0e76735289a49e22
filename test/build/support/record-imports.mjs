// Preloaded with `node --import`: records the URL of every module the process resolves, one a line,
// into the file named by RECORD_IMPORTS_TO, so a test can tell which packages a mode loaded.
import { register } from 'node:module';

register('./import-hooks.mjs', import.meta.url, { data: { file: process.env.RECORD_IMPORTS_TO } });
