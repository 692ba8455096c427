// The agents' survey the adapter tests share: the contract suite, the memory and http adapters'
// own tests, and the reference backend's tests (through @civic-pulse/core/testing). A yes/no, a matrix, a scale, and a section shown to managers only.
import { randomUUID } from 'node:crypto';
import type { SurveyDefinition, SurveyResponse } from '../contract/survey.js';

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** An open survey of `org` (from yesterday for ten days), with a fresh id unless `overrides` gives one. */
export function aSurveyDefinition(org: string, overrides: Partial<SurveyDefinition> = {}): SurveyDefinition & { id: string } {
  return {
    id: `contract-${randomUUID().slice(0, 8)}`,
    org,
    title: 'Qualité de vie au travail',
    intro: 'Vos réponses sont anonymes.',
    opensAt: daysFromNow(-1),
    closesAt: daysFromNow(10),
    sections: [
      { id: 'vous', title: 'Vous', questions: [{ id: 'encadrant', type: 'yesno', label: 'Encadrez-vous ?', required: true }] },
      {
        id: 'climat',
        title: 'Climat',
        questions: [
          {
            id: 'climat',
            type: 'matrix',
            label: 'Êtes-vous d’accord ?',
            required: true,
            options: [{ id: 'non', label: 'Non' }, { id: 'plutot', label: 'Plutôt' }, { id: 'oui', label: 'Oui' }],
            statements: [{ id: 'ecoute', label: 'Je suis écouté·e' }, { id: 'moyens', label: 'J’ai les moyens de bien faire' }],
          },
          { id: 'note', type: 'scale', label: 'Note', required: true, min: 0, max: 10 },
        ],
      },
      {
        id: 'encadrement',
        title: 'Encadrement',
        showIf: { question: 'encadrant', equals: true },
        questions: [{ id: 'charge', type: 'text', label: 'Ce qui pèse', required: true, maxLength: 200 }],
      },
    ],
    ...overrides,
  };
}

/** A response that fits `aSurveyDefinition`: an agent who manages no one. */
export const aSurveyResponse = (answers: Record<string, unknown> = { encadrant: false, climat: { ecoute: 'oui', moyens: 'non' }, note: 7 }): SurveyResponse => ({
  id: randomUUID(),
  answers,
});
