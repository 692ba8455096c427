import { newId, participantFromPlugins, type CivicPlugin } from '@civic-pulse/core';

/**
 * What this browser remembers of one consultation: the random participant id it answers, proposes
 * and supports under, and whether it has answered. One id per consultation, so that two
 * consultations cannot be linked to the same browser.
 */
export interface ParticipantRecord {
  participant: string;
  answered: boolean;
}

const storageKey = (consultation: string) => `civic-pulse:consultation:${consultation}`;

// Storage may be missing or refused (a private window, a blocked site, a sandboxed iframe): then
// the browser simply remembers nothing, and the server still refuses a second answer of the same id.
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** What this browser remembers of `consultation`; reading writes nothing. */
export function rememberedParticipant(consultation: string): ParticipantRecord | undefined {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(storageKey(consultation)) ?? 'null');
    if (typeof value !== 'object' || value === null) return undefined;
    const { participant, answered } = value as Record<string, unknown>;
    return typeof participant === 'string' && participant !== '' ? { participant, answered: answered === true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes what this browser remembers of `consultation`. Call it only once the person has acted
 * (answered, proposed, supported): nothing is stored on the device before that (DESIGN.md).
 */
export function rememberParticipant(consultation: string, record: ParticipantRecord): void {
  try {
    storage()?.setItem(storageKey(consultation), JSON.stringify(record));
  } catch {
    // Full or refused: the answer is sent anyway, only this browser will not remember it.
  }
}

/**
 * The participant to act as, at the moment the person acts: a verified identity from a plugin
 * (then nothing is stored on the device), else the id this browser remembers for `consultation`,
 * else a new one, remembered from now on.
 */
export async function participantForAction(
  consultation: string,
  plugins: readonly CivicPlugin[],
  element?: HTMLElement,
): Promise<{ participant: string; verified: boolean }> {
  const verified = await participantFromPlugins(plugins, { consultation, element });
  if (verified !== undefined) return { participant: verified, verified: true };
  const remembered = rememberedParticipant(consultation);
  if (remembered) return { participant: remembered.participant, verified: false };
  const participant = newId();
  rememberParticipant(consultation, { participant, answered: false });
  return { participant, verified: false };
}
