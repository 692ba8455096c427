import type { Db } from './database.js';

/**
 * The answers of a consultation for its exports, and nothing else: no response id, participant
 * or time is read, so none can leak into a file. In no particular order; the export sorts them.
 */
export interface ConsultationAnswerRepository {
  list(consultationId: string): Promise<Record<string, unknown>[]>;
}

export function createConsultationAnswerRepository(db: Db): ConsultationAnswerRepository {
  async function list(consultationId: string): Promise<Record<string, unknown>[]> {
    const rows = await db.selectFrom('consultation_responses').select('answers').where('consultation_id', '=', consultationId).execute();
    return rows.map((row) => JSON.parse(row.answers) as Record<string, unknown>);
  }

  return { list };
}
