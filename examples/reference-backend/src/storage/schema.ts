import type { Insertable, Selectable } from 'kysely';

// Table shapes as Kysely sees them. Instants are ISO 8601 UTC strings and lists are JSON text, so the
// same rows read back identically from SQLite and PostgreSQL.

export interface OrgsTable {
  id: string;
  name: string;
  /** JSON array of origins. */
  allowed_origins: string;
  created_at: string;
  updated_at: string;
  /** JSON of the org's BarometerSettings; `null` for the defaults (DEFAULT_BAROMETER_SETTINGS). */
  barometer: string | null;
  /** Days its ratings are kept after their reception; `null` for DEFAULT_RETENTION_DAYS (retention.ts). */
  retention_days: number | null;
}

export interface ServicesTable {
  org_id: string;
  id: string;
  name: string;
}

export interface RatingsTable {
  /** The client-made UUID, which is also the idempotency key. */
  id: string;
  org_id: string;
  service: string;
  channel: string;
  source: string;
  scale: string;
  score: number;
  /** The score on 0..100, whatever the scale. */
  normalized: number;
  /** JSON array of reason ids, `[]` when none were given. */
  reasons: string;
  comment: string | null;
  kiosk_id: string | null;
  occurred_at: string;
  received_at: string;
  /** Fingerprint of the accepted body: a retry must match it to get the stored receipt back. */
  body_hash: string;
}

/** One row per org, service, channel and UTC day of occurrence, kept up to date on every write. */
export interface RatingDailyTable {
  org_id: string;
  service: string;
  channel: string;
  /** YYYY-MM-DD */
  day: string;
  count: number;
  sum_normalized: number;
}

export interface ConsultationsTable {
  id: string;
  org_id: string;
  /** JSON of the ConsultationDefinition, its id included. */
  definition: string;
  opens_at: string;
  closes_at: string;
  /** Raised by each change of the definition. */
  revision: number;
  /** How many responses were stored, kept on write. */
  responses: number;
  created_at: string;
  updated_at: string;
}

export interface ConsultationResponsesTable {
  /** The client-made UUID, which is also the idempotency key. */
  id: string;
  consultation_id: string;
  participant: string;
  /** JSON of the answers record. */
  answers: string;
  received_at: string;
  body_hash: string;
}

/**
 * Results kept on write: per question, `key` '' counts the responses that answered it; other keys
 * are an option id, `yes`/`no`, or a scale value, with a count (Borda points for a ranking).
 */
export interface ConsultationTalliesTable {
  consultation_id: string;
  question_id: string;
  key: string;
  count: number;
}

/** A citizen's idea; `participant` never leaves the server. */
export interface ConsultationIdeasTable {
  /** The client-made UUID, which is also the idempotency key. */
  id: string;
  consultation_id: string;
  participant: string;
  title: string;
  body: string;
  /** `pending` | `published` | `rejected` */
  status: string;
  /** Set while the idea is rejected. */
  rejection_reason: string | null;
  /** How many participants support it, kept on write. */
  supports: number;
  created_at: string;
  /** The last moderator's decision; `null` until one. */
  moderated_at: string | null;
  body_hash: string;
}

/** One row per participant supporting an idea: the primary key allows one support each. */
export interface ConsultationIdeaSupportsTable {
  idea_id: string;
  participant: string;
}

export interface SurveysTable {
  id: string;
  org_id: string;
  /** JSON of the SurveyDefinition, its id included. */
  definition: string;
  opens_at: string;
  closes_at: string;
  created_at: string;
  /** Raised by each change of the definition. */
  revision: number;
  /** How many responses were stored, kept on write. */
  responses: number;
}

/** A manager's read token: its sha-256 (hex), never the token. It reads the survey's results, nothing else. */
export interface SurveyReadersTable {
  token_hash: string;
  survey_id: string;
}

/** One invitation: the sha-256 (hex) of its token, never the token, and whether it was used. */
export interface SurveyInvitationsTable {
  token_hash: string;
  survey_id: string;
  /** 0 or 1; no time is kept. */
  used: number;
}

/** One agent's answers, with nothing that could lead back to the agent or the invitation. */
export interface SurveyResponsesTable {
  /** A random UUID made by the server (not the client's response id). */
  id: string;
  survey_id: string;
  /** JSON of the answers record. */
  answers: string;
  /** YYYY-MM-DD (UTC): no time finer than the day. */
  received_day: string;
}

/** One imported mystery-shopping audit. */
export interface AuditsTable {
  org_id: string;
  /** `id:<the audit's id>`, or `sha256:<hex>` of its content for an audit without one (audits.ts). */
  key: string;
  /** sha-256 of the audit's content: the same key with another content is a conflict, not a repeat. */
  content_hash: string;
  /** YYYY-MM-DD, the day of the evaluated contact. */
  date: string;
  channel: string;
  service: string | null;
  criteria_met: number;
  criteria_total: number;
  /** JSON of `{ criterion: met }`, when the audit listed them. */
  criteria: string | null;
  /** YYYY-MM-DD (UTC) of the import. */
  imported_at: string;
}

/** One row per org, UTC day and channel, kept in the import's transaction. */
export interface AuditDailyTable {
  org_id: string;
  /** YYYY-MM-DD */
  day: string;
  channel: string;
  audits: number;
  criteria_met: number;
  criteria_total: number;
}

export interface Database {
  orgs: OrgsTable;
  services: ServicesTable;
  ratings: RatingsTable;
  rating_daily: RatingDailyTable;
  consultations: ConsultationsTable;
  consultation_responses: ConsultationResponsesTable;
  consultation_tallies: ConsultationTalliesTable;
  consultation_ideas: ConsultationIdeasTable;
  consultation_idea_supports: ConsultationIdeaSupportsTable;
  surveys: SurveysTable;
  survey_invitations: SurveyInvitationsTable;
  survey_responses: SurveyResponsesTable;
  survey_readers: SurveyReadersTable;
  audits: AuditsTable;
  audit_daily: AuditDailyTable;
}

export type RatingRow = Selectable<RatingsTable>;
export type NewRatingRow = Insertable<RatingsTable>;
