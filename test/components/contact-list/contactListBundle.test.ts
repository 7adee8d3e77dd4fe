import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
const statusIndex = 'src/components/contact-list/contactActivityIndex.ts';

/** Bundles `code` from the sources as a host's esbuild would; the inputs loaded up front and later. */
async function inputsOf(code: string) {
  const { metafile } = await build({
    stdin: { contents: code, resolveDir: repositoryRoot, loader: 'ts', sourcefile: 'host.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: path.join(repositoryRoot, 'node_modules', '.cache', 'contact-list-bundle-test'),
    write: false,
    metafile: true,
    external: ['react', 'react-dom', 'react/*', 'react-dom/*'],
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    logLevel: 'silent',
  });
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined)!;
  const reached = (kinds: string[]) => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const edge of outputs[file]?.imports ?? []) if (!edge.external && kinds.includes(edge.kind)) visit(edge.path);
    };
    visit(entry);
    return new Set([...seen].flatMap((file) => Object.keys(outputs[file]?.inputs ?? {})));
  };
  /** The chunks the output holding `input` imports statically (esbuild's runtime helpers aside). */
  const chunksImportedWith = (input: string) => {
    const file = Object.keys(outputs).find((output) => outputs[output]?.inputs[input] !== undefined);
    return (outputs[file ?? '']?.imports ?? []).filter((edge) => !edge.external && Object.keys(outputs[edge.path]?.inputs ?? {}).length > 0);
  };
  return { initial: reached(['import-statement']), total: reached(['import-statement', 'dynamic-import']), chunksImportedWith };
}

describe('ContactList bundle', () => {
  it('loads the status dots’ index of cached chats and tickets in a lazy chunk, not up front (issue 16)', async () => {
    const { initial, total, chunksImportedWith } = await inputsOf(`export { ContactList } from './src/components/contact-list';`);
    expect(initial.has('src/components/contact-list/useContactStatus.ts')).toBe(true);
    expect(initial.has(statusIndex)).toBe(false);
    expect(total.has(statusIndex)).toBe(true);
    // Sharing a module with the list (reachoutKeys, say) would split it into a chunk of its own,
    // which other widgets' initial code then loads too (CreateContactDialog measured +0.8 kB).
    expect(chunksImportedWith(statusIndex)).toEqual([]);
  });
});
