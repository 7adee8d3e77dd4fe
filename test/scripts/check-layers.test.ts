import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/check-layers.mjs');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function checkTree(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  roots.push(root);
  for (const [file, code] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), code);
  }
  const result = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('check-layers', () => {
  it('passes imports that go down the layers', () => {
    const result = checkTree({
      'src/core/a.ts': "import * as z from 'zod/mini'; export const a = z;",
      'src/data/b.ts': "import { a } from '../core/a'; import { useQuery } from '@tanstack/react-query';",
      'src/components/list/List.tsx': "import '../../data/b'; import '../dialog'; import '../internal/cn';",
      'src/components/dialog/index.ts': 'export {};',
      'src/testing/t.ts': "import '../core/a';",
    });
    expect(result.output).toContain('passed');
    expect(result.status).toBe(0);
  });

  it('fails when core imports React or the data layer', () => {
    const result = checkTree({
      'src/core/a.ts': "import { useState } from 'react';\nimport '../data/b';",
      'src/data/b.ts': 'export {};',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/core/a.ts: src/core may not import the package "react"');
    expect(result.output).toContain('src/core/a.ts: src/core may not import src/data/b');
  });

  it('fails when testing imports a widget or a widget reaches into another widget', () => {
    const result = checkTree({
      'src/testing/t.ts': "export { List } from '../components/list/List';",
      'src/components/list/List.tsx': "import { Dialog } from '../dialog/Dialog';",
      'src/components/dialog/Dialog.tsx': 'export const Dialog = 1;',
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/testing may not import src/components/list/List');
    expect(result.output).toContain('use the dialog widget through its index.ts');
  });
});
