import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { lockFileFor } from '../../../server/src/lock';
import { makeTemporaryDirectory, repositoryRoot } from './serverProcess';

const children: ChildProcess[] = [];
let root: string | undefined;

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** Starts a process that takes the lock and holds it; resolves with its first line of output. */
function raceForLock(dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/process/holdDataDirLock.ts', dataDir], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.trim());
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before answering: ${output}`)));
  });
}

it('lets exactly one of several processes racing for a stale lock take it', async () => {
  root = makeTemporaryDirectory();
  const dataDir = path.join(root, 'data');
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  fs.writeFileSync(
    lockFileFor(dataDir),
    JSON.stringify({ pid: Number(gone.stdout), hostname: os.hostname(), startedAt: new Date().toISOString(), id: 'crashed' }),
  );

  const answers = await Promise.all([1, 2, 3, 4].map(() => raceForLock(dataDir)));

  const winners = answers.filter((answer) => answer.startsWith('acquired '));
  expect(winners).toHaveLength(1);
  expect(answers.filter((answer) => answer.startsWith('refused Another Reachout server'))).toHaveLength(3);
  const winnerPid = Number(winners[0]?.split(' ')[1]);
  expect(JSON.parse(fs.readFileSync(lockFileFor(dataDir), 'utf8'))).toMatchObject({ pid: winnerPid });
}, 120_000);
