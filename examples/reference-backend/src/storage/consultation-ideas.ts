import type { Idea, IdeaDecision, IdeaStatus, IdeaSubmission } from '@civic-pulse/core';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { StoredWrite } from '../idempotency.js';
import { canBeId, type StoredConsultation } from './consultations.js';
import type { Db } from './database.js';
import type { ConsultationIdeasTable } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** An idea as a moderator (and an export) sees it: every column but the participant's. */
export interface ModeratedIdea {
  id: string;
  title: string;
  body: string;
  status: IdeaStatus;
  supports: number;
  createdAt: string;
  rejectionReason?: string;
  /** When a moderator last decided on it; absent until then. */
  moderatedAt?: string;
}

/**
 * `stored`: written. `id-taken`: a concurrent request stored this idea id first (the caller
 * replays it). `too-many`: the participant has posted `limit` ideas to this consultation already.
 * `changed`: the definition was replaced since the submission was checked.
 */
export type IdeaInsertOutcome = { stored: Idea } | 'id-taken' | 'too-many' | 'changed';

/** `{ supports }`: the new total. The others say why nothing was counted. */
export type SupportOutcome = { supports: number } | 'unknown-idea' | 'not-published' | 'already-supported';

export interface ConsultationIdeaRepository {
  findSubmission(id: string): Promise<StoredWrite<Idea> | undefined>;
  /**
   * Stores the idea under the given status, unless its author has `limit` ideas in this
   * consultation already. On PostgreSQL the consultation's row is locked for the count, so
   * concurrent posts of one participant cannot pass the limit together (SQLite's BEGIN IMMEDIATE
   * already runs them one at a time).
   */
  insert(
    consultation: StoredConsultation,
    submission: IdeaSubmission,
    status: IdeaStatus,
    bodyHash: string,
    limit: number,
  ): Promise<IdeaInsertOutcome>;
  /**
   * The public list: published ideas, most supported first, then newest. With a participant, their
   * own unpublished ideas first (newest first), and `supported` on every idea.
   */
  listPublic(consultationId: string, participant?: string): Promise<Idea[]>;
  /** Adds one support and raises the count in one transaction; the primary key allows one per participant. */
  support(consultationId: string, ideaId: string, participant: string): Promise<SupportOutcome>;
  /**
   * Every idea of a consultation (or those of one status), newest first, never the participant:
   * what the moderation queue and an export of ideas read.
   */
  listAll(consultationId: string, status?: IdeaStatus): Promise<ModeratedIdea[]>;
  /** Applies a moderator's decision; `undefined` when the consultation has no such idea. */
  moderate(consultationId: string, ideaId: string, decision: IdeaDecision, now: Date): Promise<ModeratedIdea | undefined>;
}

type IdeaRow = Pick<
  Selectable<ConsultationIdeasTable>,
  'id' | 'title' | 'body' | 'status' | 'supports' | 'created_at' | 'rejection_reason' | 'moderated_at'
>;

const IDEA_COLUMNS = ['id', 'title', 'body', 'status', 'supports', 'created_at', 'rejection_reason', 'moderated_at'] as const;

export function createConsultationIdeaRepository(db: Db): ConsultationIdeaRepository {
  const onPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  async function findSubmission(id: string): Promise<StoredWrite<Idea> | undefined> {
    const row = await db
      .selectFrom('consultation_ideas')
      .select([...IDEA_COLUMNS, 'body_hash'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { bodyHash: row.body_hash, receipt: publicIdea(row) };
  }

  async function insert(
    consultation: StoredConsultation,
    submission: IdeaSubmission,
    status: IdeaStatus,
    bodyHash: string,
    limit: number,
  ): Promise<IdeaInsertOutcome> {
    const { id: consultationId } = consultation.definition;
    const row = {
      id: submission.id,
      consultation_id: consultationId,
      participant: submission.participant,
      title: submission.title,
      body: submission.body,
      status,
      rejection_reason: null,
      supports: 0,
      created_at: new Date().toISOString(),
      moderated_at: null,
      body_hash: bodyHash,
    };
    try {
      return await db.transaction().execute(async (trx): Promise<IdeaInsertOutcome> => {
        const current = await trx
          .selectFrom('consultations')
          .select('revision')
          .where('id', '=', consultationId)
          .$if(onPostgres, (query) => query.forUpdate())
          .executeTakeFirst();
        if (current?.revision !== consultation.revision) return 'changed';
        const { posted } = await trx
          .selectFrom('consultation_ideas')
          .select((eb) => eb.fn.countAll<number>().as('posted'))
          .where('consultation_id', '=', consultationId)
          .where('participant', '=', submission.participant)
          .executeTakeFirstOrThrow();
        if (Number(posted) >= limit) return 'too-many';
        await trx.insertInto('consultation_ideas').values(row).execute();
        return { stored: publicIdea(row) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return 'id-taken';
    }
  }

  async function listPublic(consultationId: string, participant?: string): Promise<Idea[]> {
    const rows = await db
      .selectFrom('consultation_ideas as idea')
      .select(IDEA_COLUMNS.map((column) => `idea.${column}` as const))
      .$if(participant !== undefined, (query) =>
        query
          .leftJoin('consultation_idea_supports as support', (join) =>
            join.onRef('support.idea_id', '=', 'idea.id').on('support.participant', '=', participant!),
          )
          .select('support.participant as supporter'),
      )
      .where('idea.consultation_id', '=', consultationId)
      .where((eb) =>
        participant === undefined
          ? eb('idea.status', '=', 'published')
          : eb.or([eb('idea.status', '=', 'published'), eb('idea.participant', '=', participant)]),
      )
      .orderBy('idea.supports', 'desc')
      .orderBy('idea.created_at', 'desc')
      .orderBy('idea.id')
      .execute();
    const ideas = rows.map((row) => {
      const idea = publicIdea(row);
      return participant === undefined ? idea : { ...idea, supported: row.supporter != null };
    });
    // The author's own ideas waiting for (or refused by) moderation come first: they just wrote them.
    const unpublished = ideas.filter((idea) => idea.status !== 'published').sort((a, b) => compareDesc(a.createdAt, b.createdAt));
    return [...unpublished, ...ideas.filter((idea) => idea.status === 'published')];
  }

  async function support(consultationId: string, ideaId: string, participant: string): Promise<SupportOutcome> {
    if (!canBeId(ideaId)) return 'unknown-idea';
    try {
      return await db.transaction().execute(async (trx): Promise<SupportOutcome> => {
        // First, so that on PostgreSQL the row lock queues the supports of one idea, and a
        // moderator's rejection committed before is seen.
        const raised = await trx
          .updateTable('consultation_ideas')
          .set((eb) => ({ supports: eb('supports', '+', 1) }))
          .where('id', '=', ideaId)
          .where('consultation_id', '=', consultationId)
          .where('status', '=', 'published')
          .returning('supports')
          .executeTakeFirst();
        if (!raised) {
          const found = await trx
            .selectFrom('consultation_ideas')
            .select('status')
            .where('id', '=', ideaId)
            .where('consultation_id', '=', consultationId)
            .executeTakeFirst();
          return found ? 'not-published' : 'unknown-idea';
        }
        await trx.insertInto('consultation_idea_supports').values({ idea_id: ideaId, participant }).execute();
        return { supports: Number(raised.supports) };
      });
    } catch (error) {
      // The primary key refused a second support: the whole transaction, count included, is undone.
      if (isUniqueViolation(error)) return 'already-supported';
      throw error;
    }
  }

  async function listAll(consultationId: string, status?: IdeaStatus): Promise<ModeratedIdea[]> {
    const rows = await db
      .selectFrom('consultation_ideas')
      .select(IDEA_COLUMNS)
      .where('consultation_id', '=', consultationId)
      .$if(status !== undefined, (query) => query.where('status', '=', status!))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(moderatedIdea);
  }

  async function moderate(consultationId: string, ideaId: string, decision: IdeaDecision, now: Date): Promise<ModeratedIdea | undefined> {
    if (!canBeId(ideaId)) return undefined;
    const row = await db
      .updateTable('consultation_ideas')
      .set({
        status: decision.status,
        rejection_reason: decision.status === 'rejected' ? decision.reason : null,
        moderated_at: now.toISOString(),
      })
      .where('id', '=', ideaId)
      .where('consultation_id', '=', consultationId)
      .returning(IDEA_COLUMNS)
      .executeTakeFirst();
    return row && moderatedIdea(row);
  }

  return { findSubmission, insert, listPublic, support, listAll, moderate };
}

/** The contract's public view of a row: never the participant; the reason only while rejected. */
function publicIdea(row: IdeaRow): Idea {
  const { moderatedAt: _moderatedAt, ...idea } = moderatedIdea(row);
  return idea;
}

function moderatedIdea(row: IdeaRow): ModeratedIdea {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status as IdeaStatus,
    supports: Number(row.supports),
    createdAt: row.created_at,
    ...(row.status === 'rejected' && row.rejection_reason !== null ? { rejectionReason: row.rejection_reason } : {}),
    ...(row.moderated_at !== null ? { moderatedAt: row.moderated_at } : {}),
  };
}

const compareDesc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
