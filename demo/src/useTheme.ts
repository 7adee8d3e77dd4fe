import { useCallback, useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';

const storageKey = 'reachout-demo-theme';

function storedTheme(): Theme | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    // Storage can be blocked (privacy settings): fall back to the system setting.
    return null;
  }
}

/** The theme chosen last time, else the system's. */
export function initialTheme(): Theme {
  return storedTheme() ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/**
 * Puts Reachout's theme class on `<html>`, so the page and the dialogs Reachout renders into
 * `<body>` share one theme.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.classList.toggle('reachout-theme-dark', theme === 'dark');
  root.classList.toggle('reachout-theme-light', theme === 'light');
}

/** The page's light or dark theme, applied to `<html>` and remembered in this browser. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState(initialTheme);

  useEffect(() => {
    applyTheme(theme);
  }, [theme]);

  const choose = useCallback((next: Theme) => {
    setTheme(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembered; the choice still applies to this visit.
    }
  }, []);

  return [theme, choose];
}
