import type { DatabaseConfig } from '../config.js';
import { createAuditRepository, type AuditRepository } from './audits.js';
import { createDatabase, type DatabaseOptions, type Db } from './database.js';
import { createConsultationAnswerRepository, type ConsultationAnswerRepository } from './consultation-answers.js';
import { createConsultationIdeaRepository, type ConsultationIdeaRepository } from './consultation-ideas.js';
import { createConsultationResponseRepository, type ConsultationResponseRepository } from './consultation-responses.js';
import { createConsultationRepository, type ConsultationRepository } from './consultations.js';
import { migrateToLatest } from './migrations.js';
import { createOrgRepository, type OrgRepository } from './orgs.js';
import { createRatingRepository, type RatingRepository } from './ratings.js';
import { createRetentionRepository, type RetentionRepository } from './retention.js';
import { createSatisfactionRepository, type SatisfactionRepository } from './satisfaction.js';
import { createSurveyRepository, type SurveyRepository } from './surveys.js';

/** One repository per aggregate, over one migrated database. */
export interface Storage {
  db: Db;
  orgs: OrgRepository;
  ratings: RatingRepository;
  retention: RetentionRepository;
  satisfaction: SatisfactionRepository;
  audits: AuditRepository;
  consultations: ConsultationRepository;
  consultationResponses: ConsultationResponseRepository;
  consultationAnswers: ConsultationAnswerRepository;
  consultationIdeas: ConsultationIdeaRepository;
  surveys: SurveyRepository;
  close(): Promise<void>;
}

export async function openStorage(config: DatabaseConfig, options: DatabaseOptions = {}): Promise<Storage> {
  const db = createDatabase(config, options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    orgs: createOrgRepository(db),
    ratings: createRatingRepository(db),
    retention: createRetentionRepository(db),
    satisfaction: createSatisfactionRepository(db),
    audits: createAuditRepository(db),
    consultations: createConsultationRepository(db),
    consultationResponses: createConsultationResponseRepository(db),
    consultationAnswers: createConsultationAnswerRepository(db),
    consultationIdeas: createConsultationIdeaRepository(db),
    surveys: createSurveyRepository(db),
    close: () => db.destroy(),
  };
}
