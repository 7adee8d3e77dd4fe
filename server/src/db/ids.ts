import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7: its first 48 bits are the creation time in milliseconds and the next 12 a counter,
 * so ids made later sort later (as text too). That makes `id` a meaningful tie-breaker of
 * "newest first" between rows created in the same millisecond.
 */
export function createSortableId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter += 1;
    // 4096 ids in one millisecond: borrow the next millisecond rather than wrap around.
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  }
  const random = randomBytes(8);
  const timeHex = lastMs.toString(16).padStart(12, '0');
  const versionAndCounter = (0x7000 | counter).toString(16);
  const variantHigh = ((random[0] as number) & 0x3f) | 0x80;
  const rest = Buffer.from([variantHigh, ...random.subarray(1)]).toString('hex');
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8)}-${versionAndCounter}-${rest.slice(0, 4)}-${rest.slice(4)}`;
}
