import { consultationStatus } from '@civic-pulse/core';
import { HttpError } from '../../http-error.js';

/**
 * Answers, ideas and supports are taken only between a consultation's or a survey's dates: before,
 * 409 not-open; after, 409 closed.
 */
export function checkOpenOrThrow(definition: { opensAt: string; closesAt: string }, noun: 'consultation' | 'survey'): void {
  const status = consultationStatus(definition);
  if (status === 'scheduled') throw new HttpError(409, 'not-open', `This ${noun} opens at ${definition.opensAt}.`);
  if (status === 'closed') throw new HttpError(409, 'closed', `This ${noun} closed at ${definition.closesAt}.`);
}
