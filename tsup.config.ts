import { readFile, writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';
import { pureCallsPlugin } from './scripts/pure-calls';

/** Widgets need "use client" for React Server Components hosts; core and testing stay neutral. */
async function markClientEntry(): Promise<void> {
  for (const file of ['dist/index.js', 'dist/index.cjs']) {
    const code = await readFile(file, 'utf8');
    if (!code.startsWith('"use client"')) await writeFile(file, `"use client";\n${code}`);
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
    esbuildPlugins: [pureCallsPlugin()],
    onSuccess: markClientEntry,
  },
  {
    entry: { styles: 'src/styles.css' },
    outDir: 'dist',
    minify: false,
  },
]);
