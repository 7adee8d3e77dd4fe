// Writes openapi.json at the repository root from the server's schemas: `npx tsx server/scripts/write-openapi.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeOpenApiDocument } from '../src/http/openapi';

const target = fileURLToPath(new URL('../../openapi.json', import.meta.url));
writeFileSync(target, serializeOpenApiDocument());
console.log(`Wrote ${target}`);
