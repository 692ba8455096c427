// What the kiosk-mode stories' play functions share, beyond the rating's: waiting for kiosk mode's
// own chunk, and reading its staff status and its warning. Names come from the catalog of the
// language the element speaks, as in rating-play.ts.
import { expect, waitFor } from 'storybook/test';
import { ratingIn } from './rating-play.js';

/** The story's rating once kiosk mode has drawn its screen (its chunk, messages and styles loaded). */
export async function kioskIn(canvasElement: HTMLElement) {
  const rating = await ratingIn(canvasElement);
  await waitFor(() => expect(rating.part('kiosk')).toBeTruthy(), { timeout: 5000 });
  return {
    ...rating,
    /** The staff's status line, its spaces made plain. */
    statusLine: () => (rating.part('kiosk-status')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    /** The warning before an unsent rating is cleared. */
    warning: () => rating.part('kiosk-warning') as HTMLDialogElement,
  };
}

/** Runs `act` as on a device whose IndexedDB cannot be opened (a private window of some browsers, a locked profile). */
export async function withoutIndexedDb(act: () => Promise<void>): Promise<void> {
  const open = indexedDB.open;
  indexedDB.open = () => {
    throw new DOMException('IndexedDB is blocked', 'InvalidStateError');
  };
  try {
    await act();
  } finally {
    indexedDB.open = open;
  }
}
