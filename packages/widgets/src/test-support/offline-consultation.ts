import { createMemoryAdapter, type BackendAdapter, type Consultation } from '@civic-pulse/core';

// The poll and the ideas of the tests of when they fetch the outbox's code: every response or idea
// sent fails as a connection gone does, so that what is sent must be kept on the device.

const DAY = 86_400_000;
const OFFLINE = { ok: false as const, error: { kind: 'network' as const, code: 'network', message: 'Offline.' } };

/** The consultation `parc-des-berges`, open, whose responses all fail on the network. */
export function offlinePollAdapter(): BackendAdapter {
  const base = createMemoryAdapter({
    consultations: [
      {
        id: 'parc-des-berges',
        org: 'ville-exemple',
        title: 'Aménagement du parc des Berges',
        description: 'La ville réaménage le parc en 2027.',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        resultsVisibility: 'after-close',
        questions: [
          { id: 'usage', type: 'single', label: 'Comment venez-vous au parc\u202f?', required: true, options: [{ id: 'velo', label: 'À vélo' }, { id: 'pied', label: 'À pied' }] },
        ],
        ideas: { enabled: false, moderation: 'pre' },
      },
    ],
  });
  return { ...base, getConsultation: (...args) => base.getConsultation(...args), submitConsultationResponse: async () => OFFLINE };
}


/** A consultation open to ideas, to give `<civic-consultation-ideas>` directly. */
export const ideasConsultation: Consultation = {
  id: 'place-du-marche',
  title: 'Réaménagement de la place du marché',
  description: 'Donnez votre avis sur le projet.',
  opensAt: new Date(Date.now() - DAY).toISOString(),
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  status: 'open',
  resultsVisibility: 'after-vote',
  questions: [{ id: 'arbres', type: 'yesno', label: 'Plus d’arbres ?', required: true }],
  ideas: { enabled: true, moderation: 'pre' },
};

/** No idea yet, and every idea proposed fails as a connection gone does. */
export function offlineIdeasAdapter(): BackendAdapter {
  return { ...createMemoryAdapter(), listIdeas: async () => ({ ok: true, data: [] }), submitIdea: async () => OFFLINE };
}
