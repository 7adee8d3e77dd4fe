// The import worker from the sources, as Vite (tests, Storybook) serves it. The library build
// replaces this module with one that starts the worker from its bundled code (tsup.config.ts),
// so a host's bundler has no worker file to find.

/** Starts the import worker (./worker.ts). */
export function spawnImportWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'reachout-import' });
}
