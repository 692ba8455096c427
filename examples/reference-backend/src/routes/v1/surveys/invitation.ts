import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../../../http-error.js';

/** The token of `Authorization: Bearer <token>` (an invitation's, or a manager's read token), or the 401 that asks for it. */
export function presentedToken(request: FastifyRequest, kind: 'invitation token' | 'read token' = 'invitation token'): string {
  const token = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) throw new HttpError(401, 'unauthorized', `This survey needs Authorization: Bearer <${kind}>.`);
  return token;
}

/**
 * Checks the token before anything about the survey is said: without a valid invitation, an unknown
 * survey and a known one answer the same 403, so survey ids cannot be probed.
 */
export async function checkUnusedInvitation(app: FastifyInstance, surveyId: string, token: string): Promise<void> {
  const state = await app.storage.surveys.invitation(surveyId, token);
  if (state === 'unknown') throw unknownToken();
  if (state === 'used') throw tokenUsed();
}

export function unknownToken(): HttpError {
  return new HttpError(403, 'unknown-token', 'This invitation token does not open this survey.');
}

export function tokenUsed(): HttpError {
  return new HttpError(403, 'token-used', 'This invitation was already used to answer: a survey takes one response per invitation.');
}
