import type { Decorator, Preview } from '@storybook/react-vite';
import '../src/styles.css';
import './preview.css';

/** Theme and direction toolbar globals, also settable per story through `globals`. */
const withThemeAndDirection: Decorator = (Story, context) => {
  const theme = (context.globals.theme as string | undefined) ?? 'light';
  const dir = (context.globals.dir as 'ltr' | 'rtl' | undefined) ?? 'ltr';
  return (
    <div
      className={theme === 'dark' ? 'reachout-theme-dark story-canvas' : 'reachout-theme-light story-canvas'}
      data-theme={theme}
      dir={dir}
      lang={dir === 'rtl' ? 'ar' : 'en'}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  decorators: [withThemeAndDirection],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  parameters: {
    // An axe violation fails the story test.
    a11y: { test: 'error' },
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
  tags: ['autodocs'],
};

export default preview;
