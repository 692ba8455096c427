import cors from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

// The org is read from the URL, not from route params, because preflights land on the plugin's
// catch-all OPTIONS route. By default it is the segment after /v1/orgs/; a scope whose URLs name
// something else of an org (/v1/consultations/:id) says how to find the org from the URL.
const ORG_IN_URL = /^\/v1\/orgs\/([^/?#]+)/;

/** The org whose allowed origins a request's URL answers to; `undefined` grants nothing. */
export type OrgOfUrl = (app: FastifyInstance, url: string) => Promise<string | undefined>;

export interface OrgCorsOptions {
  orgOf?: OrgOfUrl;
  /** Request headers a page may send besides Content-Type and Idempotency-Key (a survey's Authorization). */
  extraHeaders?: string[];
}

const orgInUrl: OrgOfUrl = async (_app, url) => ORG_IN_URL.exec(url)?.[1];

/**
 * CORS for the public routes of one org: the browser gets a grant only when the page's origin is in
 * that org's allow-list, read from the database on each request so that an admin's change applies at
 * once, on every instance. No credentials: no cookie ever crosses.
 */
export default fp(
  async (app, { orgOf = orgInUrl, extraHeaders = [] }: OrgCorsOptions) => {
    async function isAllowed(request: FastifyRequest): Promise<boolean> {
      const origin = request.headers.origin?.toLowerCase();
      const org = origin ? await orgOf(app, request.url) : undefined;
      if (!origin || !org) return false;
      const allowed = await app.storage.orgs.allowedOrigins(org);
      return allowed?.some((entry) => entry.toLowerCase() === origin) ?? false;
    }

    await app.register(cors, {
      delegator: async (request: FastifyRequest) => ({
        origin: (await isAllowed(request)) ? request.headers.origin : false,
        methods: ['GET', 'HEAD', 'POST'],
        allowedHeaders: ['Content-Type', 'Idempotency-Key', ...extraHeaders],
        credentials: false,
        maxAge: 600,
        // The strict check answers a bare OPTIONS with a text/plain 400 outside the Error shape;
        // without it that request just gets the grant, which tells nothing the real one would not.
        strictPreflight: false,
      }),
    });
  },
  { name: 'civic-org-cors', dependencies: ['civic-storage'] },
);
