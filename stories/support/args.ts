// Controls that every element's stories share.
import type { InputType } from 'storybook/internal/types';

/** The `lang` attribute: empty follows the page around the element, as on a city's site. */
export type LangArg = '' | 'fr' | 'en';

export const langArgType: InputType = {
  control: 'inline-radio',
  options: ['', 'fr', 'en'] satisfies LangArg[],
  description: '`fr` or `en`; empty follows the page (the toolbar’s language).',
  table: { defaultValue: { summary: '(the page’s lang)' } },
};
