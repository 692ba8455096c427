import type { ConsultationStatus } from './vocabulary.js';

/**
 * The status follows from the dates alone, so that it is never stale: `opensAt` is inclusive,
 * `closesAt` exclusive. Plain code, without zod, for the element as much as for the server.
 */
export function consultationStatus(dates: { opensAt: string; closesAt: string }, now: Date = new Date()): ConsultationStatus {
  const time = now.getTime();
  if (time < Date.parse(dates.opensAt)) return 'scheduled';
  if (time >= Date.parse(dates.closesAt)) return 'closed';
  return 'open';
}
