import { readFile } from 'node:fs/promises';
import { ConsultationDefinitionSchema, type ConsultationDefinition, type FieldError } from '@civic-pulse/core';
import { HttpError } from './http-error.js';
import { parseOrThrow } from './validation.js';

/** The definition, or every problem of the file with its path (`(file)` when it is not JSON at all). */
export type DefinitionFile = { definition: ConsultationDefinition } | { problems: FieldError[] };

/**
 * Reads a consultation definition written by hand, checked as POST /v1/admin/consultations checks
 * its body, so that the seed, the command line and the API accept the same files.
 */
export async function readDefinitionFile(path: string): Promise<DefinitionFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : `cannot be read: ${(error as Error).message}`;
    return { problems: [{ path: '(file)', message: reason }] };
  }
  try {
    return { definition: parseOrThrow(ConsultationDefinitionSchema, json, 'body') };
  } catch (error) {
    if (error instanceof HttpError && error.fields) return { problems: error.fields };
    throw error;
  }
}

/** `path: message`, one line per problem, as the command line and the seed print them. */
export const problemLines = (problems: readonly FieldError[]): string[] => problems.map(({ path, message }) => `${path}: ${message}`);
