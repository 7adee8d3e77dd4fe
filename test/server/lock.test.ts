import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockFileFor, type DataDirLock } from '../../server/src/lock';

let root: string;
let dataDir: string;
const acquired: DataDirLock[] = [];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'reachout-lock-'));
  dataDir = path.join(root, '.reachout-data');
});

afterEach(() => {
  for (const lock of acquired.splice(0)) lock.release();
  fs.rmSync(root, { recursive: true, force: true });
});

function acquire(directory = dataDir): DataDirLock {
  const lock = acquireDataDirLock(directory);
  acquired.push(lock);
  return lock;
}

function writeLock(owner: { pid: number; hostname?: string; startedAt?: string; id?: string }): void {
  const content = { hostname: os.hostname(), startedAt: new Date().toISOString(), id: 'someone-else', ...owner };
  fs.writeFileSync(lockFileFor(dataDir), JSON.stringify(content));
}

function readLock(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(lockFileFor(dataDir), 'utf8')) as Record<string, unknown>;
}

/** The pid of a process that has already exited. */
function exitedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/**
 * A process that has exited but is not reaped yet, as a server killed with -9 is until its parent
 * waits for it: `sleep` never waits, so the child the shell forked before `exec sleep` stays a
 * zombie. Returns its pid and how to end it (killing the parent lets init reap it).
 */
async function zombiePid(): Promise<{ pid: number; end(): void }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const end = () => parent.kill('SIGKILL');
  const pid = await new Promise<number>((resolve, reject) => {
    parent.stdout.setEncoding('utf8').once('data', (chunk: string) => resolve(Number(chunk.trim())));
    parent.once('exit', () => reject(new Error('the parent of the zombie exited early')));
  });
  for (;;) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return { pid, end };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('acquireDataDirLock', () => {
  it('creates <dataDir>.lock beside the directory with the pid, host and start time, leaving the directory alone', () => {
    const lock = acquire();

    expect(lock.lockFile).toBe(`${dataDir}.lock`);
    expect(lock.held).toBe(true);
    expect(readLock()).toMatchObject({ pid: process.pid, hostname: os.hostname(), id: lock.owner.id });
    expect(Date.parse(String(readLock().startedAt))).not.toBeNaN();
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(fs.readdirSync(root)).toEqual(['.reachout-data.lock']);
  });

  it('refuses a directory held by a running process, naming the directory, the lock file and the pid', () => {
    writeLock({ pid: process.ppid });

    let error: unknown;
    try {
      acquire();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${process.ppid}`);
    expect(message).toContain(`is using ${dataDir} (lock ${dataDir}.lock)`);
    expect(message).toContain('set REACHOUT_DATA_DIR to another directory');
    expect(readLock()).toMatchObject({ pid: process.ppid, id: 'someone-else' });
  });

  it('refuses a second lock on the same directory from the same process, saying it is open here', () => {
    const first = acquire();
    expect(() => acquire()).toThrow(
      new DataDirLockedError(
        `${dataDir} is already open in this process (lock ${dataDir}.lock): close the database on it before opening it again.`,
        first.lockFile,
        first.owner,
      ),
    );
    expect(readLock()).toMatchObject({ id: first.owner.id });
  });

  it('honours a pid-only lock from an earlier server version while that process runs, and takes it over once it is gone', () => {
    fs.writeFileSync(lockFileFor(dataDir), String(process.ppid));
    expect(() => acquire()).toThrow(`Another Reachout server (pid ${process.ppid}, started `);
    expect(fs.readFileSync(lockFileFor(dataDir), 'utf8')).toBe(String(process.ppid));

    fs.writeFileSync(lockFileFor(dataDir), String(exitedPid()));
    const lock = acquire();
    expect(readLock()).toMatchObject({ id: lock.owner.id });
  });

  it('takes over a lock left by a process that no longer runs', () => {
    writeLock({ pid: exitedPid() });

    const lock = acquire();

    expect(readLock()).toMatchObject({ pid: process.pid, id: lock.owner.id });
  });

  it('takes over a lock whose owner was killed and is a zombie not yet reaped by its parent', async () => {
    if (!fs.existsSync('/proc/self/stat')) return; // needs /proc (Linux)
    const zombie = await zombiePid();
    try {
      writeLock({ pid: zombie.pid });

      const lock = acquire();

      expect(readLock()).toMatchObject({ pid: process.pid, id: lock.owner.id });
    } finally {
      zombie.end();
    }
  });

  it('takes over a lock whose pid now belongs to a process started after the lock was taken', () => {
    if (!fs.existsSync(`/proc/${process.ppid}/stat`)) return; // needs /proc (Linux)
    writeLock({ pid: process.ppid, startedAt: '2001-01-01T00:00:00.000Z' });

    const lock = acquire();

    expect(readLock()).toMatchObject({ pid: process.pid, id: lock.owner.id });
  });

  it('takes over a lock with our own pid that this process does not hold (a restarted container)', () => {
    writeLock({ pid: process.pid, id: 'crashed-predecessor' });

    const lock = acquire();

    expect(readLock()).toMatchObject({ id: lock.owner.id });
  });

  it('takes over an unreadable lock file once it is a few seconds old, but not while it may be being written', () => {
    const lockFile = lockFileFor(dataDir);
    fs.writeFileSync(lockFile, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFile, old, old);

    const lock = acquire();

    expect(readLock()).toMatchObject({ id: lock.owner.id });
  });

  it('treats a lock from another host as held, since its pid cannot be checked there', () => {
    writeLock({ pid: exitedPid(), hostname: 'another-host.example' });

    expect(() => acquire()).toThrow(/pid \d+ on host another-host\.example.*delete the lock file/);
  });

  it('releases only its own lock, once', () => {
    const lock = acquire();
    lock.release();
    expect(fs.existsSync(lock.lockFile)).toBe(false);
    expect(lock.held).toBe(false);

    writeLock({ pid: process.ppid, id: 'next-server' });
    lock.release();
    expect(readLock()).toMatchObject({ id: 'next-server' });
  });

  it('does not remove a lock another process took after a stale takeover when released late', () => {
    const lock = acquire();
    // Simulates an operator deleting the lock and another server taking the directory.
    fs.rmSync(lock.lockFile);
    writeLock({ pid: process.ppid, id: 'new-owner' });

    lock.release();

    expect(readLock()).toMatchObject({ id: 'new-owner' });
  });

  it('lets the directory be locked again after release', () => {
    acquire().release();
    const again = acquire();
    expect(readLock()).toMatchObject({ id: again.owner.id });
  });

  it('handles a trailing slash and a relative path the same way as the plain path', () => {
    const lock = acquire(`${dataDir}/`);
    expect(lock.lockFile).toBe(`${dataDir}.lock`);
    expect(() => acquire(path.relative(process.cwd(), dataDir))).toThrow(DataDirLockedError);
  });
});
