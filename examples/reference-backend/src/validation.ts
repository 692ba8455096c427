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
  if (result.success) return result.data;
  throw invalidInput(what, fieldErrorsOf(result.error.issues));
}

/** The 400 for input that breaks the contract, each bad field named. */
export function invalidInput(what: 'body' | 'query', fields: FieldError[]): HttpError {
  return new HttpError(400, `invalid-${what}`, `The request ${what} does not match the contract.`, fields);
}
