/**
 * What the device keeps of one survey while the agent answers it, so that a reload or a closed tab
 * loses nothing: the invitation token (typed tokens are not in the URL after a reload), the answers,
 * the section reached, the response id (a retry after a reload sends the same id), whether Send
 * was pressed (the answers wait to be sent: a reload sends them on) and whether a request may have
 * left (then a `token-used` reply means that request was recorded). Written only
 * once the agent has answered something, deleted once the answers are recorded.
 */
export interface SurveyDraft {
  token: string;
  answers: Record<string, unknown>;
  /** The id of the section the agent was on. */
  section: string;
  responseId: string;
  /** A request with these answers may have left the device: not merely Send pressed while offline. */
  attempted: boolean;
  /** Send was pressed: the answers were handed to the outbox. */
  queued: boolean;
}

// One key per survey, under the SDK's prefix, as the poll's participant record.
const draftKey = (survey: string) => `civic-pulse:survey:${survey}`;

// Storage may be missing or refused (a private window, a sandboxed iframe): then no draft is kept,
// and the survey still works within the page.
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** The draft kept for `survey`, if any and well formed; reading writes nothing. */
export function readDraft(survey: string): SurveyDraft | undefined {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(draftKey(survey)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { token, answers, section, responseId, attempted, queued } = value as Record<string, unknown>;
    if (typeof token !== 'string' || token === '' || typeof answers !== 'object' || answers === null || Array.isArray(answers)) return undefined;
    return {
      token,
      answers: answers as Record<string, unknown>,
      section: typeof section === 'string' ? section : '',
      responseId: typeof responseId === 'string' ? responseId : '',
      attempted: attempted === true,
      queued: queued === true,
    };
  } catch {
    return undefined;
  }
}

export function saveDraft(survey: string, draft: SurveyDraft): void {
  try {
    storage()?.setItem(draftKey(survey), JSON.stringify(draft));
  } catch {
    // Full or refused: the agent goes on without a draft.
  }
}

export function deleteDraft(survey: string): void {
  try {
    storage()?.removeItem(draftKey(survey));
  } catch {
    // Refused: nothing was kept either.
  }
}

/** The invitation token in the page's fragment, `#token=…` (the fragment never reaches Referer headers or server logs). */
export function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim() ?? '';
}
