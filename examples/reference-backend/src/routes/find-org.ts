import type { Org } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../http-error.js';

/** The org named in the URL, or the contract's 404. */
export async function findOrgOrThrow(app: FastifyInstance, id: string): Promise<Org> {
  const org = await app.storage.orgs.find(id);
  if (!org) throw unknownOrg(id);
  return org;
}

export function unknownOrg(id: string): HttpError {
  return new HttpError(404, 'unknown-org', `There is no organisation "${id}".`);
}
