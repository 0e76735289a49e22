/**
 * A lock file held by one process at a time. The embedded database is a folder that only one
 * process may have open (a second one's writes are silently lost), so whoever opens it holds this
 * lock, and a lock left by a process that has died is taken over.
 */
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a waiting process looks again. */
const POLL_MS = 50;

function holderAlive(path: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    return true; // Being written or just removed: look again.
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return false;
  }
}

/**
 * Takes the lock at `path`, waiting up to `waitMs` for its holder to let go.
 *
 * @returns a function that lets go of it.
 * @throws Error when the lock is still held after `waitMs`.
 */
export async function takeLock(path: string, waitMs: number): Promise<() => void> {
  const until = Date.now() + waitMs;
  for (;;) {
    if (tryTake(path)) return () => rmSync(path, { force: true });
    // In use by this very process (another store on the same folder) counts as alive: it waits too.
    // Node has no file locks, so taking over a dead holder's lock is remove-then-create: two
    // processes doing it in the same instant could both proceed. That takes a crash followed by two
    // starts within milliseconds of each other; an advisory lock (flock) would need a native addon.
    if (!holderAlive(path)) rmSync(path, { force: true });
    else if (Date.now() >= until) throw new Error(`it is in use by another process (lock file ${path})`);
    else await sleep(POLL_MS);
  }
}
