import type { AdapterError, AdapterErrorKind, BackendAdapter, CallOptions, Result } from '../adapter.js';
import { AuditSchema, type Audit, type AuditImportReceipt } from '../contract/audit.js';
import { barometerPeriod, BAROMETER_PERIOD_HINT, type DayRange } from '../contract/barometer-period.js';
import { auditTotalsOf, barometerOf, satisfactionTotalsOf } from '../contract/barometer-score.js';
import { BAROMETER_METHODOLOGY_URL, DEFAULT_BAROMETER_SETTINGS, type Barometer, type BarometerSettings } from '../contract/barometer.js';
import { ParticipantSchema } from '../contract/common.js';
import { answerProblems } from '../contract/consultation-answers.js';
import { consultationStatus } from '../contract/consultation-status.js';
import { resultsOf, tallyIncrements } from '../contract/consultation-tallies.js';
import {
  ConsultationDefinitionSchema,
  ConsultationResponseSchema,
  type Consultation,
  type ConsultationDefinition,
  type ConsultationResponse,
  type ConsultationResults,
} from '../contract/consultation.js';
import { fieldErrorsOf, type FieldError } from '../contract/error.js';
import {
  IdeaDecisionSchema,
  IdeaSubmissionSchema,
  type Idea,
  type IdeaDecision,
  type IdeaSubmission,
  type IdeaSupportReceipt,
} from '../contract/idea.js';
import { RatingSchema, type Rating, type Receipt } from '../contract/rating.js';
import { surveyAnswerProblems } from '../contract/survey-answers.js';
import type { SurveyResults } from '../contract/survey-results.js';
import { surveyResultsOf } from '../contract/survey-tallies.js';
import {
  SurveyDefinitionSchema,
  SurveyResponseSchema,
  type Survey,
  type SurveyDefinition,
  type SurveyReceipt,
  type SurveyResponse,
} from '../contract/survey.js';
import { normalizeScore } from '../contract/vocabulary.js';

/** A consultation as an admin defines it, with its id (the memory adapter makes none). */
export type MemoryConsultation = ConsultationDefinition & { id: string };

/** A survey as an admin defines it, with its id (the memory adapter makes none). */
export type MemorySurvey = SurveyDefinition & { id: string };

export interface MemoryAdapterOptions {
  /** Services this organisation offers; a rating for another service is refused, as the server does. */
  services?: string[];
  /** Consultations to start with, as an admin would create them; see `addConsultation`. */
  consultations?: readonly MemoryConsultation[];
  /** Agents' surveys to start with; see `addSurvey`. Invitations are made with `inviteToSurvey`. */
  surveys?: readonly MemorySurvey[];
  /** The clock, for the consultations' status and the times of receipts and ideas; `new Date()` by default. */
  now?: () => Date;
  /**
   * The organisation whose data this adapter holds: the barometer of another is `not-found`, and
   * audits of another are refused. Unset, every org asked is this one (a demo need not name it).
   */
  org?: string;
  /** The barometer's weights and minimums; DEFAULT_BAROMETER_SETTINGS (50/50, 30 ratings, 5 audits) by default. */
  barometer?: BarometerSettings;
  /** The barometer's `methodology` link; the reference backend's README section by default. */
  methodology?: string;
}

export interface MemoryAdapter extends BackendAdapter {
  /** What has been stored, in order, for demos and tests to look at. */
  readonly ratings: readonly Rating[];
  /**
   * Creates a consultation, or replaces one that has no response yet (as the server's PUT does).
   * Throws with every problem when the definition does not hold together, or when it would
   * replace a consultation that has answers.
   */
  addConsultation(definition: MemoryConsultation): void;
  /** The responses stored for a consultation, in the order they came. */
  responses(consultation: string): readonly ConsultationResponse[];
  /** Publishes or rejects an idea, as a moderator would; `not-found` for an unknown consultation or idea. */
  moderateIdea(consultation: string, idea: string, decision: IdeaDecision): Result<Idea>;
  /**
   * Creates a survey, or replaces one that has no response yet. Throws with every problem when the
   * definition does not hold together, or when it would replace a survey that has answers.
   */
  addSurvey(definition: MemorySurvey): void;
  /** Makes `count` invitation tokens, each good for one response; throws for an unknown survey. */
  inviteToSurvey(survey: string, count: number): string[];
  /** Makes a read token for the survey's results, as the admin issues one to a manager; throws for an unknown survey. */
  issueSurveyReader(survey: string): string;
  /** Closes the survey now, as the admin's close does (its `closesAt` becomes this moment); throws for an unknown survey. */
  closeSurvey(survey: string): void;
  /** The answers stored for a survey, in the order they came: no token and no response id, as on the server. */
  surveyResponses(survey: string): readonly Record<string, unknown>[];
  /**
   * Imports mystery-shopping audits of an org, as the admin's import does: all or nothing. Throws
   * with every problem when an audit is not valid, and when an id is already held with another
   * content. An audit already held (the same id, or without id the same content, counted among the
   * identical ones of its batch) is a duplicate and adds nothing, so importing a file twice adds
   * nothing the second time.
   */
  addAudits(org: string, audits: readonly Audit[]): AuditImportReceipt;
  /** The audits held for an org, in the order they came. */
  audits(org: string): readonly Audit[];
}

/**
 * How many ideas one participant may post to one consultation: the reference backend's limit,
 * so that a demo refuses what the server would.
 */
const IDEAS_PER_PARTICIPANT = 20;

interface StoredConsultation {
  definition: MemoryConsultation;
  responses: ConsultationResponse[];
  participants: Set<string>;
  /** question id → tally key → count, as the server's tally table. */
  tallies: Map<string, Map<string, number>>;
}

interface StoredIdea {
  consultation: string;
  participant: string;
  /** Insertion order: among ideas of the same millisecond, the later one is the newer. */
  sequence: number;
  idea: Idea;
  supporters: Set<string>;
}

interface StoredSurvey {
  definition: MemorySurvey;
  /** Invitation token → used. */
  invitations: Map<string, boolean>;
  readers: Set<string>;
  /** The answers alone: neither the token nor the response id is kept with them. */
  answers: Record<string, unknown>[];
}

/** What an idempotency key was first used for: the body's fingerprint and what it got. */
interface StoredWrite<T> {
  body: string;
  receipt: T;
}

/**
 * An adapter that keeps everything in the page: for demos, stories and tests. Same rules, same
 * codes and same tallies as the reference backend, so that a demo refuses what the server would.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const now = options.now ?? (() => new Date());
  const ratings: Rating[] = [];
  const ratingReceipts = new Map<string, StoredWrite<Receipt>>();
  const consultations = new Map<string, StoredConsultation>();
  const responseReceipts = new Map<string, StoredWrite<Receipt>>();
  const ideas = new Map<string, StoredWrite<StoredIdea>>();
  const surveys = new Map<string, StoredSurvey>();
  /** org → audit key → the audit's content (canonical JSON), and the audits in order. */
  const audits = new Map<string, { keys: Map<string, string>; list: Audit[] }>();
  let sequence = 0;

  function addConsultation(definition: MemoryConsultation): void {
    const current = consultations.get(definition.id);
    checkReplaceable('consultation', definition, ConsultationDefinitionSchema, current?.responses.length ?? 0);
    consultations.set(definition.id, { definition: structuredClone(definition), responses: [], participants: new Set(), tallies: new Map() });
  }

  for (const definition of options.consultations ?? []) addConsultation(definition);

  function addSurvey(definition: MemorySurvey): void {
    const current = surveys.get(definition.id);
    checkReplaceable('survey', definition, SurveyDefinitionSchema, current?.answers.length ?? 0);
    surveys.set(definition.id, {
      definition: structuredClone(definition),
      invitations: current?.invitations ?? new Map(),
      readers: current?.readers ?? new Set(),
      answers: [],
    });
  }

  for (const definition of options.surveys ?? []) addSurvey(definition);

  /** For the admin's methods, which throw: the survey, or an error that names it. */
  function surveyOrThrow(id: string): StoredSurvey {
    const found = surveys.get(id);
    if (!found) throw new Error(`There is no survey "${id}".`);
    return found;
  }

  /**
   * The survey an unused invitation opens, checked as the server does: the token first, so that an
   * unknown survey and a known one answer the same `unknown-token`.
   */
  function invited(id: string, token: string): Result<StoredSurvey> {
    if (!hasToken(token)) return fail('unauthorized', 'unauthorized', 'This survey needs an invitation token.');
    const found = surveys.get(id);
    const used = found?.invitations.get(token);
    if (!found || used === undefined) return unknownToken();
    if (used) return fail('forbidden', 'token-used', 'This invitation was already used to answer: a survey takes one response per invitation.');
    return { ok: true, data: found };
  }

  /** The consultation, or the contract's not-found. */
  function find(id: string): Result<StoredConsultation> {
    const found = consultations.get(id);
    return found ? { ok: true, data: found } : fail('not-found', 'unknown-consultation', `There is no consultation "${id}".`);
  }

  /** Answers and ideas are taken only while the consultation or the survey is open. */
  function checkOpen(definition: { opensAt: string; closesAt: string }, noun: 'consultation' | 'survey'): Result<undefined> {
    const status = consultationStatus(definition, now());
    if (status === 'scheduled') return fail('conflict', 'not-open', `This ${noun} opens at ${definition.opensAt}.`);
    if (status === 'closed') return fail('conflict', 'closed', `This ${noun} closed at ${definition.closesAt}.`);
    return { ok: true, data: undefined };
  }

  function checkIdeasOpen(consultation: StoredConsultation): Result<undefined> {
    if (!consultation.definition.ideas.enabled) return fail('conflict', 'ideas-disabled', 'This consultation does not take ideas.');
    return checkOpen(consultation.definition, 'consultation');
  }

  function addAudits(org: string, batch: readonly Audit[]): AuditImportReceipt {
    if (options.org !== undefined && org !== options.org) throw new Error(`This adapter holds the data of "${options.org}", not of "${org}".`);
    const problems = batch.flatMap((audit, index) => {
      const parsed = AuditSchema.safeParse(audit);
      return parsed.success ? [] : fieldErrorsOf(parsed.error.issues).map(({ path, message }) => `${index}.${path}: ${message}`);
    });
    const held = audits.get(org) ?? { keys: new Map<string, string>(), list: [] };
    // The same keys as the reference backend: the id, else the content and its rank among the identical ones of the batch.
    const ranks = new Map<string, number>();
    const keyed = batch.map((audit, index) => {
      const content = canonicalJson(audit);
      const rank = ranks.get(content) ?? 0;
      ranks.set(content, rank + 1);
      return { index, audit, content, key: audit.id === undefined ? `content ${content} #${rank}` : `id ${audit.id}` };
    });
    const added = new Map<string, (typeof keyed)[number]>();
    for (const entry of keyed) {
      const earlier = held.keys.get(entry.key) ?? added.get(entry.key)?.content;
      if (earlier === undefined) added.set(entry.key, entry);
      else if (earlier !== entry.content) problems.push(`${entry.index}.id: "${entry.audit.id}" was imported with other figures`);
    }
    if (problems.length > 0) throw new Error(`No audit imported:\n${problems.join('\n')}`);
    for (const { key, content, audit } of added.values()) {
      held.keys.set(key, content);
      held.list.push(structuredClone(audit));
    }
    audits.set(org, held);
    return { imported: added.size, duplicates: batch.length - added.size };
  }

  /** The barometer's totals over some days: ratings by the UTC day they occurred, audits by their date. */
  function satisfactionIn({ from, to }: DayRange) {
    const within = ratings.filter((rating) => {
      const day = new Date(rating.occurredAt).toISOString().slice(0, 10);
      return day >= from && day < to;
    });
    return satisfactionTotalsOf(within.map((rating) => ({ channel: rating.channel, normalized: normalizeScore(rating.scale, rating.score) })));
  }

  const auditsIn = (org: string, { from, to }: DayRange) => auditTotalsOf((audits.get(org)?.list ?? []).filter(({ date }) => date >= from && date < to));

  return {
    get ratings() {
      return ratings;
    },

    addAudits,

    audits: (org) => audits.get(org)?.list ?? [],

    addConsultation,

    addSurvey,

    inviteToSurvey(id: string, count: number): string[] {
      const survey = surveyOrThrow(id);
      const tokens = Array.from({ length: count }, newToken);
      for (const token of tokens) survey.invitations.set(token, false);
      return tokens;
    },

    issueSurveyReader(id: string): string {
      const token = newToken();
      surveyOrThrow(id).readers.add(token);
      return token;
    },

    closeSurvey(id: string): void {
      const { definition } = surveyOrThrow(id);
      const at = now();
      // Closing an already closed survey keeps the time it closed.
      if (consultationStatus(definition, at) !== 'closed') definition.closesAt = at.toISOString();
    },

    surveyResponses: (id) => surveys.get(id)?.answers ?? [],

    responses: (consultation) => consultations.get(consultation)?.responses ?? [],

    async submitRating(rating: Rating, call: CallOptions = {}): Promise<Result<Receipt>> {
      if (call.signal?.aborted) return aborted();
      const parsed = RatingSchema.safeParse(rating);
      if (!parsed.success) return invalid('The rating is not valid.', fieldErrorsOf(parsed.error.issues));
      if (options.services && !options.services.includes(rating.service)) {
        const fields = [{ path: 'service', message: `unknown service "${rating.service}"` }];
        return fail('invalid', 'unknown-service', 'Unknown service.', fields);
      }
      return writeOnce(ratingReceipts, rating.id, parsed.data, () => undefined, () => {
        ratings.push(parsed.data);
        return { id: rating.id, receivedAt: now().toISOString() };
      });
    },

    async getConsultation(id: string, call: CallOptions = {}): Promise<Result<Consultation>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      const { definition } = found.data;
      return { ok: true, data: { ...structuredClone(definition), status: consultationStatus(definition, now()) } };
    },

    async submitConsultationResponse(id: string, response: ConsultationResponse, call: CallOptions = {}): Promise<Result<Receipt>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      const consultation = found.data;
      const parsed = ConsultationResponseSchema.safeParse(response);
      if (!parsed.success) return invalid('The response is not valid.', fieldErrorsOf(parsed.error.issues));
      const { definition } = consultation;
      return writeOnce(
        responseReceipts,
        response.id,
        { consultation: id, response: parsed.data },
        // Only for a first write: a retry of an accepted response still gets its receipt after the close.
        () => {
          const open = checkOpen(consultation.definition, 'consultation');
          if (!open.ok) return open;
          const problems = answerProblems(definition, parsed.data.answers);
          if (problems.length > 0) return invalid('The answers do not fit the questions.', problems);
          if (consultation.participants.has(parsed.data.participant)) {
            return fail('conflict', 'already-answered', 'This participant has already answered this consultation.');
          }
          return undefined;
        },
        () => {
          const stored = structuredClone(parsed.data);
          consultation.responses.push(stored);
          consultation.participants.add(stored.participant);
          for (const { questionId, key, count } of tallyIncrements(definition.questions, stored.answers)) {
            const counts = consultation.tallies.get(questionId) ?? new Map<string, number>();
            counts.set(key, (counts.get(key) ?? 0) + count);
            consultation.tallies.set(questionId, counts);
          }
          return { id: stored.id, receivedAt: now().toISOString() };
        },
      );
    },

    async getConsultationResults(id: string, call: CallOptions = {}): Promise<Result<ConsultationResults>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      const { definition, responses, tallies } = found.data;
      if (definition.resultsVisibility === 'never') {
        return fail('forbidden', 'results-hidden', 'The results of this consultation are not published.');
      }
      if (definition.resultsVisibility === 'after-close' && consultationStatus(definition, now()) !== 'closed') {
        return fail('forbidden', 'results-not-yet', `The results will be published when the consultation closes, at ${definition.closesAt}.`);
      }
      const rows = [...tallies].flatMap(([question_id, counts]) => [...counts].map(([key, count]) => ({ question_id, key, count })));
      return { ok: true, data: resultsOf(definition, responses.length, rows) };
    },

    async listIdeas(id: string, query: { participant?: string } = {}, call: CallOptions = {}): Promise<Result<Idea[]>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      if (!found.data.definition.ideas.enabled) return fail('conflict', 'ideas-disabled', 'This consultation does not take ideas.');
      const { participant } = query;
      if (participant !== undefined && !ParticipantSchema.safeParse(participant).success) {
        return fail('invalid', 'invalid-query', 'The request query does not match the contract.', [
          { path: 'participant', message: 'must be 1 to 128 characters' },
        ]);
      }
      const newestFirst = (a: StoredIdea, b: StoredIdea) => compareDesc(a.idea.createdAt, b.idea.createdAt) || b.sequence - a.sequence;
      const own = [...ideas.values()].map(({ receipt }) => receipt).filter((stored) => stored.consultation === id);
      const published = own.filter((stored) => stored.idea.status === 'published').sort((a, b) => b.idea.supports - a.idea.supports || newestFirst(a, b));
      // The author's own ideas waiting for (or refused by) moderation come first: they just wrote them.
      const unpublished =
        participant === undefined
          ? []
          : own.filter((stored) => stored.idea.status !== 'published' && stored.participant === participant).sort(newestFirst);
      const listed = [...unpublished, ...published].map((stored) =>
        participant === undefined ? structuredClone(stored.idea) : { ...structuredClone(stored.idea), supported: stored.supporters.has(participant) },
      );
      return { ok: true, data: listed };
    },

    async submitIdea(id: string, submission: IdeaSubmission, call: CallOptions = {}): Promise<Result<Idea>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      const consultation = found.data;
      const parsed = IdeaSubmissionSchema.safeParse(submission);
      if (!parsed.success) return invalid('The idea is not valid.', fieldErrorsOf(parsed.error.issues));
      const { participant, title, body } = parsed.data;
      const written = writeOnce(
        ideas,
        submission.id,
        { consultation: id, idea: parsed.data },
        () => {
          const open = checkIdeasOpen(consultation);
          if (!open.ok) return open;
          const posted = [...ideas.values()].filter(({ receipt }) => receipt.consultation === id && receipt.participant === participant).length;
          if (posted >= IDEAS_PER_PARTICIPANT) {
            return fail('conflict', 'too-many-ideas', `A participant may propose at most ${IDEAS_PER_PARTICIPANT} ideas to one consultation.`);
          }
          return undefined;
        },
        (): StoredIdea => {
          const status = consultation.definition.ideas.moderation === 'post' ? 'published' : 'pending';
          const idea: Idea = { id: submission.id, title, body, status, supports: 0, createdAt: now().toISOString() };
          return { consultation: id, participant, sequence: sequence++, idea, supporters: new Set() };
        },
      );
      // A retry gets the idea as it is now, published or rejected since.
      return written.ok ? { ok: true, data: structuredClone(written.data.idea) } : written;
    },

    async supportIdea(id: string, ideaId: string, participant: string, call: CallOptions = {}): Promise<Result<IdeaSupportReceipt>> {
      if (call.signal?.aborted) return aborted();
      const found = find(id);
      if (!found.ok) return found;
      if (!ParticipantSchema.safeParse(participant).success) {
        return invalid('The support is not valid.', [{ path: 'participant', message: 'must be 1 to 128 characters' }]);
      }
      const open = checkIdeasOpen(found.data);
      if (!open.ok) return open;
      const stored = ideas.get(ideaId)?.receipt;
      if (!stored || stored.consultation !== id) return fail('not-found', 'unknown-idea', `This consultation has no idea "${ideaId}".`);
      if (stored.idea.status !== 'published') return fail('conflict', 'not-published', 'This idea is not published: it cannot be supported.');
      if (stored.supporters.has(participant)) return fail('conflict', 'already-supported', 'This participant already supports this idea.');
      stored.supporters.add(participant);
      stored.idea.supports += 1;
      return { ok: true, data: { idea: ideaId, supports: stored.idea.supports } };
    },

    moderateIdea(id: string, ideaId: string, decision: IdeaDecision): Result<Idea> {
      const found = find(id);
      if (!found.ok) return found;
      const parsed = IdeaDecisionSchema.safeParse(decision);
      if (!parsed.success) return invalid('The decision is not valid.', fieldErrorsOf(parsed.error.issues));
      const stored = ideas.get(ideaId)?.receipt;
      if (!stored || stored.consultation !== id) return fail('not-found', 'unknown-idea', `This consultation has no idea "${ideaId}".`);
      const { rejectionReason: _previous, ...idea } = stored.idea;
      stored.idea = parsed.data.status === 'rejected' ? { ...idea, status: 'rejected', rejectionReason: parsed.data.reason } : { ...idea, status: 'published' };
      return { ok: true, data: structuredClone(stored.idea) };
    },

    async getSurvey(id: string, token: string, call: CallOptions = {}): Promise<Result<Survey>> {
      if (call.signal?.aborted) return aborted();
      const found = invited(id, token);
      if (!found.ok) return found;
      const { definition } = found.data;
      return { ok: true, data: { ...structuredClone(definition), status: consultationStatus(definition, now()) } };
    },

    async submitSurveyResponse(id: string, token: string, response: SurveyResponse, call: CallOptions = {}): Promise<Result<SurveyReceipt>> {
      if (call.signal?.aborted) return aborted();
      // The server's order: the invitation, the body, the dates, the answers.
      const found = invited(id, token);
      if (!found.ok) return found;
      const survey = found.data;
      const parsed = SurveyResponseSchema.safeParse(response);
      if (!parsed.success) return invalid('The response is not valid.', fieldErrorsOf(parsed.error.issues));
      const { definition } = survey;
      const open = checkOpen(definition, 'survey');
      if (!open.ok) return open;
      const at = now();
      const problems = surveyAnswerProblems(definition, parsed.data.answers);
      if (problems.length > 0) return invalid('The answers do not fit the questions.', problems);
      survey.invitations.set(token, true);
      survey.answers.push(structuredClone(parsed.data.answers));
      return { ok: true, data: { id: parsed.data.id, receivedOn: at.toISOString().slice(0, 10) } };
    },

    async getBarometer(org: string, period: string, call: CallOptions = {}): Promise<Result<Barometer>> {
      if (call.signal?.aborted) return aborted();
      if (options.org !== undefined && org !== options.org) return fail('not-found', 'unknown-org', `There is no org "${org}".`);
      const days = barometerPeriod(period, now());
      if (!days) return fail('invalid', 'invalid-query', 'The request query does not match the contract.', [{ path: 'period', message: BAROMETER_PERIOD_HINT }]);
      const barometer = barometerOf({
        org,
        period,
        from: days.from,
        to: days.to,
        satisfaction: satisfactionIn(days),
        previousSatisfaction: satisfactionIn(days.previous),
        audits: auditsIn(org, days),
        previousAudits: auditsIn(org, days.previous),
        settings: options.barometer ?? DEFAULT_BAROMETER_SETTINGS,
        methodology: options.methodology ?? BAROMETER_METHODOLOGY_URL,
      });
      return { ok: true, data: barometer };
    },

    async getSurveyResults(id: string, readToken: string, call: CallOptions = {}): Promise<Result<SurveyResults>> {
      if (call.signal?.aborted) return aborted();
      if (!hasToken(readToken)) return fail('unauthorized', 'unauthorized', 'The results need a read token.');
      const survey = surveys.get(id);
      if (!survey?.readers.has(readToken)) return unknownToken();
      const { definition, invitations, answers } = survey;
      const context = { status: consultationStatus(definition, now()), invited: invitations.size };
      // A copy of the definition: the results carry its sections, which the caller may change.
      return { ok: true, data: surveyResultsOf(structuredClone(definition), answers, context) };
    },
  };
}

const hasToken = (token: string): boolean => /^\S+$/.test(token);

/** 160 random bits in hex, like the server's tokens. */
function newToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(20)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const unknownToken = () => fail('forbidden', 'unknown-token', 'This token does not open this survey.');

/** What an admin's definition must be to be added: whole, and not in place of one that has answers. */
function checkReplaceable(
  what: 'consultation' | 'survey',
  definition: { id: string },
  schema: { safeParse(value: unknown): { success: true } | { success: false; error: { issues: Parameters<typeof fieldErrorsOf>[0] } } },
  answers: number,
): void {
  const parsed = schema.safeParse(definition);
  if (!parsed.success) {
    const problems = fieldErrorsOf(parsed.error.issues).map(({ path, message }) => `${path}: ${message}`);
    throw new Error(`The ${what} "${definition.id}" does not hold together: ${problems.join('; ')}`);
  }
  if (answers > 0) throw new Error(`The ${what} "${definition.id}" has answers already: it cannot be replaced.`);
}

/**
 * The contract's idempotent write: the first write under a key is checked and stored; the same
 * body again gets the first receipt back, without the checks (a retry of an accepted write must
 * not fail them later); another body under the same key is a conflict.
 */
function writeOnce<T>(
  store: Map<string, StoredWrite<T>>,
  key: string,
  body: unknown,
  check: () => Result<never> | Result<undefined> | undefined,
  insert: () => T,
): Result<T> {
  const print = canonicalJson(body);
  const earlier = store.get(key);
  if (earlier) return earlier.body === print ? { ok: true, data: earlier.receipt } : idempotencyConflict();
  const refused = check();
  if (refused && !refused.ok) return refused;
  const receipt = insert();
  store.set(key, { body: print, receipt });
  return { ok: true, data: receipt };
}

/** JSON that does not depend on the order of object keys, to compare two bodies. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

const compareDesc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

function fail(kind: AdapterErrorKind, code: string, message: string, fields?: FieldError[]): { ok: false; error: AdapterError } {
  return { ok: false, error: { kind, code, message, ...(fields ? { fields } : {}) } };
}

const aborted = () => fail('aborted', 'aborted', 'Aborted.');
const invalid = (message: string, fields: FieldError[]) => fail('invalid', 'invalid-body', message, fields);
const idempotencyConflict = () => fail('conflict', 'idempotency-conflict', 'This id was already used for another body.');
