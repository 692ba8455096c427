import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError, sendError } from '../http-error.js';
import { SECURITY_HEADERS } from './security-headers.js';

const WHOLE_BODY = '(body)';

/** Fastify's own errors about the request, in the contract's words, by fastify error code. */
const FRAMEWORK_ERRORS = new Map<string, () => HttpError>([
  ['FST_ERR_CTP_BODY_TOO_LARGE', () => new HttpError(413, 'body-too-large', 'The request body is larger than this route accepts.')],
  ['FST_ERR_CTP_INVALID_MEDIA_TYPE', () => new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.')],
  [
    'FST_ERR_CTP_INVALID_JSON_BODY',
    () => new HttpError(400, 'invalid-json', 'The body is not valid JSON.', [{ path: WHOLE_BODY, message: 'not valid JSON' }]),
  ],
  [
    'FST_ERR_CTP_EMPTY_JSON_BODY',
    () =>
      new HttpError(400, 'invalid-json', 'The body is empty although Content-Type says JSON.', [{ path: WHOLE_BODY, message: 'empty' }]),
  ],
]);

// Checked when a URL has no route for its method, so that a wrong method gets 405 and an Allow list.
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The one place that turns anything thrown into the Error shape: contract errors as they are,
 * framework 4xx mapped, everything else a 500 whose details stay in the log.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
      if (error instanceof HttpError) return sendError(reply, error);
      const known = FRAMEWORK_ERRORS.get(error.code)?.();
      if (known) return sendError(reply, known);
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendError(reply, new HttpError(status, 'bad-request', error.message));
      }
      request.log.error({ err: error }, 'unexpected error');
      return sendError(reply, new HttpError(500, 'internal-error', 'Something went wrong on the server; it has been logged.'));
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = methodsRoutedFor(app, path).filter((method) => method !== request.method);
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        return sendError(reply, new HttpError(405, 'method-not-allowed', `${request.method} is not allowed on ${path}.`));
      }
      return sendError(reply, new HttpError(404, 'not-found', `Nothing at ${request.method} ${path}.`));
    });
  },
  { name: 'civic-errors' },
);

/**
 * For the `frameworkErrors` option of the fastify factory: errors raised while routing, before any
 * plugin's handler or hook exists (a URL with broken percent-encoding).
 */
export function answerRoutingError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS);
  sendError(reply, new HttpError(error.statusCode ?? 400, 'bad-url', error.message));
}

/** Methods with a real route for this path; the static files' catch-all (`*`) does not count. */
function methodsRoutedFor(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    return route !== null && !('*' in (route.params as object));
  });
}
