import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { consultationStatus, DEFAULT_MINIMUM_GROUP, type SurveyDefinition, type SurveyResponse } from '@civic-pulse/core';
import { canBeId, closeNow } from './consultations.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './unique-violation.js';

/** A survey definition as stored: its id is always set (the server makes one when the admin gave none). */
export type StoredSurvey = SurveyDefinition & { id: string };

/** What an invitation token can open: `unknown` also for a token of another survey. */
export type InvitationState = 'unknown' | 'used' | 'unused';

/**
 * `stored`: the token is now used and the answers are kept. `used`: another request used it first.
 * `changed`: the definition was replaced since the answers were checked (nothing was written).
 */
export type SurveyResponseOutcome = 'stored' | 'used' | 'changed';

/** A survey as stored, with what guards its changes. */
export interface SurveyRecord {
  definition: StoredSurvey;
  /** Raised by each update: a response checked against one revision is stored only under it. */
  revision: number;
  responses: number;
}

/** What an update may not change once the survey has responses, each named with the reason. */
export type FrozenChange = { path: 'org' | 'sections' | 'minimumGroup' | 'closesAt'; message: string };

export type SurveyUpdateOutcome = 'updated' | 'unknown' | { frozen: FrozenChange[] };

export interface SurveyParticipation {
  /** Invitations issued. */
  invited: number;
  /** Responses received. */
  received: number;
}

export interface SurveyRepository {
  find(id: string): Promise<SurveyRecord | undefined>;
  /** The org whose origins may call the survey's public routes (CORS). */
  orgOf(id: string): Promise<string | undefined>;
  /** `false` when the id is taken. */
  create(survey: StoredSurvey): Promise<boolean>;
  /** Replaces the definition; once responses exist, only what leaves their meaning intact (see frozenChanges). */
  update(survey: StoredSurvey, now?: Date): Promise<SurveyUpdateOutcome>;
  /** Moves closesAt to `now` unless it is already past; `false` for an unknown id. */
  close(id: string, now: Date): Promise<boolean>;
  /** Makes `count` new tokens for the survey and keeps only their hashes. */
  invite(surveyId: string, count: number): Promise<string[]>;
  invitation(surveyId: string, token: string): Promise<InvitationState>;
  /**
   * In one transaction: counts the response under the revision its answers were checked against,
   * marks the token used if it was unused, then stores the answers, with a fresh random id and the
   * day only. Two requests with one token store one response.
   */
  respond(survey: { id: string; revision: number }, token: string, response: SurveyResponse, now?: Date): Promise<SurveyResponseOutcome>;
  /** Every stored response's answers, in the order of their random ids: nothing of their arrival. */
  answers(surveyId: string): Promise<Record<string, unknown>[]>;
  participation(surveyId: string): Promise<SurveyParticipation>;
  /** Makes a manager's read token for the survey's results; only its hash is kept. */
  issueReader(surveyId: string): Promise<string>;
  /** Whether the token reads this survey's results (`false` for a token of another survey, or an invitation). */
  isReader(surveyId: string, token: string): Promise<boolean>;
}

export function createSurveyRepository(db: Db): SurveyRepository {
  async function find(id: string): Promise<SurveyRecord | undefined> {
    if (!canBeId(id)) return undefined;
    const row = await db.selectFrom('surveys').select(['definition', 'revision', 'responses']).where('id', '=', id).executeTakeFirst();
    return row && { definition: JSON.parse(row.definition) as StoredSurvey, revision: row.revision, responses: row.responses };
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
          ...columnsOf(survey),
          created_at: new Date().toISOString(),
          revision: 1,
          responses: 0,
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

  async function update(survey: StoredSurvey, now = new Date()): Promise<SurveyUpdateOutcome> {
    const found = await find(survey.id);
    if (!found) return 'unknown';
    const frozen = frozenChanges(found, survey, now);
    if (frozen.length > 0) return { frozen };
    // Guarded by what was read above: a response or a close in between makes it match no row,
    // and the rules are read again against what they stored.
    const { numUpdatedRows } = await db
      .updateTable('surveys')
      .set((eb) => ({ ...columnsOf(survey), org_id: survey.org, revision: eb('revision', '+', 1) }))
      .where('id', '=', survey.id)
      .where('revision', '=', found.revision)
      .where('responses', '=', found.responses)
      .where('closes_at', '=', columnsOf(found.definition).closes_at)
      .executeTakeFirst();
    return numUpdatedRows > 0n ? 'updated' : update(survey, now);
  }

  async function close(id: string, now: Date): Promise<boolean> {
    return closeNow(now, () => find(id), async (definition, revision) => {
      // The revision is not raised: the questions are the same, so responses in flight still count.
      const { numUpdatedRows } = await db.updateTable('surveys').set(columnsOf(definition)).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
      return numUpdatedRows > 0n;
    });
  }

  async function respond(survey: { id: string; revision: number }, token: string, response: SurveyResponse, now = new Date()): Promise<SurveyResponseOutcome> {
    try {
      return await db.transaction().execute(async (trx) => {
        // First, so that on PostgreSQL the survey's row lock queues its responses and the revision
        // check sees any update that committed before.
        const counted = await trx
          .updateTable('surveys')
          .set((eb) => ({ responses: eb('responses', '+', 1) }))
          .where('id', '=', survey.id)
          .where('revision', '=', survey.revision)
          .executeTakeFirst();
        if (counted.numUpdatedRows === 0n) return 'changed';
        // The conditional update is the one place that decides: of two requests with one token, the
        // second matches no row (on PostgreSQL it waits for the first's row lock, then re-reads).
        const { numUpdatedRows } = await trx
          .updateTable('survey_invitations')
          .set({ used: 1 })
          .where('token_hash', '=', tokenHash(token))
          .where('survey_id', '=', survey.id)
          .where('used', '=', 0)
          .executeTakeFirst();
        if (numUpdatedRows === 0n) throw new TokenUsed();
        await trx
          .insertInto('survey_responses')
          .values({ id: randomUUID(), survey_id: survey.id, answers: JSON.stringify(response.answers), received_day: now.toISOString().slice(0, 10) })
          .execute();
        return 'stored';
      });
    } catch (error) {
      // Thrown to roll the count back.
      if (error instanceof TokenUsed) return 'used';
      throw error;
    }
  }

  async function answers(surveyId: string): Promise<Record<string, unknown>[]> {
    const rows = await db.selectFrom('survey_responses').select('answers').where('survey_id', '=', surveyId).orderBy('id').execute();
    return rows.map((row) => JSON.parse(row.answers) as Record<string, unknown>);
  }

  async function participation(surveyId: string): Promise<SurveyParticipation> {
    const count = (table: 'survey_invitations' | 'survey_responses') =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
        .where('survey_id', '=', surveyId)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.count));
    const [invited, received] = await Promise.all([count('survey_invitations'), count('survey_responses')]);
    return { invited, received };
  }

  async function issueReader(surveyId: string): Promise<string> {
    const token = newToken();
    await db.insertInto('survey_readers').values({ token_hash: tokenHash(token), survey_id: surveyId }).execute();
    return token;
  }

  async function isReader(surveyId: string, token: string): Promise<boolean> {
    if (!canBeId(surveyId)) return false;
    const row = await db
      .selectFrom('survey_readers')
      .select('survey_id')
      .where('token_hash', '=', tokenHash(token))
      .where('survey_id', '=', surveyId)
      .executeTakeFirst();
    return row !== undefined;
  }

  return { find, orgOf, create, update, close, invite, invitation, respond, answers, participation, issueReader, isReader };
}

class TokenUsed extends Error {}

function columnsOf(survey: StoredSurvey) {
  return {
    definition: JSON.stringify(survey),
    opens_at: new Date(survey.opensAt).toISOString(),
    closes_at: new Date(survey.closesAt).toISOString(),
  };
}

/**
 * What an update would change that the survey's responses forbid. Without responses, anything may
 * change. With them: the sections and questions (an answer means what its question said when it
 * was given), the org (whose managers read the results), the minimum group downwards (results
 * would describe smaller groups than the agents were promised); and a closed survey may not reopen,
 * since results published at its close and again later would tell the late responses apart.
 * The title, the intro, the opening date and a later closing date of an open survey may change.
 */
export function frozenChanges(stored: SurveyRecord, next: StoredSurvey, now: Date): FrozenChange[] {
  if (stored.responses === 0) return [];
  const before = stored.definition;
  const changes: FrozenChange[] = [];
  if (next.org !== before.org) changes.push({ path: 'org', message: 'the organisation whose managers read the results cannot change' });
  if (JSON.stringify(next.sections) !== JSON.stringify(before.sections)) {
    changes.push({ path: 'sections', message: 'the sections and their questions cannot change: the answers given would lose their meaning' });
  }
  if ((next.minimumGroup ?? DEFAULT_MINIMUM_GROUP) < (before.minimumGroup ?? DEFAULT_MINIMUM_GROUP)) {
    changes.push({ path: 'minimumGroup', message: 'the minimum group cannot be lowered: the agents answered under the one they were promised' });
  }
  if (consultationStatus(before, now) === 'closed' && consultationStatus(next, now) !== 'closed') {
    changes.push({ path: 'closesAt', message: 'a closed survey cannot reopen: its results, published at the close, would tell later responses apart' });
  }
  return changes;
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
