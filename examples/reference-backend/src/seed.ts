import { fileURLToPath } from 'node:url';
import type { Org } from '@civic-pulse/core';
import { problemLines, readDefinitionFile, type DefinitionFile } from './consultation-file.js';
import type { ConsultationRepository } from './storage/consultations.js';
import type { OrgRepository } from './storage/orgs.js';

/** The demo collectivité of `npm start` and the city site. */
export const DEMO_ORG: Omit<Org, 'allowedOrigins'> = {
  id: 'ville-exemple',
  name: "Ville d'Exemple",
  services: [
    { id: 'etat-civil', name: 'État civil' },
    { id: 'urbanisme', name: 'Urbanisme' },
    { id: 'piscine', name: 'Piscine municipale' },
    { id: 'dechets', name: 'Collecte des déchets' },
  ],
};

/**
 * Creates the demo org (Ville d'Exemple unless another is given: the barometer's Village
 * d'Exemple) on first start. Later starts only add the origins of the current port, so an admin's
 * edits are kept and a server moved to another port still accepts its own pages.
 */
export async function seedDemoOrg(orgs: OrgRepository, port: number, demo: Omit<Org, 'allowedOrigins'> = DEMO_ORG): Promise<void> {
  const localOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  let existing = await orgs.find(demo.id);
  if (!existing) {
    if (await orgs.create({ ...demo, allowedOrigins: localOrigins })) return;
    // Another instance on the same database created it at the same moment: add to theirs.
    existing = await orgs.find(demo.id);
    if (!existing) throw new Error(`${demo.id} could not be created, yet does not exist`);
  }
  const missing = localOrigins.filter((origin) => !existing.allowedOrigins.includes(origin));
  if (missing.length === 0) return;
  const { id: _id, ...update } = existing;
  await orgs.update(existing.id, { ...update, allowedOrigins: [...existing.allowedOrigins, ...missing] });
}

/**
 * The demo consultation of the city site's "place du marché" page, read from the file an admin
 * would give the command line (one source for both). Its dates there are an example: the seed
 * opens it a week before `now` and closes it two months after `now`, so the demo is always open.
 */
export const DEMO_CONSULTATION_FILE = fileURLToPath(new URL('../seed/place-du-marche.json', import.meta.url));

export const DAY_MS = 24 * 60 * 60 * 1000;
export const DEMO_CONSULTATION_OPENED_DAYS_AGO = 7;
export const DEMO_CONSULTATION_CLOSES_IN_DAYS = 60;

/**
 * Creates the demo consultation when it does not exist; one that exists is left as it is, since an
 * admin may have closed it or answers may hang on it. Needs the demo org. `true` when created.
 */
export async function seedDemoConsultation(consultations: ConsultationRepository, now = new Date()): Promise<boolean> {
  const definition = await seedFile(DEMO_CONSULTATION_FILE, readDefinitionFile);
  if (await consultations.find(definition.id)) return false;
  // create() refuses a taken id, so an instance starting at the same moment cannot make a second one.
  return consultations.create({
    ...definition,
    id: definition.id,
    opensAt: new Date(now.getTime() - DEMO_CONSULTATION_OPENED_DAYS_AGO * DAY_MS).toISOString(),
    closesAt: new Date(now.getTime() + DEMO_CONSULTATION_CLOSES_IN_DAYS * DAY_MS).toISOString(),
  });
}

/** A demo definition file, which must pass the admin API's checks and name its id. */
export async function seedFile<D extends { id?: string | undefined }>(path: string, read: (path: string) => Promise<DefinitionFile<D>>): Promise<D & { id: string }> {
  const file = await read(path);
  if ('problems' in file) throw new Error(`${path}:\n${problemLines(file.problems).join('\n')}`);
  const { definition } = file;
  if (definition.id === undefined) throw new Error(`${path}: a demo definition needs its id`);
  return { ...definition, id: definition.id };
}

/** A small seeded pseudo-random generator: the demo data is the same at every seeding. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
