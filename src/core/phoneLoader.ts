// The phone functions with libphonenumber's metadata (about 35 kB gzip, the largest piece of a
// widget's bundle) in a chunk of their own, loaded the first time a widget needs them: a list
// paints its rows first and formats their numbers once the chunk has arrived. `normalizePhone`
// and the rest stay synchronous in `reachout/core` for Node and for hosts that want them at once.

import type * as phone from './phone';

export type PhoneModule = typeof phone;

let loaded: PhoneModule | undefined;
let loading: Promise<PhoneModule> | undefined;

/** Loads the phone functions once; a failed load (a chunk that did not arrive) is retried on the next call. */
export function loadPhone(): Promise<PhoneModule> {
  loading ??= import('./phone').then(
    (phone) => (loaded = phone),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The phone functions if they have been loaded, else `undefined`. */
export function loadedPhone(): PhoneModule | undefined {
  return loaded;
}
