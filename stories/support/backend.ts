// msw handlers for the one route the rating calls, POST /v1/orgs/:org/ratings, so that stories
// run the element's real http adapter (ky, retries, error mapping) against a backend that
// answers as the reference backend does, or fails the way a story needs.
import { delay, http, HttpResponse, type DefaultBodyType, type PathParams } from 'msw';
import { fieldErrorsOf, RatingSchema, type ErrorBody, type FieldError, type Receipt } from '@civic-pulse/core';

/** A `.example` host never resolves: a request that slipped past msw fails instead of leaving the machine. */
export const ENDPOINT = 'https://avis.ville-exemple.example';
export const ORG = 'ville-exemple';

const RATINGS_URL = `${ENDPOINT}/v1/orgs/${ORG}/ratings`;
// The demo commune's services, as the reference backend seeds them.
const SERVICES = ['etat-civil', 'urbanisme', 'piscine', 'dechets'];

const refusal = (code: string, message: string, fields: FieldError[]) =>
  HttpResponse.json<ErrorBody>({ error: { code, message, fields } }, { status: 400 });

/**
 * Checks each rating against the contract's schema, the Idempotency-Key and the org's services,
 * as the reference backend does, and answers 201 with a receipt or 400 naming the bad fields.
 */
export const accepts = () =>
  http.post<PathParams, DefaultBodyType, Receipt | ErrorBody>(RATINGS_URL, async ({ request }) => {
    const parsed = RatingSchema.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) return refusal('invalid-body', 'The request body does not match the contract.', fieldErrorsOf(parsed.error.issues));
    const rating = parsed.data;
    if (request.headers.get('Idempotency-Key') !== rating.id) {
      return refusal('idempotency-key-mismatch', 'The Idempotency-Key header and the body id differ.', [{ path: 'id', message: 'must equal the Idempotency-Key header' }]);
    }
    if (!SERVICES.includes(rating.service)) {
      return refusal('unknown-service', `"${rating.service}" is not a service of ${ORG}`, [{ path: 'service', message: 'unknown service' }]);
    }
    return HttpResponse.json<Receipt>({ id: rating.id, receivedAt: new Date().toISOString() }, { status: 201 });
  });

/** A server that takes the request and never answers. */
export const neverAnswers = () => http.post(RATINGS_URL, () => delay('infinite'));

/** The connection fails, as offline or on a dropped mobile link; `once` lets a later handler answer the retry. */
export const connectionFails = (options?: { once: boolean }) => http.post(RATINGS_URL, () => HttpResponse.error(), options);

/** 429 with a `Retry-After` longer than the adapter waits for itself, so the element tells the person. */
export const rateLimited = (seconds: number) =>
  http.post(RATINGS_URL, () =>
    HttpResponse.json<ErrorBody>(
      { error: { code: 'rate-limited', message: 'Too many requests.' } },
      { status: 429, headers: { 'Retry-After': String(seconds) } },
    ),
  );
