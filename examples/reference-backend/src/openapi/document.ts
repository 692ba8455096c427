import {
  AuditSchema,
  ConsultationDefinitionSchema,
  ConsultationResponseSchema,
  ConsultationResultsSchema,
  ConsultationSchema,
  ErrorBodySchema,
  IdeaDecisionSchema, IdeaSchema, IdeaSubmissionSchema, IdeaSupportReceiptSchema, IdeaSupportSchema,
  OrgSchema, OrgUpdateSchema, RatingSchema, ReceiptSchema, ServiceSchema,
  SurveyDefinitionSchema, SurveyResponseSchema, SurveySchema } from '@civic-pulse/core';
import * as z from 'zod';
import { BarometerSettingsSchema } from '../barometer-settings.js';
import { RetentionSettingsSchema } from '../retention.js';

// Each route file describes its own paths with these helpers, next to its handlers; the document
// gathers them. Request and answer shapes are the contract's zod schemas, converted, never retyped.

/** The contract schemas published under `#/components/schemas/<name>`. */
const COMPONENTS = {
  Rating: RatingSchema,
  Receipt: ReceiptSchema,
  Org: OrgSchema,
  OrgUpdate: OrgUpdateSchema,
  Service: ServiceSchema,
  Error: ErrorBodySchema,
  ConsultationDefinition: ConsultationDefinitionSchema,
  Consultation: ConsultationSchema,
  ConsultationResponse: ConsultationResponseSchema,
  ConsultationResults: ConsultationResultsSchema,
  Idea: IdeaSchema, IdeaSubmission: IdeaSubmissionSchema, IdeaSupport: IdeaSupportSchema, IdeaSupportReceipt: IdeaSupportReceiptSchema, IdeaDecision: IdeaDecisionSchema,
  SurveyDefinition: SurveyDefinitionSchema, Survey: SurveySchema, SurveyResponse: SurveyResponseSchema,
  Audit: AuditSchema,
  BarometerSettings: BarometerSettingsSchema,
  RetentionSettings: RetentionSettingsSchema,
};
export type ComponentName = keyof typeof COMPONENTS;

type JsonObject = Record<string, unknown>;
/** `{ '/v1/…': { get: operation, post: operation } }`, as OpenAPI writes paths. */
export type OpenApiPaths = Record<string, Record<string, JsonObject>>;

export const schemaRef = (name: ComponentName): JsonObject => ({ $ref: `#/components/schemas/${name}` });

export const jsonContent = (schema: JsonObject): JsonObject => ({ 'application/json': { schema } });

export const jsonBody = (name: ComponentName): JsonObject => ({ required: true, content: jsonContent(schemaRef(name)) });

export const jsonResponse = (description: string, schema: JsonObject): JsonObject => ({
  description,
  content: jsonContent(schema),
});

export const errorResponse = (description: string): JsonObject => jsonResponse(description, schemaRef('Error'));

export const pathParameter = (name: string, description: string): JsonObject => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

/** Marks an operation as needing the admin token. */
export const ADMIN_ONLY = {
  security: [{ adminToken: [] }],
  tags: ['admin'],
};

export const ADMIN_ERRORS = {
  401: errorResponse('No admin token (`Authorization: Bearer …` missing)'),
  403: errorResponse('Wrong admin token'),
};

/** Joins the paths of several route files; two files may share a path, never a method on it. */
export function mergePaths(...parts: OpenApiPaths[]): OpenApiPaths {
  const merged: OpenApiPaths = {};
  for (const [path, operations] of parts.flatMap((part) => Object.entries(part))) {
    for (const [method, operation] of Object.entries(operations)) {
      merged[path] ??= {};
      if (merged[path][method]) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is described twice`);
      merged[path][method] = operation;
    }
  }
  return merged;
}

export function buildOpenApiDocument(paths: OpenApiPaths): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Civic Pulse HTTP contract',
      version: '1',
      description:
        'The v1 contract shared by the http adapter of @civic-pulse/core, this reference backend and any ' +
        'third-party backend. Every error answer has the Error shape.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'CIVIC_ADMIN_TOKEN' },
        invitationToken: { type: 'http', scheme: 'bearer', description: 'A survey invitation token (POST /v1/admin/surveys/{id}/invitations)' },
        readToken: { type: 'http', scheme: 'bearer', description: 'A manager’s read token of a survey’s results (POST /v1/admin/surveys/{id}/readers)' },
      },
    },
  };
}

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' });
  // Each comes out as a standalone JSON Schema document; inside an OpenAPI document its `$schema`
  // is implied (3.1 uses draft 2020-12) and its `$id` would only confuse `$ref` resolution.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema as JsonObject]),
  );
}
