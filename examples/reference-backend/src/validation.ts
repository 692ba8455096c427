import { fieldErrorsOf, type FieldError } from '@civic-pulse/core';
import * as z from 'zod';
import { HttpError } from './http-error.js';

// zod/mini, in which the contract is written, loads no messages ("Invalid input" for everything).
// The server loads the English ones into the one copy of zod that the contract and it share.
z.config(z.locales.en());

type Issues = Parameters<typeof fieldErrorsOf>[0];

/** The part of a zod schema this needs, written structurally: zod/mini and full zod schemas both fit. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Issues } };
}

/** The parsed value, or a 400 that names every bad field. */
export function parseOrThrow<T>(schema: Parser<T>, value: unknown, what: 'body' | 'query'): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(what, fieldErrorsOf(result.error.issues));
  const withNul = nulCharacters(result.data);
  if (withNul.length > 0) throw invalidInput(what, withNul);
  return result.data;
}

/**
 * PostgreSQL refuses U+0000 in text (SQLite stores it): a comment holding one would be a 500 on
 * one engine and stored on the other. No one types it, so every input refuses it, on both.
 */
function nulCharacters(value: unknown, path: readonly string[] = []): FieldError[] {
  if (typeof value === 'string') return value.includes(NUL) ? [nulAt(path)] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, entry]) => {
    const here = [...path, key];
    return [...(key.includes(NUL) ? [nulAt(here)] : []), ...nulCharacters(entry, here)];
  });
}

const NUL = '\u0000';
const nulAt = (path: readonly string[]): FieldError => ({
  path: path.length > 0 ? path.join('.') : '(body)',
  message: 'must not contain the NUL character (U+0000)',
});

/** The 400 for input that breaks the contract, each bad field named. */
export function invalidInput(what: 'body' | 'query', fields: FieldError[]): HttpError {
  return new HttpError(400, `invalid-${what}`, `The request ${what} does not match the contract.`, fields);
}
