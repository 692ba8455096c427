import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SurveyDefinition, SurveyResponse } from '@civic-pulse/core';
import { canBeId } from './consultations.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique-violation.js';

/** A survey definition as stored: its id is always set (the server makes one when the admin gave none). */
export type StoredSurvey = SurveyDefinition & { id: string };

/** What an invitation token can open: `unknown` also for a token of another survey. */
export type InvitationState = 'unknown' | 'used' | 'unused';

/** `stored`: the token is now used and the answers are kept. `used`: another request used it first. */
export type SurveyResponseOutcome = 'stored' | 'used';

export interface SurveyRepository {
  find(id: string): Promise<StoredSurvey | undefined>;
  /** The org whose origins may call the survey's public routes (CORS). */
  orgOf(id: string): Promise<string | undefined>;
  /** `false` when the id is taken. */
  create(survey: StoredSurvey): Promise<boolean>;
  /** Makes `count` new tokens for the survey and keeps only their hashes. */
  invite(surveyId: string, count: number): Promise<string[]>;
  invitation(surveyId: string, token: string): Promise<InvitationState>;
  /**
   * In one transaction: marks the token used if it was unused, then stores the answers, with a
   * fresh random id and the day only. Two requests with one token store one response.
   */
  respond(surveyId: string, token: string, response: SurveyResponse, now?: Date): Promise<SurveyResponseOutcome>;
}

export function createSurveyRepository(db: Db): SurveyRepository {
  async function find(id: string): Promise<StoredSurvey | undefined> {
    if (!canBeId(id)) return undefined;
    const row = await db.selectFrom('surveys').select('definition').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.definition) as StoredSurvey);
  }

  async function orgOf(id: string): Promise<string | undefined> {
    if (!canBeId(id)) return undefined;
    const row = await db.selectFrom('surveys').select('org_id').where('id', '=', id).executeTakeFirst();
    return row?.org_id;
  }

  async function create(survey: StoredSurvey): Promise<boolean> {
    try {
      await db
        .insertInto('surveys')
        .values({
          id: survey.id,
          org_id: survey.org,
          definition: JSON.stringify(survey),
          opens_at: new Date(survey.opensAt).toISOString(),
          closes_at: new Date(survey.closesAt).toISOString(),
          created_at: new Date().toISOString(),
        })
        .execute();
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async function invite(surveyId: string, count: number): Promise<string[]> {
    const tokens = Array.from({ length: count }, newToken);
    await db
      .insertInto('survey_invitations')
      .values(tokens.map((token) => ({ token_hash: tokenHash(token), survey_id: surveyId, used: 0 })))
      .execute();
    return tokens;
  }

  async function invitation(surveyId: string, token: string): Promise<InvitationState> {
    if (!canBeId(surveyId)) return 'unknown';
    const row = await db
      .selectFrom('survey_invitations')
      .select('used')
      .where('token_hash', '=', tokenHash(token))
      .where('survey_id', '=', surveyId)
      .executeTakeFirst();
    if (!row) return 'unknown';
    return row.used ? 'used' : 'unused';
  }

  async function respond(surveyId: string, token: string, response: SurveyResponse, now = new Date()): Promise<SurveyResponseOutcome> {
    return db.transaction().execute(async (trx) => {
      // The conditional update is the one place that decides: of two requests with one token, the
      // second matches no row (on PostgreSQL it waits for the first's row lock, then re-reads).
      const { numUpdatedRows } = await trx
        .updateTable('survey_invitations')
        .set({ used: 1 })
        .where('token_hash', '=', tokenHash(token))
        .where('survey_id', '=', surveyId)
        .where('used', '=', 0)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) return 'used';
      await trx
        .insertInto('survey_responses')
        .values({ id: randomUUID(), survey_id: surveyId, answers: JSON.stringify(response.answers), received_day: now.toISOString().slice(0, 10) })
        .execute();
      return 'stored';
    });
  }

  return { find, orgOf, create, invite, invitation, respond };
}

/**
 * 160 random bits in hex: URL-safe, and never starting with a character a spreadsheet would read
 * as a formula (the CSV export would then have to alter it).
 */
function newToken(): string {
  return randomBytes(20).toString('hex');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
