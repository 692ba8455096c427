// In a file of its own: the outbox's code must not be loaded yet when the test starts.
import { createMemoryAdapter, type BackendAdapter } from '@civic-pulse/core';
import './civic-agent-survey.js';
import type { AgentSurvey } from './agent-survey.js';
import { forgetOutboxesAfter, keptAfterTheConnectionWent, outboxCodeComesWithTheView, startWithoutOutbox } from '../test-support/outbox-chunk.js';

const DAY = 86_400_000;
const SURVEY = 'qualite-de-service-2027';

/** A one-question survey whose every send fails as a connection gone does, and an invitation to it. */
function offlineBackend(): { adapter: BackendAdapter; token: string } {
  const base = createMemoryAdapter({
    surveys: [
      {
        id: SURVEY,
        org: 'ville-exemple',
        title: 'Qualité du service rendu 2027',
        intro: 'Cette enquête interne nous aide à améliorer nos conditions de travail.',
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 20 * DAY).toISOString(),
        sections: [{ id: 'vous', title: 'Vous et votre service', questions: [{ id: 'encadrant', type: 'yesno', label: 'Encadrez-vous une équipe\u202f?', required: true }] }],
      },
    ],
  });
  const [token] = base.inviteToSurvey(SURVEY, 1);
  const adapter: BackendAdapter = {
    ...base,
    getSurvey: (...args) => base.getSurvey(...args),
    submitSurveyResponse: async () => ({ ok: false, error: { kind: 'network', code: 'network', message: 'Offline.' } }),
  };
  return { adapter, token: token! };
}

const part = (el: AgentSurvey, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<civic-agent-survey> offline before the first answer', () => {
  before(startWithoutOutbox);
  afterEach(() => localStorage.clear());

  after(forgetOutboxesAfter);

  it('fetches the outbox’s code once in view, before any answer, and keeps the answers given after the connection went', async () => {
    const { adapter, token } = offlineBackend();
    const el = document.createElement('civic-agent-survey') as AgentSurvey;
    Object.assign(el, { survey: SURVEY, token, adapter });
    await outboxCodeComesWithTheView(el, () => part(el, 'start'));
    const answer = async () => {
      part(el, 'start')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLInputElement>('input[value="true"]')!.click();
      await el.updateComplete;
      part(el, 'submit')!.click();
    };
    await keptAfterTheConnectionWent(el, answer, 'Vos réponses sont enregistrées sur cet appareil et seront envoyées dès que la connexion reviendra.');
  });
});
