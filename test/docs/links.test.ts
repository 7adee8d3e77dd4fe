import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const documents = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The targets of a Markdown text's links and images that are paths (not URLs, not `#anchors`). */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '');
  return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] as string);
}

describe('documentation links', () => {
  it('finds the links of a Markdown text, leaving out URLs, anchors and code blocks', () => {
    expect(relativeLinks('[a](docs/a.md) [b](https://x.org) [c](#top) ![d](img.png "t") [e](b.md#part)\n```\n[f](no.md)\n```')).toEqual([
      'docs/a.md',
      'img.png',
      'b.md',
    ]);
  });

  it.each(documents)('%s links only to files the repository has', (document) => {
    const text = readFileSync(path.join(root, document), 'utf8');
    for (const target of relativeLinks(text)) {
      const resolved = path.resolve(root, path.dirname(document), target);
      expect(path.relative(root, resolved).startsWith('..'), `${document} links outside the repository: ${target}`).toBe(false);
      expect(existsSync(resolved), `${document} links to a missing file: ${target}`).toBe(true);
    }
  });
});
