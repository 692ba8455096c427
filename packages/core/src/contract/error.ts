import * as z from 'zod/mini';

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** The body of every error answer of the v1 contract. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.array(FieldErrorSchema)),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

/**
 * Turns zod issues into the contract's `fields`: one entry per bad field, dotted paths. An
 * unknown key is named as a field of its own, so that `{"scroe": 3}` says `scroe`, not the body.
 */
export function fieldErrorsOf(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'unknown field' }));
    }
    return [{ path: path.join('.') || '(body)', message: issue.message }];
  });
}
