import { toCsv } from './csv.js';

/** One invitation token per row under a `token` header, for a mail merge. */
export const invitationsToCsv = (tokens: readonly string[]): string =>
  toCsv(
    ['token'],
    tokens.map((token) => [token]),
  );
