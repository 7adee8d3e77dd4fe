import type { Theme } from './useTheme';

export interface ThemeToggleProps {
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
}

/** "Dark theme", a toggle button: pressed means dark. */
export function ThemeToggle({ theme, onThemeChange }: ThemeToggleProps) {
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="demo-button demo-theme-toggle"
      data-variant="ghost"
      aria-pressed={dark}
      onClick={() => onThemeChange(dark ? 'light' : 'dark')}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="demo-button__icon">
        {dark ? (
          <path d="M15.5 12.6A6.5 6.5 0 0 1 7.4 4.5 6.5 6.5 0 1 0 15.5 12.6z" />
        ) : (
          <>
            <circle cx="10" cy="10" r="3.5" />
            <path d="M10 1.5v2.5M10 16v2.5M1.5 10H4M16 10h2.5M4 4l1.8 1.8M14.2 14.2 16 16M4 16l1.8-1.8M14.2 5.8 16 4" strokeWidth="1.6" strokeLinecap="round" fill="none" stroke="currentColor" />
          </>
        )}
      </svg>
      Dark theme
    </button>
  );
}
