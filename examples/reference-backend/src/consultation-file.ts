import { readFile } from 'node:fs/promises';
import {
  ConsultationDefinitionSchema,
  definitionProblems,
  SurveyDefinitionSchema,
  surveyDefinitionProblems,
  type ConsultationDefinition,
  type FieldError,
  type SurveyDefinition,
} from '@civic-pulse/core';
import { HttpError } from './http-error.js';
import { parseOrThrow, type Parser } from './validation.js';

/** The definition, or every problem of the file with its path (`(file)` when it is not JSON at all). */
export type DefinitionFile<T = ConsultationDefinition> = { definition: T } | { problems: FieldError[] };

/**
 * Reads a consultation definition written by hand, checked as POST /v1/admin/consultations checks
 * its body, so that the seed, the command line and the API accept the same files.
 */
export const readDefinitionFile = (path: string): Promise<DefinitionFile<ConsultationDefinition>> =>
  readCheckedFile(path, ConsultationDefinitionSchema, (json) => (isListOfObjects(json.questions) ? definitionProblems(json as ConsultationDefinition) : []));

/** The same for a survey, checked as POST /v1/admin/surveys checks its body. */
export const readSurveyFile = (path: string): Promise<DefinitionFile<SurveyDefinition>> =>
  readCheckedFile(path, SurveyDefinitionSchema, (json) =>
    isListOfObjects(json.sections) && json.sections.every((section) => isListOfObjects(section.questions))
      ? surveyDefinitionProblems(json as SurveyDefinition)
      : [],
  );

type Json = Record<string, unknown>;
const isListOfObjects = (value: unknown): value is Json[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null);

async function readCheckedFile<T>(path: string, schema: Parser<T>, coherence: (json: Json) => FieldError[]): Promise<DefinitionFile<T>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not JSON: ${error.message}` : `cannot be read: ${(error as Error).message}`;
    return { problems: [{ path: '(file)', message: reason }] };
  }
  try {
    return { definition: parseOrThrow(schema, json, 'body') };
  } catch (error) {
    if (error instanceof HttpError && error.fields) return { problems: [...error.fields, ...coherenceProblems((json ?? {}) as Json, coherence, error.fields)] };
    throw error;
  }
}

/**
 * The schema checks coherence (dates, options, ids, showIf) only once every field has its shape.
 * Someone fixing a file by hand wants every problem at once, so they run here on what can be read,
 * leaving out what a shape problem already names.
 */
function coherenceProblems(json: Json, coherence: (json: Json) => FieldError[], named: readonly FieldError[]): FieldError[] {
  const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
  try {
    return coherence(json).filter((problem) => !named.some((shape) => overlaps(problem.path, shape.path)));
  } catch {
    return [];
  }
}

/** `path: message`, one line per problem, as the command line and the seed print them. */
export const problemLines = (problems: readonly FieldError[]): string[] => problems.map(({ path, message }) => `${path}: ${message}`);
