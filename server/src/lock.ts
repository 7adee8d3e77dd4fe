import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a lock file holds: enough to tell whether its owner still runs, and to show who it is. */
export interface DataDirLockOwner {
  pid: number;
  hostname: string;
  /** ISO date the owner took the lock. */
  startedAt: string;
  /** Tells this lock apart from a later one by a process that reused the pid. */
  id: string;
}

export interface DataDirLock {
  /** `<dataDir>.lock` (see {@link lockFileFor}). */
  readonly lockFile: string;
  readonly owner: DataDirLockOwner;
  /** `false` once {@link DataDirLock.release} was called. */
  readonly held: boolean;
  /** Removes the lock file if it is still this lock's; safe to call more than once. */
  release(): void;
}

/** Thrown when a live process (another server, or this one) holds the data directory. */
export class DataDirLockedError extends Error {
  readonly lockFile: string;
  readonly holder: DataDirLockOwner;

  constructor(message: string, lockFile: string, holder: DataDirLockOwner) {
    super(message);
    this.name = 'DataDirLockedError';
    this.lockFile = lockFile;
    this.holder = holder;
  }
}

/** Ids of the locks this process holds, so a second acquire in the same process is refused too. */
const heldByThisProcess = new Set<string>();

/**
 * Where the lock for `dataDir` lives: `<dataDir>.lock`, beside the directory, so PGlite's files
 * are never touched.
 */
export function lockFileFor(dataDir: string): string {
  return `${path.resolve(dataDir).replace(/[\\/]+$/, '')}.lock`;
}

/**
 * Makes sure one process at a time uses a PGlite data directory: PGlite has no lock of its own,
 * and two processes on one directory silently lose writes. Creates `<dataDir>.lock` atomically;
 * a lock left by a process that no longer runs (a crash, `kill -9`, a restarted container whose
 * server got the same pid) is taken over. `openDatabase` takes this lock for a PGlite directory
 * unless it is handed one, as the server does: it locks before loading the database modules.
 *
 * @throws DataDirLockedError when a running process holds the lock, this one included (the
 * directory is already open here).
 * @example
 * const lock = acquireDataDirLock('/srv/reachout/.reachout-data');
 * process.on('exit', () => lock.release());
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const directory = path.resolve(dataDir);
  const lockFile = lockFileFor(directory);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const owner: DataDirLockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    id: randomUUID(),
  };
  const content = `${JSON.stringify(owner, null, 2)}\n`;

  // Each pass either creates the lock, throws, or removes a stale lock and tries again. A lock
  // that keeps changing under us means other processes are racing for it: give up after a few.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    if (createExclusively(lockFile, content)) {
      heldByThisProcess.add(owner.id);
      let released = false;
      return {
        lockFile,
        owner,
        get held() {
          return !released;
        },
        release() {
          if (released) return;
          released = true;
          heldByThisProcess.delete(owner.id);
          if (readLockFile(lockFile)?.owner?.id === owner.id) fs.rmSync(lockFile, { force: true });
        },
      };
    }
    const existing = readLockFile(lockFile);
    if (existing === undefined) continue; // removed between our attempt and the read
    if (existing.owner && isHeldByThisProcess(existing.owner)) {
      throw new DataDirLockedError(
        `${directory} is already open in this process (lock ${lockFile}): close the database on it before opening it again.`,
        lockFile,
        existing.owner,
      );
    }
    if (existing.owner && isHeldByRunningProcess(existing.owner)) {
      throw lockedError(directory, lockFile, existing.owner);
    }
    if (!existing.owner && Date.now() - existing.modifiedAt < 2000) {
      // Unreadable and brand new: its owner may be writing it right now.
      sleepSync(50);
      continue;
    }
    removeIfUnchanged(lockFile, existing.raw);
  }
  throw new Error(
    `Could not take the lock ${lockFile} for ${directory}: other processes keep changing it. ` +
      'Start one Reachout server at a time per REACHOUT_DATA_DIR.',
  );
}

/** Writes the whole content under the final name in one step, so no reader sees a half-written lock. */
function createExclusively(lockFile: string, content: string): boolean {
  const draft = `${lockFile}.${process.pid}.${randomUUID()}.tmp`;
  fs.writeFileSync(draft, content, { flag: 'wx' });
  try {
    fs.linkSync(draft, lockFile);
    return true;
  } catch (error) {
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

interface LockFileContent {
  raw: string;
  owner: DataDirLockOwner | undefined;
  modifiedAt: number;
}

function readLockFile(lockFile: string): LockFileContent | undefined {
  let raw: string;
  let modifiedAt: number;
  try {
    raw = fs.readFileSync(lockFile, 'utf8');
    modifiedAt = fs.statSync(lockFile).mtimeMs;
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  return { raw, owner: parseOwner(raw, modifiedAt), modifiedAt };
}

function parseOwner(raw: string, modifiedAt: number): DataDirLockOwner | undefined {
  // Servers before the lock was unified wrote only their pid here: treat it as theirs, taken
  // when the file was written, so a live one still keeps us out.
  if (/^\d+$/.test(raw.trim())) {
    return { pid: Number(raw.trim()), hostname: os.hostname(), startedAt: new Date(modifiedAt).toISOString(), id: '' };
  }
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, hostname, startedAt, id } = value as Record<string, unknown>;
    if (!Number.isInteger(pid) || typeof hostname !== 'string' || typeof startedAt !== 'string') return undefined;
    return { pid: pid as number, hostname, startedAt, id: typeof id === 'string' ? id : '' };
  } catch {
    return undefined;
  }
}

function isHeldByThisProcess(owner: DataDirLockOwner): boolean {
  return owner.hostname === os.hostname() && owner.pid === process.pid && heldByThisProcess.has(owner.id);
}

function isHeldByRunningProcess(owner: DataDirLockOwner): boolean {
  // A pid on another machine (a shared disk) cannot be checked: assume it is alive.
  if (owner.hostname !== os.hostname()) return true;
  // In a container a restarted server often gets the pid its crashed predecessor had: our pid in
  // a lock this process did not take is a predecessor's (this process's own locks are checked first).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return !isErrorCode(error, 'ESRCH');
  }
  // A server killed with -9 stays a zombie until its parent (a shell, a supervisor, a test
  // runner) reaps it: the pid answers signal 0, but the process is gone and holds nothing.
  if (isLinuxZombie(owner.pid)) return false;
  const processStartedAt = linuxProcessStartTime(owner.pid);
  const lockTakenAt = Date.parse(owner.startedAt);
  // The pid runs, but it started after the lock was taken: another program reused the pid.
  if (processStartedAt !== undefined && !Number.isNaN(lockTakenAt) && processStartedAt > lockTakenAt + 2000) {
    return false;
  }
  return true;
}

/** `true` when /proc says the process has exited and waits to be reaped (state Z, or X: dead). */
function isLinuxZombie(pid: number): boolean {
  const state = readLinuxProcessStat(pid)?.[0];
  return state === 'Z' || state === 'X';
}

/**
 * The fields of /proc/<pid>/stat after the parenthesised command name (which may hold spaces),
 * starting with field 3, the state; `undefined` off Linux or when the process is gone.
 */
function readLinuxProcessStat(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Epoch ms a process started, from /proc (Linux); `undefined` elsewhere or when unreadable. */
function linuxProcessStartTime(pid: number): number | undefined {
  try {
    const fields = readLinuxProcessStat(pid);
    if (!fields) return undefined;
    // Field 22: starttime, in clock ticks since boot.
    const ticksSinceBoot = Number(fields[19]);
    const bootTime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticksSinceBoot) || bootTime === undefined) return undefined;
    const clockTicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node supports
    return Number(bootTime) * 1000 + (ticksSinceBoot / clockTicksPerSecond) * 1000;
  } catch {
    return undefined;
  }
}

/**
 * Removes a stale lock unless someone replaced it since we read it. The lock is first renamed
 * away (atomic: of several processes doing this, one wins), then checked.
 */
function removeIfUnchanged(lockFile: string, staleContent: string): void {
  const aside = `${lockFile}.${process.pid}.${randomUUID()}.stale`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return;
    throw error;
  }
  try {
    if (fs.readFileSync(aside, 'utf8') !== staleContent) {
      // A live server took the lock between our read and the rename: put its lock back.
      try {
        fs.linkSync(aside, lockFile);
      } catch (error) {
        if (!isErrorCode(error, 'EEXIST')) throw error;
      }
    }
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function lockedError(directory: string, lockFile: string, holder: DataDirLockOwner): DataDirLockedError {
  const sameHost = holder.hostname === os.hostname();
  return new DataDirLockedError(
    `Another Reachout server (pid ${holder.pid}${sameHost ? '' : ` on host ${holder.hostname}`}, started ${holder.startedAt}) ` +
      `is using ${directory} (lock ${lockFile}). Stop it first, or set REACHOUT_DATA_DIR to another directory.` +
      (sameHost ? '' : ' If that server no longer runs, delete the lock file.'),
    lockFile,
    holder,
  );
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
