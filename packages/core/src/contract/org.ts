import * as z from 'zod/mini';
import { SlugSchema } from './common.js';

export const ServiceSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
});
export type Service = z.infer<typeof ServiceSchema>;

/** A web origin as browsers send it in `Origin`: scheme, host and port, nothing else. */
export const OriginSchema = z.string().check(
  z.regex(/^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i, 'an origin such as https://www.ville.fr, without path'),
);

export const OrgSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  allowedOrigins: z.array(OriginSchema).check(z.maxLength(50)),
  services: z.array(ServiceSchema).check(z.minLength(1), z.maxLength(500)),
});
export type Org = z.infer<typeof OrgSchema>;

/** `PUT /v1/admin/orgs/:org`: everything but the id, which the URL names. */
export const OrgUpdateSchema = z.strictObject({
  name: OrgSchema.shape.name,
  allowedOrigins: OrgSchema.shape.allowedOrigins,
  services: OrgSchema.shape.services,
});
export type OrgUpdate = z.infer<typeof OrgUpdateSchema>;
