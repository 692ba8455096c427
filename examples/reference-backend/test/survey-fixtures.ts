import { randomUUID } from 'node:crypto';
import type { SurveyDefinition } from '@civic-pulse/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { daysFromNow } from './consultation-fixtures.js';
import { ADMIN, TOWN } from './helpers.js';

const likert = [
  { id: 'pas-du-tout', label: 'Pas du tout d’accord' },
  { id: 'plutot-non', label: 'Plutôt pas d’accord' },
  { id: 'plutot-oui', label: 'Plutôt d’accord' },
  { id: 'tout-a-fait', label: 'Tout à fait d’accord' },
];

/** An open survey: a first section, a matrix, and a section shown to managers only. */
export function aSurvey(overrides: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    id: 'qualite-de-vie',
    org: TOWN.id,
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
            options: likert,
            statements: [
              { id: 'ecoute', label: 'Je suis écouté·e' },
              { id: 'moyens', label: 'J’ai les moyens de bien faire' },
            ],
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

export const goodSurveyAnswers = (): Record<string, unknown> => ({
  encadrant: false,
  climat: { ecoute: 'plutot-oui', moyens: 'pas-du-tout' },
  note: 7,
});

export const aSurveyResponse = (answers: Record<string, unknown> = goodSurveyAnswers()) => ({ id: randomUUID(), answers });

export function createSurvey(app: FastifyInstance, definition: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/v1/admin/surveys', headers: ADMIN, payload: definition as object });
}

/** Creates the survey and `count` invitations; fails loudly when the app refuses. */
export async function givenSurvey(app: FastifyInstance, definition: SurveyDefinition = aSurvey(), count = 3): Promise<{ id: string; tokens: string[] }> {
  const created = await createSurvey(app, definition);
  if (created.statusCode !== 201) throw new Error(`could not create the survey: ${created.body}`);
  const { id } = created.json<{ id: string }>();
  return { id, tokens: await invite(app, id, count) };
}

export async function invite(app: FastifyInstance, id: string, count: number): Promise<string[]> {
  const invited = await app.inject({ method: 'POST', url: `/v1/admin/surveys/${id}/invitations`, headers: ADMIN, payload: { count } });
  if (invited.statusCode !== 201) throw new Error(`could not invite: ${invited.body}`);
  return invited.json<{ tokens: string[] }>().tokens;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function readSurvey(app: FastifyInstance, id: string, token: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/v1/surveys/${id}`, headers: { ...bearer(token), ...headers } });
}

export function answerSurvey(app: FastifyInstance, id: string, token: string, payload: unknown = aSurveyResponse(), headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/surveys/${id}/responses`, headers: { ...bearer(token), ...headers }, payload: payload as object });
}

export function updateSurvey(app: FastifyInstance, id: string, definition: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PUT', url: `/v1/admin/surveys/${id}`, headers: ADMIN, payload: definition as object });
}

export function closeSurvey(app: FastifyInstance, id: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/v1/admin/surveys/${id}/close`, headers: ADMIN });
}

/** A manager's read token for the survey; fails loudly when the app refuses. */
export async function issueReader(app: FastifyInstance, id: string): Promise<string> {
  const issued = await app.inject({ method: 'POST', url: `/v1/admin/surveys/${id}/readers`, headers: ADMIN });
  if (issued.statusCode !== 201) throw new Error(`could not issue a read token: ${issued.body}`);
  return issued.json<{ token: string }>().token;
}
