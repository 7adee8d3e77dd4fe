import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_CONTACTS } from '../../server/src/config';
import { demoWorld, generateDemoContacts } from '../../server/src/db/demoData';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Use it'));

describe('README quick start', () => {
  it('gives the contact count the demo list shows on first start', () => {
    // As seedDemoData seeds them: the named contacts, then the generated ones whose number is free.
    const phones = new Set(demoWorld.contacts.map((contact) => contact.phone));
    const generated = generateDemoContacts(DEFAULT_SEED_CONTACTS).filter((contact) => !phones.has(contact.phone));
    const shown = new Intl.NumberFormat('en-US').format(demoWorld.contacts.length + generated.length);
    expect(quickStart).toContain(`"${shown} contacts"`);
    expect(quickStart).toContain(`seeds ${new Intl.NumberFormat('en-US').format(generated.length)} generated contacts`);
    for (const { name } of demoWorld.contacts) expect(quickStart).toContain(name);
  });

  it('tells a newcomer Storybook’s address and that it honours PORT', () => {
    expect(quickStart).toMatch(/http:\/\/127\.0\.0\.1:6006/);
    expect(quickStart).toMatch(/PORT=\d+ npm run storybook/);
  });

  it('explains the demo’s failing numbers and "Simulate customer reply" before the API reference', () => {
    expect(quickStart).toMatch(/number ending in `0000` fails/);
    expect(quickStart).toContain('"Simulate customer reply"');
  });
});
