import { randomBytes, randomUUID } from 'node:crypto';

/**
 * An id for a consultation posted without one: readable in URLs and embed snippets (a slug of the
 * title), with a random suffix so that two consultations with one title do not collide.
 */
export function newConsultationId(title: string): string {
  const slug = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug ? `${slug}-${randomBytes(3).toString('hex')}` : randomUUID();
}
