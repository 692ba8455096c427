// From the source, so core's own tests type-check before any build.
import type { Rating } from '../../packages/core/src/index.js';

/** A valid rating with a fresh id; tests change only the fields they are about. */
export function aRating(overrides: Partial<Rating> = {}): Rating {
  return {
    id: crypto.randomUUID(),
    service: 'etat-civil',
    channel: 'counter',
    source: 'kiosk',
    scale: 'smileys-5',
    score: 4,
    reasons: ['waiting-time'],
    comment: 'Accueil aimable, mais 40 minutes d’attente.',
    kioskId: 'mairie-hall',
    occurredAt: '2026-03-02T09:30:00.000Z',
    ...overrides,
  };
}
