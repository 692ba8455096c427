import { randomUUID } from 'node:crypto';
import type { ConsultationDefinition } from '@civic-pulse/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ADMIN, TOWN } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number): string => new Date(Date.now() + days * DAY).toISOString();

/** An open consultation with one question of each type; `q-text` and `q-multiple` optional. */
export function aDefinition(overrides: Partial<ConsultationDefinition> = {}): ConsultationDefinition {
  return {
    id: 'place-du-marche',
    org: TOWN.id,
    title: 'Réaménagement de la place du marché',
    description: 'Votre avis sur le projet.',
    opensAt: daysFromNow(-1),
    closesAt: daysFromNow(10),
    resultsVisibility: 'after-vote',
    questions: [
      { id: 'q-single', type: 'single', label: 'Quel aménagement ?', required: true, options: [{ id: 'arbres', label: 'Des arbres' }, { id: 'bancs', label: 'Des bancs' }, { id: 'fontaine', label: 'Une fontaine' }] },
      { id: 'q-multiple', type: 'multiple', label: 'Quels usages ?', required: false, min: 1, max: 2, options: [{ id: 'marche', label: 'Marché' }, { id: 'jeux', label: 'Jeux' }, { id: 'concerts', label: 'Concerts' }] },
      { id: 'q-yesno', type: 'yesno', label: 'Le projet est-il pertinent ?', required: true },
      { id: 'q-scale', type: 'scale', label: 'Note', required: true, min: 1, max: 5, minLabel: 'Pas du tout', maxLabel: 'Tout à fait' },
      { id: 'q-ranking', type: 'ranking', label: 'Classez', required: true, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
      { id: 'q-text', type: 'text', label: 'Commentaire', required: false, maxLength: 20 },
    ],
    ideas: { enabled: false, moderation: 'pre' },
    ...overrides,
  };
}

export const goodAnswers = (): Record<string, unknown> => ({
  'q-single': 'arbres',
  'q-multiple': ['marche', 'jeux'],
  'q-yesno': true,
  'q-scale': 4,
  'q-ranking': ['b', 'a', 'c'],
  'q-text': 'Bravo',
});

export function aResponse(answers: Record<string, unknown> = goodAnswers(), participant: string = randomUUID()) {
  return { id: randomUUID(), participant, answers };
}

export function createConsultation(app: FastifyInstance, definition: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/admin/consultations', headers: ADMIN, payload: definition as object });
}

/** Creates it and fails loudly when the app refuses. */
export async function givenConsultation(app: FastifyInstance, definition: ConsultationDefinition = aDefinition()): Promise<string> {
  const created = await createConsultation(app, definition);
  if (created.statusCode !== 201) throw new Error(`could not create the consultation: ${created.body}`);
  return created.json<{ id: string }>().id;
}

export function respond(app: FastifyInstance, id: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/consultations/${id}/responses`, headers, payload: payload as object });
}
