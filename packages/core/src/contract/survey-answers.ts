import { askedAnswerProblems, isShown, type AnswerableQuestion, type Condition } from './consultation-answers.js';
import type { FieldError } from './error.js';

// The survey's answer checks, in plain code like the consultation's, which they reuse: the element
// and the server refuse the same answers.

interface AnswerableSurvey {
  sections: readonly { id: string; showIf?: Condition; questions: readonly AnswerableQuestion[] }[];
}

/** Whether a section with `showIf` is shown, given the answers to the earlier sections. */
export function isSectionShown(section: { showIf?: Condition }, answers: Record<string, unknown>): boolean {
  return isShown(section, answers);
}

/**
 * Every problem of these answers to this survey, at `answers.<questionId>`. A question of a hidden
 * section is not asked, like a hidden question: it needs no answer and may not have one.
 */
export function surveyAnswerProblems(survey: AnswerableSurvey, answers: Record<string, unknown>): FieldError[] {
  return askedAnswerProblems(
    survey.sections.flatMap((section) => {
      const shown = isSectionShown(section, answers);
      return section.questions.map((question) => ({ question, asked: shown && isShown(question, answers) }));
    }),
    answers,
  );
}
