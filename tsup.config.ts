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
    esbuildPlugins: [pureCallsPlugin(), phoneFilesPlugin()],
    onSuccess: async () => {
      await markClientEntry();
      await buildPhoneFiles();
    },
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    minify: false,
  },
]);
