import * as z from 'zod/mini';
import type { FieldError } from './error.js';
import { CHANNELS, PARTICIPANT_MAX_LENGTH, SOURCES } from './vocabulary.js';

export const ChannelSchema = z.enum(CHANNELS);
export const SourceSchema = z.enum(SOURCES);

/** Lower-case ids used in URLs: orgs, services, kiosks. */
export const SlugSchema = z.string().check(
  z.minLength(1),
  z.maxLength(64),
  z.regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and dashes'),
);

export const UuidSchema = z.uuid();

/** An ISO 8601 instant with its offset, as `Date.prototype.toISOString()` writes it. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** Who answers a consultation: a random id kept by the element, or a verified identity (see plugins). */
export const ParticipantSchema = z.string().check(z.minLength(1), z.maxLength(PARTICIPANT_MAX_LENGTH));

/**
 * A check that reports every problem a plain function finds (a definition's coherence), each at
 * its dotted path, so that the function also serves code that does not load zod.
 */
export function problemsCheck<T>(problemsOf: (value: T) => readonly FieldError[]) {
  return z.superRefine<T>((value, ctx) => {
    for (const { path, message } of problemsOf(value)) ctx.issues.push({ code: 'custom', input: value, path: path.split('.'), message });
  });
}
