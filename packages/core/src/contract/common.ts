import * as z from 'zod/mini';

/** The barometer's contact channels, one list shared by every element. */
export const CHANNELS = ['counter', 'phone', 'email', 'web', 'mail', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = z.enum(CHANNELS);

/** Where a piece of feedback was given, apart from the channel it is about. */
export const SOURCES = ['web', 'kiosk', 'mobile'] as const;
export type Source = (typeof SOURCES)[number];
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
