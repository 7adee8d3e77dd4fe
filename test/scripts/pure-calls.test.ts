import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { annotatePureCalls, pureCallsPlugin } from '../../scripts/pure-calls';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** Writes `files` under a temporary `src/`, bundles `entry` from there and returns the output. */
async function bundle(entry: string, files: Record<string, string>, plugins: Plugin[]) {
  const root = mkdtempSync(path.join(tmpdir(), 'pure-calls-'));
  directories.push(root);
  mkdirSync(path.join(root, 'src'));
  for (const [file, code] of Object.entries(files)) writeFileSync(path.join(root, 'src', file), code);
  const result = await build({
    stdin: { contents: entry, resolveDir: path.join(root, 'src'), loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    external: ['react'],
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles[0]!.text;
}

describe('annotatePureCalls', () => {
  it('marks the calls that initialise top-level constants, and only those', () => {
    const { code } = annotatePureCalls(
      [
        "const Part = forwardRef<HTMLDivElement, Props>(function Part(props, ref) { return track(); });",
        'export const Widget = Object.assign(Part, { Part });',
        'const cache = new WeakMap<object, string>();',
        'let counter = start();',
        'function later() { const inside = effect(); }',
      ].join('\n'),
      'Widget.tsx',
    );
    expect(code).toContain('const Part = /* @__PURE__ */ forwardRef<HTMLDivElement, Props>(function Part(props, ref) { return track(); });');
    expect(code).toContain('export const Widget = /* @__PURE__ */ Object.assign(Part, { Part });');
    expect(code).toContain('const cache = /* @__PURE__ */ new WeakMap<object, string>();');
    expect(code).toContain('let counter = start();');
    expect(code).toContain('const inside = effect();');
  });

  it('marks each call of a chain on its own and does not mark a call twice', () => {
    const { code, count } = annotatePureCalls("const schema = /* @__PURE__ */ z.object({ a: z.string() }).check(rule());", 'schema.ts');
    expect(code).toBe(
      'const schema = /* @__PURE__ */ (/* @__PURE__ */ z.object({ a: /* @__PURE__ */ z.string() })).check(/* @__PURE__ */ rule());',
    );
    expect(count).toBe(3);
  });
});

describe('pureCallsPlugin', () => {
  const modules = {
    'widget.tsx': [
      "import { createContext, forwardRef } from 'react';",
      'const Context = createContext(null);',
      'const Part = forwardRef(function Part() { return null; });',
      'export const Widget = Object.assign(Part, { Context });',
      'export const other = 1;',
    ].join('\n'),
  };

  it('lets a bundler drop an unused widget built by module-level calls', async () => {
    const output = await bundle("export { other } from './widget.tsx';", modules, [pureCallsPlugin()]);
    expect(output).toContain('other = 1');
    expect(output).not.toContain('forwardRef(');
    expect(output).not.toContain('createContext(');
  });

  it('is what makes it droppable: without it the calls stay', async () => {
    const output = await bundle("export { other } from './widget.tsx';", modules, []);
    expect(output).toContain('forwardRef(');
    expect(output).toContain('createContext(');
  });
});
