import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { surveyAnswerProblems, type SurveyDefinition } from '@civic-pulse/core';
import { problemLines, readSurveyFile } from './consultation-file.js';
import { DAY_MS, mulberry32, seedFile } from './seed.js';
import type { StoredSurvey, SurveyRepository } from './storage/surveys.js';

// The demo agents' surveys of the city site's intranet pages: this year's, open, that the printed
// invitation links answer; and last year's, closed, with generated responses, that the printed read
// link shows a manager. Both come from the file an admin would give `npm run survey`.

export const DEMO_SURVEY_FILE = fileURLToPath(new URL('../seed/qualite-de-service.json', import.meta.url));
/** The id in that file, which the intranet page of the city site names. */
export const DEMO_SURVEY_ID = 'qualite-de-service';
export const DEMO_SURVEY_CLOSES_IN_DAYS = 30;

/** Last year's edition: the same questions, closed a year ago after a month open. */
export const PAST_DEMO_SURVEY_ID = 'qualite-de-service-precedente';
export const PAST_DEMO_SURVEY_TITLE = 'Qualité du service rendu : l’enquête de l’an dernier';
const PAST_OPENED_DAYS_AGO = 395;
const PAST_CLOSED_DAYS_AGO = 365;

/**
 * How many agents of each directorate answered last year. Culture and sports, under the minimum
 * group of five, is withheld from the results by directorate (and core withholds what would let it
 * be subtracted), so the demo shows the rule at work.
 */
export const PAST_RESPONDENTS: Record<string, number> = {
  'services-techniques': 14,
  population: 10,
  education: 8,
  ressources: 7,
  'culture-sports': 3,
};

/**
 * Creates this year's survey when it does not exist, open from `now` for 30 days; one that exists
 * is left as it is (an admin may have closed it, agents may have answered). `true` when created.
 */
export async function seedDemoSurvey(surveys: SurveyRepository, now = new Date()): Promise<boolean> {
  const definition = await seedFile(DEMO_SURVEY_FILE, readSurveyFile);
  if (await surveys.find(definition.id)) return false;
  // create() refuses a taken id, so an instance starting at the same moment cannot make a second one.
  return surveys.create({
    ...definition,
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + DEMO_SURVEY_CLOSES_IN_DAYS * DAY_MS).toISOString(),
  });
}

/**
 * Creates last year's survey, closed, with its generated responses, when it does not exist. Only
 * the instance whose create() succeeds adds the responses, so two starting at once add them once.
 * `true` when created.
 */
export async function seedPastDemoSurvey(surveys: SurveyRepository, now = new Date()): Promise<boolean> {
  const definition = await seedFile(DEMO_SURVEY_FILE, readSurveyFile);
  const opensAt = new Date(now.getTime() - PAST_OPENED_DAYS_AGO * DAY_MS);
  const past: StoredSurvey = {
    ...definition,
    id: PAST_DEMO_SURVEY_ID,
    title: PAST_DEMO_SURVEY_TITLE,
    opensAt: opensAt.toISOString(),
    closesAt: new Date(now.getTime() - PAST_CLOSED_DAYS_AGO * DAY_MS).toISOString(),
  };
  if (await surveys.find(past.id)) return false;
  if (!(await surveys.create(past))) return false;
  const answers = pastAnswers(past);
  const tokens = await surveys.invite(past.id, answers.length + 12);
  for (const [index, entry] of answers.entries()) {
    // Spread over the month it was open, as the day is all a response keeps.
    const day = new Date(opensAt.getTime() + (index % (PAST_OPENED_DAYS_AGO - PAST_CLOSED_DAYS_AGO)) * DAY_MS);
    await surveys.respond({ id: past.id, revision: 1 }, tokens[index]!, { id: randomUUID(), answers: entry }, day);
  }
  return true;
}

/** The demo links printed at start: invitations to this year's survey, a read token of last year's. */
export interface DemoSurveyTokens {
  invitations: string[];
  reader: string;
}

export const DEMO_INVITATIONS = 3;

/** New tokens at each start (only their hashes are kept, so earlier ones cannot be shown again). */
export async function issueDemoSurveyTokens(surveys: SurveyRepository): Promise<DemoSurveyTokens> {
  return { invitations: await surveys.invite(DEMO_SURVEY_ID, DEMO_INVITATIONS), reader: await surveys.issueReader(PAST_DEMO_SURVEY_ID) };
}

/** The start log's lines for them: ready-to-click pages of the demo site. */
export function demoSurveyLines(site: string, tokens: DemoSurveyTokens): string[] {
  return [
    ...tokens.invitations.map((token) => `Agents' survey, one response per link: ${site}/intranet.html#token=${token}`),
    `Agents' survey results of last year, for a manager: ${site}/intranet-resultats.html#token=${tokens.reader}`,
  ];
}

/**
 * Plausible answers of last year's respondents, the same at every seeding (a fixed pseudo-random
 * sequence), each checked as POST /v1/surveys/:id/responses would check it.
 */
export function pastAnswers(survey: SurveyDefinition): Record<string, unknown>[] {
  const random = mulberry32(2025);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const directorates = Object.entries(PAST_RESPONDENTS).flatMap(([directorate, count]) => Array<string>(count).fill(directorate));
  const answers = directorates.map((direction, index) => {
    const facesPublic = direction === 'population' || direction === 'education' ? random() < 0.85 : random() < 0.35;
    // Agents of the technical services and of resources are a little less satisfied.
    const mood = direction === 'services-techniques' || direction === 'ressources' ? -1 : 0;
    const level = (value: number) => Math.min(4, Math.max(0, value));
    const agreement = () => AGREEMENT[level(pick([1, 2, 3, 3, 3, 4]) + mood)]!;
    const answer: Record<string, unknown> = {
      direction,
      'accueil-public': facesPublic,
      'qualite-globale': level(pick([2, 3, 3, 3, 4]) + mood) + 1,
      affirmations: { moyens: agreement(), informations: agreement(), delais: agreement(), cooperation: AGREEMENT[level(pick([0, 1, 1, 2, 3]))]! },
      freins: shuffled(FREINS, random).slice(0, 1 + Math.floor(random() * 3)),
      priorites: shuffled(PRIORITES, random),
    };
    if (facesPublic) answer['canal-difficile'] = pick(direction === 'population' ? ['guichet', 'telephone', 'telephone'] : ['telephone', 'courriel', 'courriel', 'courrier']);
    if (index % 3 === 0) answer.idee = IDEAS[(index / 3) % IDEAS.length]!;
    return answer;
  });
  for (const entry of answers) {
    const problems = surveyAnswerProblems(survey, entry);
    if (problems.length > 0) throw new Error(`a generated demo response does not fit the survey:\n${problemLines(problems).join('\n')}`);
  }
  return answers;
}

const AGREEMENT = ['pas-du-tout', 'plutot-pas', 'neutre', 'plutot', 'tout-a-fait'] as const;
const FREINS = ['effectifs', 'outils', 'procedures', 'locaux', 'formation', 'coordination'] as const;
const PRIORITES = ['outils-numeriques', 'formation', 'simplification', 'horaires'] as const;
const IDEAS = [
  'Un logiciel de rendez-vous commun à tous les guichets, pour ne plus faire attendre les usagers.',
  'Une fiche de réponses aux questions fréquentes, tenue à jour et partagée entre services.',
  'Ouvrir l’accueil un soir par semaine pour ceux qui travaillent.',
  'Former les nouveaux agents à l’accueil téléphonique dès leur arrivée.',
  'Un interlocuteur unique pour les demandes qui concernent plusieurs services.',
  'Répondre aux courriels sous 48 heures, avec un accusé de réception automatique.',
  'Simplifier les circuits de signature des courriers.',
  'Des réunions entre services une fois par trimestre pour se connaître.',
  'Mettre en ligne le suivi des demandes d’intervention sur la voirie.',
  'Des formulaires en ligne plus courts et plus clairs.',
  'Des ordinateurs portables pour les agents qui se déplacent sur le terrain.',
  'Afficher les délais de traitement à l’accueil.',
  'Un espace d’attente plus accueillant pour les familles.',
  'Partager les bonnes pratiques d’un service à l’autre.',
];

/** The options in a random order of the sequence (Fisher–Yates). */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
