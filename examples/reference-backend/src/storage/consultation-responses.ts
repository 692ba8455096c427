import { resultsOf, tallyIncrements, type ConsultationResponse, type ConsultationResults, type Receipt } from '@civic-pulse/core';
import type { StoredWrite } from '../idempotency.js';
import type { StoredConsultation } from './consultations.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique-violation.js';

/**
 * `stored`: written with its tallies. `id-taken`: a concurrent request stored this response id
 * first (the caller replays it). `already-answered`: the participant has another response.
 * `changed`: the definition was replaced since the answers were checked.
 */
export type InsertOutcome = { stored: Receipt } | 'id-taken' | 'already-answered' | 'changed';

export interface ConsultationResponseRepository {
  findSubmission(id: string): Promise<StoredWrite<Receipt> | undefined>;
  hasAnswered(consultationId: string, participant: string): Promise<boolean>;
  /** Stores the response, the response count and the tallies in one transaction. */
  insert(consultation: StoredConsultation, response: ConsultationResponse, bodyHash: string): Promise<InsertOutcome>;
  results(consultation: StoredConsultation): Promise<ConsultationResults>;
}

export function createConsultationResponseRepository(db: Db): ConsultationResponseRepository {
  async function findSubmission(id: string): Promise<StoredWrite<Receipt> | undefined> {
    const row = await db
      .selectFrom('consultation_responses')
      .select(['id', 'body_hash', 'received_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { bodyHash: row.body_hash, receipt: { id: row.id, receivedAt: row.received_at } };
  }

  async function hasAnswered(consultationId: string, participant: string): Promise<boolean> {
    const row = await db
      .selectFrom('consultation_responses')
      .select('id')
      .where('consultation_id', '=', consultationId)
      .where('participant', '=', participant)
      .executeTakeFirst();
    return row !== undefined;
  }

  async function insert(consultation: StoredConsultation, response: ConsultationResponse, bodyHash: string): Promise<InsertOutcome> {
    const { definition } = consultation;
    const receipt = { id: response.id, receivedAt: new Date().toISOString() };
    try {
      const stored = await db.transaction().execute(async (trx) => {
        // First, so that on PostgreSQL the row lock queues the responses of one consultation and
        // the revision check sees any PUT that committed before.
        const { numUpdatedRows } = await trx
          .updateTable('consultations')
          .set((eb) => ({ responses: eb('responses', '+', 1) }))
          .where('id', '=', definition.id)
          .where('revision', '=', consultation.revision)
          .executeTakeFirst();
        if (numUpdatedRows === 0n) return false;
        await trx
          .insertInto('consultation_responses')
          .values({
            id: response.id,
            consultation_id: definition.id,
            participant: response.participant,
            answers: JSON.stringify(response.answers),
            received_at: receipt.receivedAt,
            body_hash: bodyHash,
          })
          .execute();
        const increments = tallyIncrements(definition.questions, response.answers);
        if (increments.length > 0) {
          await trx
            .insertInto('consultation_tallies')
            .values(increments.map(({ questionId, key, count }) => ({ consultation_id: definition.id, question_id: questionId, key, count })))
            .onConflict((conflict) =>
              conflict.columns(['consultation_id', 'question_id', 'key']).doUpdateSet((eb) => ({
                count: eb('consultation_tallies.count', '+', eb.ref('excluded.count')),
              })),
            )
            .execute();
        }
        return true;
      });
      return stored ? { stored: receipt } : 'changed';
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Two constraints may refuse the row: the response id (a retry racing itself) or the
      // participant (a second answer racing the first).
      return (await findSubmission(response.id)) ? 'id-taken' : 'already-answered';
    }
  }

  async function results(consultation: StoredConsultation): Promise<ConsultationResults> {
    const rows = await db
      .selectFrom('consultation_tallies')
      .select(['question_id', 'key', 'count'])
      .where('consultation_id', '=', consultation.definition.id)
      .execute();
    return resultsOf(consultation.definition, consultation.responses, rows);
  }

  return { findSubmission, hasAnswered, insert, results };
}
