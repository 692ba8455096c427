import { readFile } from 'node:fs/promises';
import { ConsultationDefinitionSchema, definitionProblems, type ConsultationDefinition, type FieldError } from '@civic-pulse/core';
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
    if (error instanceof HttpError && error.fields) return { problems: [...error.fields, ...coherenceProblems(json, error.fields)] };
    throw error;
  }
}

/**
 * The schema checks coherence (dates, options, ids, showIf) only once every field has its shape.
 * Someone fixing a file by hand wants every problem at once, so they run here on what can be read,
 * leaving out what a shape problem already names.
 */
function coherenceProblems(json: unknown, named: readonly FieldError[]): FieldError[] {
  const { questions } = (json ?? {}) as { questions?: unknown };
  if (!Array.isArray(questions) || !questions.every((question) => typeof question === 'object' && question !== null)) return [];
  const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  try {
    return definitionProblems(json as Parameters<typeof definitionProblems>[0]).filter(
      (problem) => !named.some((shape) => overlaps(problem.path, shape.path)),
    );
  } catch {
    return [];
  }
}

/** `path: message`, one line per problem, as the command line and the seed print them. */
export const problemLines = (problems: readonly FieldError[]): string[] => problems.map(({ path, message }) => `${path}: ${message}`);
