import { RuleTester } from 'eslint';
import type { Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, it } from 'vitest';
import reachout from '../../eslint/reachout-plugin.js';

// RuleTester reports each case through these (Vitest's globals are off); its types leave them out.
Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });

const rule = reachout.rules?.['no-retained-module-work'] as Rule.RuleModule;
const ruleTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

ruleTester.run('reachout/no-retained-module-work', rule, {
  valid: [
    // The shape src/components uses: one const, read through functions.
    `const context = createWidgetContext('ContactList');
     const useWidgetContext = (part) => context.useWidgetContext(part);
     export function Root(props) { return <context.Provider value={props} />; }`,
    // Inside functions everything runs later, only when used.
    `export function useParts() { const { Provider, use } = createWidgetContext('X'); return { Provider, use, ...defaults }; }`,
    `export const read = () => createX().Provider;`,
    `class Part { field = createX().value; method() { const { a } = make(); return a; } }`,
    // A method call on a call's result is a call the build marks pure.
    `import * as z from 'zod/mini';
     export const schema = z.string().check(z.minLength(1));`,
    // Destructuring and reads of what is not a call's result.
    `import * as React from 'react';
     export const forwardRef = React.forwardRef;
     const table = { a: 1, b: 2 };
     const { a } = table;
     export const b = table.b;`,
    // Properties listed one by one.
    `export const cells = { name: NameCell, phone: PhoneCell };`,
    // An array spread copies an array: no getters to run.
    `export const all = [...first, ...second];`,
    // A shadowing parameter is not the module-level call result.
    `const context = createX();
     export function Part(context) { return context.Provider; }`,
  ],
  invalid: [
    {
      code: `const { Provider, useWidgetContext } = createWidgetContext('ChatsTab');`,
      errors: [{ messageId: 'destructuring' }],
    },
    {
      code: `const [first] = splitParts();`,
      errors: [{ messageId: 'destructuring' }],
    },
    {
      code: `const context = createWidgetContext('X');
             const { Provider } = context;`,
      errors: [{ messageId: 'destructuring' }],
    },
    {
      code: `const made = createX() as Made;
             let Provider; ({ Provider } = made);`,
      errors: [{ messageId: 'destructuring' }],
    },
    {
      code: `export const Provider = createWidgetContext('X').Provider;`,
      errors: [{ messageId: 'propertyRead' }],
    },
    {
      code: `const context = createWidgetContext('X');
             export const Provider = context.Provider;`,
      errors: [{ messageId: 'propertyRead' }],
    },
    {
      code: `const context = createWidgetContext('X');
             export const Root = forwardRef(context['render']);`,
      errors: [{ messageId: 'propertyRead' }],
    },
    {
      code: `export const cells = { ...plainCells, name: NameCell };`,
      errors: [{ messageId: 'spread' }],
    },
    {
      code: `class Parts { static cells = { ...plainCells }; }`,
      errors: [{ messageId: 'spread' }],
    },
  ],
});
