import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reachout from './eslint/reachout-plugin.js';

export default tseslint.config(
  { ignores: ['dist', 'demo/dist', 'storybook-static', 'node_modules', 'coverage', 'bench/results', 'bench/.build', '**/*.d.ts', 'reports/mutation', '.stryker-tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react/*', '@tanstack/*', '@radix-ui/*'], message: 'src/core has no React: it is importable by a Node backend.' }] },
      ],
    },
  },
  {
    // Widgets, data hooks and what they import must leave nothing at module level that a host's
    // bundler cannot drop. `reachout/testing` is test-only, never in a host's production bundle.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/testing/**'],
    plugins: { reachout },
    rules: { 'reachout/no-retained-module-work': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
