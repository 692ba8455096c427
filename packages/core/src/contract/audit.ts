import * as z from 'zod/mini';
import { ChannelSchema, SlugSchema } from './common.js';

/**
 * One mystery-shopping audit: one evaluated contact on one channel on one day, and how many of the
 * criteria evaluated were met. `criteria`, when given, says which (`reachability: true`…) and must
 * agree with the two counts. `id` is the audit firm's reference: importing it again adds nothing;
 * without one, the server keys the audit on its content.
 */
export const AuditSchema = z
  .strictObject({
    id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
    date: z.iso.date(),
    channel: ChannelSchema,
    service: z.optional(SlugSchema),
    criteriaMet: z.int().check(z.gte(0), z.lte(100)),
    criteriaTotal: z.int().check(z.gte(1), z.lte(100)),
    criteria: z.optional(z.record(SlugSchema, z.boolean())),
  })
  .check(
    z.refine((audit) => audit.criteriaMet <= audit.criteriaTotal, {
      message: 'more criteria met than evaluated',
      path: ['criteriaMet'],
    }),
    z.refine((audit) => !audit.criteria || Object.keys(audit.criteria).length === audit.criteriaTotal, {
      message: 'the criteria listed are not as many as criteriaTotal',
      path: ['criteria'],
    }),
    z.refine((audit) => !audit.criteria || Object.values(audit.criteria).filter(Boolean).length === audit.criteriaMet, {
      message: 'the criteria met are not as many as criteriaMet',
      path: ['criteria'],
    }),
  );
export type Audit = z.infer<typeof AuditSchema>;

/** What an import answers: the audits added, and those already there (the same id or content). */
export interface AuditImportReceipt {
  imported: number;
  duplicates: number;
}
