/**
 * The first chart drawn must not stall a busy bot: @resvg/resvg-js reads Node's diagnostic report
 * when it loads, and the report's network section looks up every open socket's peer in DNS,
 * synchronously (35 s with 200 connections open on the benchmark's machine, every acknowledgement
 * and answer waiting). serve() switches that section off at start-up (keepReportsOffTheNetwork).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const CHILD = fileURLToPath(new URL('./fixtures/report-child.ts', import.meta.url));
const Reported = z.object({ connections: z.number(), loadMs: z.number() });

/** Runs the child; rejects if it takes longer than `timeoutMs` (the stall it guards against). */
function runChild(args: string[], timeoutMs: number): Promise<z.infer<typeof Reported>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`loading the rasteriser with 200 connections open took over ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      try {
        resolve(Reported.parse(JSON.parse(out)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

describe('the diagnostic report', () => {
  it('does not hold the event loop while 200 connections are open and the first chart loads its rasteriser', async () => {
    const { connections, loadMs } = await runChild(['--keep-reports-off-the-network'], 15_000);
    expect(connections).toBe(200);
    expect(loadMs).toBeLessThan(2_000);
  }, 30_000);
});
