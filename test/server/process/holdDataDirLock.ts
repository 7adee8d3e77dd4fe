// Test helper process: `node --import tsx holdDataDirLock.ts <dataDir>` takes the data directory's
// lock and holds it until killed. Prints `acquired <pid>` or `refused <message>` (exit code 3).
import { acquireDataDirLock } from '../../../server/src/lock';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: holdDataDirLock.ts <dataDir>');
  process.exit(2);
}
try {
  const lock = acquireDataDirLock(dataDir);
  console.log(`acquired ${process.pid}`);
  process.on('SIGTERM', () => {
    lock.release();
    process.exit(0);
  });
  setInterval(() => {}, 60_000);
} catch (error) {
  console.log(`refused ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
}
