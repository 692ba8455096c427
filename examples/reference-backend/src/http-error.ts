import type { ErrorBody, FieldError } from '@civic-pulse/core';
import type { FastifyReply } from 'fastify';

/** An answer in the contract's Error shape; the error handler sends it as it is. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly fields: FieldError[] | undefined;

  constructor(statusCode: number, code: string, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.fields = fields;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

/** A 400 about one field, for checks that need the database and so cannot live in a schema. */
export function badField(code: string, path: string, message: string): HttpError {
  return new HttpError(400, code, message, [{ path, message }]);
}

/** For the few places that answer an error themselves because it carries a header (Allow, WWW-Authenticate). */
export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.toBody());
}
