import path from 'node:path';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const dialogSource = 'src/components/import-contacts-dialog/ImportContactsDialog.tsx';

/** Every input of `output` and of the chunks it imports with a given kind of import, transitively. */
function inputsReached(metafile: Metafile, output: string, kinds: ReadonlySet<string>): Set<string> {
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const entry = metafile.outputs[file];
    if (entry === undefined) return;
    Object.keys(entry.inputs).forEach((input) => inputs.add(input));
    entry.imports.filter((imported) => !imported.external && kinds.has(imported.kind)).forEach((imported) => visit(imported.path));
  };
  visit(output);
  return inputs;
}

describe('ContactsInbox bundle', () => {
  it('keeps ImportContactsDialog out of the code ContactsInbox loads up front, in a chunk loaded on demand', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/components/contacts-inbox/index.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'out',
      write: false,
      metafile: true,
      packages: 'external',
      logLevel: 'silent',
    });
    const metafile = result.metafile;
    const [entry] = Object.entries(metafile.outputs).filter(([, output]) => output.entryPoint !== undefined);
    expect(entry).toBeDefined();
    const initial = inputsReached(metafile, entry![0], new Set(['import-statement']));
    const everything = inputsReached(metafile, entry![0], new Set(['import-statement', 'dynamic-import']));
    expect(initial.has('src/components/contacts-inbox/ContactsInbox.tsx')).toBe(true);
    expect(initial.has(dialogSource)).toBe(false);
    expect(everything.has(dialogSource)).toBe(true);
  });
});
