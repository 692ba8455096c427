import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { mswLoader } from 'msw-storybook-addon/csf3';

const preview: Preview = {
  // Starts msw's worker once, then gives each story the handlers of its `parameters.msw`.
  loaders: [mswLoader()],
  globalTypes: {
    lang: {
      description: 'The lang of the page around the element',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr' },
  decorators: [
    // The language reaches the element as on a city's site, from the nearest `lang` around it;
    // its own `lang` attribute still wins. Keyed, because the element reads the page's lang when
    // it renders: a new language gets a new element rather than a stale one.
    (story, { globals }) => html`<div lang=${globals.lang}>${keyed(globals.lang, story())}</div>`,
  ],
};

export default preview;
