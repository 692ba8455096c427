import type { SurveyDefinition } from '@civic-pulse/core';
import { aSurveyDefinition, aSurveyResponse } from '@civic-pulse/core/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ADMIN, TOWN } from './helpers.js';

export { aSurveyResponse };

/**
 * The contract suite's survey (a yes/no, a matrix, a scale, and a section shown to managers only),
 * open, in the town, under an id of its own that the tests name.
 */
export const aSurvey = (overrides: Partial<SurveyDefinition> = {}): SurveyDefinition => aSurveyDefinition(TOWN.id, { id: 'qualite-de-vie', ...overrides });

/** The answers of `aSurveyResponse`: an agent who manages no one. */
export const goodSurveyAnswers = (): Record<string, unknown> => aSurveyResponse().answers;

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
