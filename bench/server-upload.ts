// npx tsx bench/server-upload.ts — memory of the reference server (PGlite, a process of its own)
// around 16 MiB uploads: resident set size before, after one, and after five, each upload a PNG
// header followed by random bytes, sent as multipart/form-data. Prints the figures.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
const token = randomBytes(16).toString('hex');
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reachout-upload-bench-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
  cwd: repositoryRoot,
  env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', REACHOUT_API_TOKEN: token, REACHOUT_SEED: '0', REACHOUT_DATA_DIR: path.join(directory, 'data') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
const url = await new Promise<string>((resolve) => {
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) resolve(match[1]);
  });
});

/** Resident memory of the server process (all its threads), in MiB. */
function residentMiB(): number {
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
  return Math.round(kib / 1024);
}

async function upload(): Promise<number> {
  const bytes = new Uint8Array(16 * 1024 * 1024 - 4096);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  bytes.set(randomBytes(bytes.length - 8), 8);
  const form = new FormData();
  form.append('purpose', 'template-header');
  form.append('file', new Blob([bytes], { type: 'image/png' }), 'big.png');
  const startedAt = performance.now();
  const response = await fetch(`${url}/api/v1/media`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  return Math.round(performance.now() - startedAt);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));
await settle();
const before = residentMiB();
const firstMs = await upload();
await settle();
const afterOne = residentMiB();
const laterMs: number[] = [];
for (let index = 0; index < 4; index += 1) laterMs.push(await upload());
await settle();
const afterFive = residentMiB();
console.log(`16 MiB uploads: ${firstMs} ms, then ${laterMs.join(', ')} ms`);
console.log(`server RSS: ${before} MiB before, ${afterOne} MiB after one, ${afterFive} MiB after five`);
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
fs.rmSync(directory, { recursive: true, force: true });
