import { useSyncExternalStore } from 'react';
import { loadedPhone, loadPhone } from '../../core/phoneLoader';
import type { PhoneModule } from '../../core/phoneLoader';

function subscribe(onLoaded: () => void): () => void {
  if (loadedPhone() !== undefined) return () => {};
  let subscribed = true;
  // Without the chunk a widget keeps showing numbers as stored (E.164): readable, just unformatted.
  loadPhone().then(
    () => subscribed && onLoaded(),
    () => {},
  );
  return () => {
    subscribed = false;
  };
}

// Starts nothing: a closed dialog reads whatever has loaded when it renders, and subscribes once open.
const subscribeWithoutLoading = () => () => {};

const getServerSnapshot = () => undefined;

/**
 * The phone functions (`formatPhone`, `normalizePhone`...), loaded on first use in a chunk of
 * their own: `undefined` until then (and on the server, so hydration matches), then the module.
 * With `load` false it starts no load (a closed dialog), and returns the functions if they have loaded.
 */
export function usePhone(load = true): PhoneModule | undefined {
  return useSyncExternalStore(load ? subscribe : subscribeWithoutLoading, loadedPhone, getServerSnapshot);
}

/** A stored (E.164) number formatted for people once the phone functions have loaded; as stored until then. */
export function FormattedPhone({ e164 }: { e164: string }): string {
  const phone = usePhone();
  return phone === undefined ? e164 : phone.formatPhone(e164);
}
