import { consultationStatus, type Survey } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import type { StoredSurvey, SurveyRecord } from '../../../storage/surveys.js';

/** The survey named in the URL, or a 404 (admin routes only: public ones answer 403 first). */
export async function findSurveyOrThrow(app: FastifyInstance, id: string): Promise<SurveyRecord> {
  const found = await app.storage.surveys.find(id);
  if (!found) throw unknownSurvey(id);
  return found;
}

export const unknownSurvey = (id: string): HttpError => new HttpError(404, 'unknown-survey', `There is no survey "${id}".`);

/** The shape an invited agent reads: the definition with the status of this moment. */
export function publicSurvey(survey: StoredSurvey, now = new Date()): Survey {
  return { ...survey, status: consultationStatus(survey, now) };
}
