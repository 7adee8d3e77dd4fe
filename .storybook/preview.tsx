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
  initialGlobals: {
    theme: 'light',
    dir: 'ltr',
    // The story tests (a browser driven by Playwright) run every story at a phone's width: axe,
    // and no sideways overflow (afterEach). Storybook opened by a person starts at full width.
    ...(typeof navigator !== 'undefined' && navigator.webdriver ? { viewport: { value: 'phone390' } } : {}),
  },
  parameters: {
    // An axe violation fails the story test.
    a11y: { test: 'error' },
    layout: 'padded',
    // phone390: where the story tests run every story; desktop1280: for stories about the wide layout
    // (`globals: { viewport: { value: 'desktop1280' } }`).
    viewport: {
      options: {
        phone390: { name: 'Phone (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        desktop1280: { name: 'Desktop (1280 × 800)', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
  },
  tags: ['autodocs'],
  // Every story, in every theme and direction: nothing may push the page sideways. The story
  // tests run at 390 px (initialGlobals), a phone's width, so each widget is checked there.
  afterEach: ({ canvasElement }) => {
    const page = canvasElement.ownerDocument.documentElement;
    if (page.scrollWidth > page.clientWidth) {
      throw new Error(`The story overflows its ${page.clientWidth} px viewport sideways: the page is ${page.scrollWidth} px wide.`);
    }
  },
};

export default preview;
