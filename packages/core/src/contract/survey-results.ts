import type { SurveySection } from './survey.js';
import type { ConsultationStatus } from './vocabulary.js';

// What a manager reads of a survey: tallies that never describe fewer agents than the survey's
// minimum group, published only once the survey has closed. While it is open only the count of
// responses is told: interim results would let the last responses be read as the difference
// between two publications.

/** The smallest group whose results are shown, unless the survey sets its own (never below 3). */
export const DEFAULT_MINIMUM_GROUP = 5;
export const LOWEST_MINIMUM_GROUP = 3;
/** Free-text comments are shown only when at least this many were written (or the minimum group, if larger). */
export const MINIMUM_COMMENTS = 8;

/** Put in place of a tally, a statement or a group that would describe too few agents. */
export interface Withheld {
  withheld: true;
}

/** One matrix statement: how many answered it, and how many chose each option of the scale. */
export interface SurveyStatementTally {
  answered: number;
  counts: Record<string, number>;
}

/**
 * One question's tally. `answered` counts the agents who answered it; `counts` is by option id,
 * `yes`/`no`, or scale value; `mean` for a scale; `points` Borda points for a ranking; `statements`
 * for a matrix, each withheld on its own; `comments` for a text question, sorted, only in the
 * whole survey's results and only when there are enough of them (else `commentsWithheld`).
 */
export interface SurveyQuestionTally {
  answered: number;
  counts?: Record<string, number>;
  mean?: number;
  statements?: Record<string, SurveyStatementTally | Withheld>;
  comments?: string[];
  commentsWithheld?: true;
}

export type SurveyQuestionResult = SurveyQuestionTally | Withheld;

/** The results of one group of a breakdown: the agents who gave one answer to a breakdown question. */
export interface SurveyGroupResults {
  respondents: number;
  questions: Record<string, SurveyQuestionResult>;
}

export interface SurveyResults {
  survey: string;
  /** The title and the sections, so that a manager's view can label what it shows. */
  title: string;
  sections: SurveySection[];
  status: ConsultationStatus;
  closesAt: string;
  /** Invitations issued, and responses received so far: the participation, told at any time. */
  invited: number;
  received: number;
  /** Whether the tallies are out: once the survey has closed (with fewer respondents than the minimum group, all withheld). */
  published: boolean;
  /** The agents the tallies describe: `received` once published, else 0. */
  respondents: number;
  minimumGroup: number;
  minimumComments: number;
  /** By question id, in the survey's order; empty until published. */
  questions: Record<string, SurveyQuestionResult>;
  /**
   * By breakdown question id, then by group: an option id, `yes`/`no`, or `none` for the agents
   * who did not answer it. Each group is withheld when it, or what it would let be subtracted from
   * another published tally, describes fewer agents than the minimum group.
   */
  breakdowns: Record<string, Record<string, SurveyGroupResults | Withheld>>;
}

/** The group key of the agents who did not answer a breakdown question. */
export const NO_ANSWER_GROUP = 'none';

export const isWithheld = (value: object): value is Withheld => 'withheld' in value && (value as Withheld).withheld === true;
