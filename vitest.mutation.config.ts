import { defineConfig } from 'vitest/config';

/**
 * The Node tests of `src/core` only, for `npm run mutation`: Stryker reruns them for every mutant, so
 * the browser and Storybook projects (and their plugins) of `vitest.config.ts` stay out.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/core/**/*.test.ts'],
  },
});
