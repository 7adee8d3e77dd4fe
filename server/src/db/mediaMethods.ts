import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ReachoutBackend, StoredMedia } from '../backend';
import type { BackendContext } from './backendContext';
import { media } from './schema';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uploaded media of the database backend (template headers), stored in the database. */
export function createMediaMethods(context: BackendContext): ReachoutBackend['media'] {
  const { database, now } = context;
  return {
    async put(stored: StoredMedia, purpose) {
      const id = randomUUID();
      await database.insert(media).values({
        id,
        contentType: stored.contentType,
        filename: stored.filename ?? null,
        bytes: stored.bytes,
        purpose,
        createdAt: now(),
      });
      return { id };
    },
    async get(id) {
      if (!uuidPattern.test(id)) return null;
      const [row] = await database.select().from(media).where(eq(media.id, id)).limit(1);
      if (!row) return null;
      return {
        bytes: row.bytes,
        contentType: row.contentType,
        ...(row.filename === null ? {} : { filename: row.filename }),
      };
    },
  };
}
