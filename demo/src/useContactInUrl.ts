import { useCallback, useEffect, useState } from 'react';

const parameter = 'contact';

function contactFromUrl(): string | null {
  const id = new URLSearchParams(window.location.search).get(parameter);
  return id === null || id === '' ? null : id;
}

/**
 * The selected contact's id, kept in the page's address as `?contact=<id>`: a reload or a shared
 * link opens the same contact, and the browser's Back and Forward move between contacts.
 */
export function useContactInUrl(): [string | null, (contactId: string | null) => void] {
  const [contactId, setContactId] = useState(contactFromUrl);

  useEffect(() => {
    const onPopState = () => setContactId(contactFromUrl());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const select = useCallback((next: string | null) => {
    if (next === contactFromUrl()) return;
    const url = new URL(window.location.href);
    if (next === null) url.searchParams.delete(parameter);
    else url.searchParams.set(parameter, next);
    window.history.pushState(null, '', url);
    setContactId(next);
  }, []);

  return [contactId, select];
}
