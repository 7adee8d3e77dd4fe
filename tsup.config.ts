import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { pureCallsPlugin } from './scripts/pure-calls';

/** Widgets need "use client" for React Server Components hosts; core and testing stay neutral. */
async function markClientEntry(): Promise<void> {
  for (const file of ['dist/index.js', 'dist/index.cjs']) {
    const code = await readFile(file, 'utf8');
    if (!code.startsWith('"use client"')) await writeFile(file, `"use client";\n${code}`);
  }
}

// The phone functions (libphonenumber and its metadata, 35 kB gzip) are built twice into files of
// their own, outside the shared chunks: `phone.js`, which `normalizePhone` and the other core
// exports come from, and `phone-lazy.js`, which widgets load on first use (src/core/phoneLoader.ts).
// A host's esbuild keeps a static edge from a chunk it loads up front to any module that something
// else keeps alive, and the lazy chunk keeps libphonenumber alive: were the phone code inside a
// shared chunk (or one file for both uses), every widget would load the metadata up front. In a
// file of its own that nothing up front uses, the edge stops there.
const phoneSource = path.resolve('src/core/phone.ts');

function phoneFilesPlugin(): Plugin {
  return {
    name: 'reachout-phone-files',
    setup(esbuild) {
      // tsup builds CommonJS with code splitting as ESM first; the extension tells them apart.
      const extension = esbuild.initialOptions.outExtension?.['.js'] ?? '.js';
      esbuild.onResolve({ filter: /(^|\/)phone$/ }, (args) => {
        if (path.resolve(args.resolveDir, `${args.path}.ts`) !== phoneSource) return undefined;
        const file = args.kind === 'dynamic-import' ? 'phone-lazy' : 'phone';
        return { path: `./${file}${extension}`, external: true };
      });
    },
  };
}

// The import worker (src/core/import/worker.ts: reading, splitting and checking a file's rows) is
// bundled whole, phone metadata included, into one script kept as a string in the chunk that
// starts it: the page starts it from a blob: URL. A host's bundler then has no worker file to find
// or copy (esbuild does not follow `new URL('./worker.js', import.meta.url)`, and Vite's dev server
// loses it in its dependency cache), and the string is loaded only when a person chooses a file.
// Where a blob: worker is refused (a strict Content-Security-Policy) the session runs inline.
const spawnWorkerSource = path.resolve('src/core/import/spawnWorker.ts');
let importWorkerCode: Promise<string> | undefined;

function importWorkerPlugin(): Plugin {
  return {
    name: 'reachout-import-worker',
    setup(esbuild) {
      esbuild.onLoad({ filter: /spawnWorker\.ts$/ }, async (args) => {
        if (args.path !== spawnWorkerSource) return undefined;
        importWorkerCode ??= build({
          entryPoints: ['src/core/import/worker.ts'],
          bundle: true,
          write: false,
          format: 'iife',
          platform: 'browser',
          target: 'es2022',
          minify: true,
          legalComments: 'none',
          define: { 'process.env.NODE_ENV': '"production"' },
          logLevel: 'warning',
        }).then((result) => result.outputFiles[0]?.text ?? '');
        const code = await importWorkerCode;
        return {
          loader: 'ts',
          contents: `
const workerCode = ${JSON.stringify(code)};

/** Starts the import worker from its bundled code. */
export function spawnImportWorker(): Worker {
  const url = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'reachout-import' });
  // The URL is needed until the worker has loaded: its first message, or its failure to load.
  const revoke = () => URL.revokeObjectURL(url);
  worker.addEventListener('message', revoke, { once: true });
  worker.addEventListener('error', revoke, { once: true });
  return worker;
}
`,
        };
      });
    },
  };
}

// The inline import session (src/core/import/session.ts, used where no worker can start) is a
// file of its own for the same reason as the phone files: inside a shared chunk, the import rules
// (zod, the phone functions) would be live in whatever chunk ReachoutError lands in, and a host
// importing anything would load them up front.
const importSessionSource = path.resolve('src/core/import/session.ts');

function importSessionFilePlugin(): Plugin {
  return {
    name: 'reachout-import-session-file',
    setup(esbuild) {
      const extension = esbuild.initialOptions.outExtension?.['.js'] ?? '.js';
      esbuild.onResolve({ filter: /(^|\/)session$/ }, (args) => {
        if (args.kind !== 'dynamic-import' || path.resolve(args.resolveDir, `${args.path}.ts`) !== importSessionSource) return undefined;
        return { path: `./import-session${extension}`, external: true };
      });
    },
  };
}

async function buildImportSessionFiles(): Promise<void> {
  for (const [format, extension] of [
    ['esm', '.js'],
    ['cjs', '.cjs'],
  ] as const) {
    await build({
      entryPoints: [importSessionSource],
      outfile: `dist/import-session${extension}`,
      bundle: true,
      // zod bundled in: as a package import it would join a chunk every host loads up front (a
      // host's esbuild puts a module live in a lazy chunk where any entry reaches it, and the
      // widgets' entry reaches zod). libphonenumber stays shared with the lazy phone chunk.
      external: ['libphonenumber-js', 'libphonenumber-js/*'],
      format,
      platform: 'neutral',
      target: 'es2022',
      plugins: [pureCallsPlugin()],
      logLevel: 'warning',
    });
  }
}

async function buildPhoneFiles(): Promise<void> {
  for (const [format, extension] of [
    ['esm', '.js'],
    ['cjs', '.cjs'],
  ] as const) {
    for (const file of ['phone', 'phone-lazy']) {
      await build({
        entryPoints: [phoneSource],
        outfile: `dist/${file}${extension}`,
        bundle: true,
        packages: 'external',
        format,
        platform: 'neutral',
        target: 'es2022',
        plugins: [pureCallsPlugin()],
        logLevel: 'warning',
      });
    }
  }
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', core: 'src/core/index.ts', testing: 'src/testing/index.ts', rest: 'src/rest/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // One copy of shared code across entries: a second ReachoutError class would break instanceof.
    splitting: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'es2022',
    outDir: 'dist',
    // Every module-level call marked pure, so a host's bundler drops what the host does not use.
    // The worker plugin first: its onLoad must win over pure-calls (which loads every .ts file).
    esbuildPlugins: [importWorkerPlugin(), pureCallsPlugin(), phoneFilesPlugin(), importSessionFilePlugin()],
    onSuccess: async () => {
      await markClientEntry();
      await buildPhoneFiles();
      await buildImportSessionFiles();
    },
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    minify: false,
  },
]);
