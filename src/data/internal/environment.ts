// Bundlers replace `process.env.NODE_ENV` textually; declared here so the library needs no Node types.
declare const process: { env: { NODE_ENV?: string } };

/**
 * True in development builds. A browser page whose bundler did not define `process` counts as
 * production: the checks it enables are a help for integrators, never a requirement.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}
