import { createMemoryAdapter, type BackendAdapter } from '@civic-pulse/core';

// The poll of the tests of when it fetches the outbox's code: one question, and every response
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

