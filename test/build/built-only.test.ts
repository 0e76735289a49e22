/**
 * A built-only deploy: dist/ (the bundle) and data/ with its saved files, package.json and
 * node_modules, and no src/ at all. It must start, and use the saved files made by the sources:
 * the bundle's fingerprints of the code they depend on are taken at build time, the same as the
 * sources' own.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { savedFilePaths } from '../../adapters/shared/saved-files.ts';
import { ENTRY_POINTS, bundle, codeFingerprints } from '../../scripts/build.mjs';
import { codeFingerprint, type CodeDependency } from '../../src/code-fingerprint.ts';
import { writeDatasetSnapshot } from '../../src/data/snapshot.ts';
import { BUNDLED_DATA_DIR } from '../../src/engine.ts';
import { writePassageIndexFile } from '../../src/search/index-file.ts';
import { PassageIndex } from '../../src/search/passages.ts';
import { ROOT } from '../adapters/support/bot-process.ts';
import { startFakeSlackApi } from '../adapters/slack/support/fake-slack-api.ts';

const deploy = mkdtempSync(join(tmpdir(), 'forcewatch-deploy-'));
afterAll(() => rmSync(deploy, { recursive: true, force: true }));

describe('a deploy of dist/ and data/ without src/', () => {
  it('takes the same code fingerprints at build time as the sources give', () => {
    const built = codeFingerprints();
    for (const kind of Object.keys(built) as CodeDependency[]) expect(built[kind]).toBe(codeFingerprint(kind));
  });

  it('starts, and uses the saved files the sources made', async () => {
    await bundle(ENTRY_POINTS, join(deploy, 'dist'));
    const data = join(deploy, 'data');
    cpSync(BUNDLED_DATA_DIR, data, { recursive: true });
    const { snapshotFile, indexFile } = savedFilePaths(data);
    const { dataset, fingerprint } = writeDatasetSnapshot(data, snapshotFile);
    writePassageIndexFile(indexFile, new PassageIndex(dataset.documents), dataset.documents, fingerprint);
    writeFileSync(join(deploy, 'package.json'), JSON.stringify({ name: 'forcewatch', type: 'module', private: true }));
    symlinkSync(join(ROOT, 'node_modules'), join(deploy, 'node_modules'), 'dir');

    const fake = await startFakeSlackApi();
    const child = spawn(process.execPath, [join(deploy, 'dist', 'slack.js')], {
      cwd: deploy,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: 'xoxb-1-2-deploy',
        SLACK_SIGNING_SECRET: 'deploy-secret',
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (log.includes('Slack adapter listening')) resolve();
          else if (child.exitCode !== null) reject(new Error(`the deploy exited with ${child.exitCode}:\n${log}`));
        }, 50);
        setTimeout(() => reject(new Error(`the deploy did not start in 30 s:\n${log}`)), 30_000).unref();
        child.once('exit', () => clearInterval(timer));
      });
      expect(log).toContain('dataset loaded from snapshot');
      expect(log).toContain('passage index loaded from file');
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  }, 90_000);
});
