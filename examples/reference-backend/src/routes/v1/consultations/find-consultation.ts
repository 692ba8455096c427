import { consultationStatus, type Consultation } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../../http-error.js';
import type { StoredConsultation, StoredDefinition } from '../../../storage/consultations.js';

/** The consultation named in the URL, or the contract's 404. */
export async function findConsultationOrThrow(app: FastifyInstance, id: string): Promise<StoredConsultation> {
  const found = await app.storage.consultations.find(id);
  if (!found) throw unknownConsultation(id);
  return found;
}

export function unknownConsultation(id: string): HttpError {
  return new HttpError(404, 'unknown-consultation', `There is no consultation "${id}".`);
}

/** The public shape: the definition with the status of this moment. */
export function publicConsultation(definition: StoredDefinition, now = new Date()): Consultation {
  return { ...definition, status: consultationStatus(definition, now) };
}
