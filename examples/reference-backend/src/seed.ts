import type { Org } from '@civic-pulse/core';
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
 * Creates the demo org on first start. Later starts only add the origins of the current port, so
 * an admin's edits are kept and a server moved to another port still accepts its own pages.
 */
export async function seedDemoOrg(orgs: OrgRepository, port: number): Promise<void> {
  const localOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  let existing = await orgs.find(DEMO_ORG.id);
  if (!existing) {
    if (await orgs.create({ ...DEMO_ORG, allowedOrigins: localOrigins })) return;
    // Another instance on the same database created it at the same moment: add to theirs.
    existing = await orgs.find(DEMO_ORG.id);
    if (!existing) throw new Error(`${DEMO_ORG.id} could not be created, yet does not exist`);
  }
  const missing = localOrigins.filter((origin) => !existing.allowedOrigins.includes(origin));
  if (missing.length === 0) return;
  const { id: _id, ...update } = existing;
  await orgs.update(existing.id, { ...update, allowedOrigins: [...existing.allowedOrigins, ...missing] });
}
