import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createMemoryAdapter, kioskMessages, type BackendAdapter, type Rating } from '@civic-pulse/core';
import { encode } from 'uqr';
import '../civic-satisfaction-rating.js';
import type { SatisfactionRating } from '../satisfaction-rating.js';
import type { KioskMode } from './kiosk-mode.js';
import type { Clock } from './clock.js';
import { accessibleNames, hasAccessibleNode } from '../../test-support/a11y.js';
import { choose, comment, focused, forgetOutboxes, hasPart, heldAdapter, part, radios, ratingFixture, submitAndWait } from '../../test-support/rating.js';

const KIOSK = 'mode="kiosk" kiosk-id="hall-mairie" service-name="État civil"';

/** A clock the test moves forward itself: the warning alone lasts 20 s at least. */
function manualClock() {
  let now = Date.parse('2027-03-01T09:00:00Z');
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: Clock & { advance(ms: number): Promise<void> } = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(nextId, { at: now + ms, run });
      return nextId++;
    },
    clearTimeout: (id) => void timers.delete(id as number),
    /** Runs, in order, every timer due within `ms`, then lets the element render what they changed. */
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await Promise.resolve();
      }
      now = end;
    },
  };
  return clock;
}

/** The kiosk's controller, once its chunk has loaded: the test gives it its clock. */
const kioskOf = (el: SatisfactionRating) => (el as unknown as { kiosk?: KioskMode | 0 }).kiosk;

/** A rating in kiosk mode, its chunk, messages and styles loaded, on a clock the test moves. */
async function kioskFixture(adapter: BackendAdapter = createMemoryAdapter(), attributes = '') {
  const el = await ratingFixture(adapter, `${KIOSK} ${attributes}`);
  await waitUntil(() => kioskOf(el) && part(el, 'kiosk'), 'kiosk mode starts', { timeout: 5000 });
  const clock = manualClock();
  (kioskOf(el) as KioskMode).clock = clock;
  await el.updateComplete;
  return { el, clock };
}

/** A part's text, its spaces (French typography's no-break ones too) made plain. */
const text = (el: SatisfactionRating, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const warning = (el: SatisfactionRating) => part(el, 'kiosk-warning') as HTMLDialogElement;
const settle = async (el: SatisfactionRating) => {
  for (let i = 0; i < 3; i += 1) await el.updateComplete;
};

/** Counts the calls to `navigator.storage.persist` while `run` runs; `persistAsked()` reads the count. */
async function countingPersist(run: (persistAsked: () => number) => Promise<void>) {
  const storage = navigator.storage;
  const original = storage.persist;
  let asked = 0;
  storage.persist = () => {
    asked += 1;
    return Promise.resolve(true);
  };
  try {
    await run(() => asked);
  } finally {
    storage.persist = original;
  }
}

/** What `run` writes to console.error, which it does not print. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (message: string) => errors.push(message);
  try {
    await run();
  } finally {
    console.error = original;
  }
  return errors;
}

const disabled = (el: SatisfactionRating) => radios(el).every((radio) => radio.matches(':disabled'));

/** Takes the element out of the page, lets `ms` pass on its clock, and puts it back where it was. */
async function outOfThePage(el: SatisfactionRating, clock: { advance(ms: number): Promise<void> }, ms: number) {
  const parent = el.parentElement!;
  el.remove();
  await clock.advance(ms);
  parent.append(el);
  await settle(el);
}

/** Sends a rating at `level` and waits for the thank-you (or the rating kept on the device). */
async function rate(el: SatisfactionRating, level = 3) {
  await choose(el, level);
  const { rating } = await submitAndWait(el, 'civic-rating-submitted');
  await settle(el);
  return rating;
}

describe('<civic-satisfaction-rating mode="kiosk">', () => {
  beforeEach(() => forgetOutboxes());
  afterEach(() => forgetOutboxes());

  describe('layout', () => {
    it('fills the screen, names the service and the channel, with levels of 64 px at least', async () => {
      const { el } = await kioskFixture();
      expect(text(el, 'kiosk-context')).to.equal('État civil Accueil physique');
      const screen = part(el, 'kiosk')!.getBoundingClientRect();
      expect(screen.height).to.be.at.least(window.innerHeight);
      for (const option of el.shadowRoot!.querySelectorAll('[part="option"]')) {
        const { width, height } = option.getBoundingClientRect();
        expect(Math.min(width, height)).to.be.at.least(64);
      }
      await expect(el).to.be.accessible();
    });

    it('names the service by its id when no service-name is given', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'mode="kiosk" kiosk-id="hall-mairie"');
      await waitUntil(() => part(el, 'kiosk'), 'kiosk mode starts', { timeout: 5000 });
      expect(text(el, 'kiosk-context')).to.equal('etat-civil Accueil physique');
    });

    it('keeps the send, reasons and comment large enough for a finger', async () => {
      const { el } = await kioskFixture();
      await choose(el, 1);
      for (const name of ['submit']) expect(part(el, name)!.getBoundingClientRect().height).to.be.at.least(64);
      for (const reason of el.shadowRoot!.querySelectorAll('.reason')) expect(reason.getBoundingClientRect().height).to.be.at.least(64);
      await expect(el).to.be.accessible();
    });

    it('shows nothing of kiosk mode inline, and never fetches its chunk', async () => {
      // A page of its own, since this one has fetched the kiosk's chunk for the tests above.
      const frame = document.createElement('iframe');
      frame.srcdoc = `<script type="module" src="${new URL('../civic-satisfaction-rating.ts', import.meta.url).pathname}"></script>`;
      document.body.append(frame);
      try {
        const view = frame.contentWindow as Window & typeof globalThis;
        await waitUntil(() => view.customElements?.get('civic-satisfaction-rating'), 'the element defined in the frame', { timeout: 5000 });
        const el = view.document.createElement('civic-satisfaction-rating') as SatisfactionRating;
        el.setAttribute('service', 'etat-civil');
        view.document.body.append(el);
        await el.updateComplete;
        await choose(el, 2);
        const fetched = () => view.performance.getEntriesByType('resource').map(({ name }) => new URL(name).pathname);
        // The outbox's code, fetched when the rating came into view: the frame's later fetches are seen.
        await waitUntil(() => fetched().some((path) => path.includes('/internal/submission-outbox')), 'the outbox fetched', { timeout: 5000 });
        expect(hasPart(el, 'kiosk')).to.equal(false);
        expect(fetched().filter((path) => path.includes('/kiosk/'))).to.deep.equal([]);

        // The same look, once kiosk mode is asked for, does see its chunk come.
        el.setAttribute('mode', 'kiosk');
        await waitUntil(() => fetched().some((path) => path.endsWith('/kiosk/kiosk-mode.ts')), 'the kiosk chunk fetched', { timeout: 5000 });
      } finally {
        frame.remove();
      }
    });
  });

  describe('for the next person', () => {
    it('sends with source kiosk and its kiosk id, thanks, then clears itself after reset-delay', async () => {
      const adapter = createMemoryAdapter();
      const { el, clock } = await kioskFixture(adapter, 'reset-delay="4"');
      await choose(el, 1);
      comment(el).value = 'Trop d’attente';
      comment(el).dispatchEvent(new Event('input'));
      const rating = await rate(el, 1);
      expect(rating).to.include({ source: 'kiosk', kioskId: 'hall-mairie', service: 'etat-civil', channel: 'counter', score: 1 });
      expect(adapter.ratings.map(({ id }) => id)).to.deep.equal([rating.id]);
      expect(part(el, 'thanks')).not.to.equal(null);
      await expect(el).to.be.accessible();

      await clock.advance(3900);
      await settle(el);
      expect(part(el, 'thanks'), 'still thanking before 4 s').not.to.equal(null);
      await clock.advance(100);
      await settle(el);
      expect(part(el, 'thanks')).to.equal(null);
      expect(radios(el).some((radio) => radio.checked)).to.equal(false);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      // The thank-you had focus: it goes to the first level for the next person, not to the page's top.
      expect(focused(el)).to.equal('radio 1');
    });

    it('lets the next person start at once with "Donner un autre avis"', async () => {
      const { el } = await kioskFixture(createMemoryAdapter(), 'min-interval="0"');
      await rate(el);
      expect(await hasAccessibleNode('button', 'Donner un autre avis')).to.equal(true);
      part(el, 'kiosk-again')!.click();
      await settle(el);
      expect(part(el, 'thanks')).to.equal(null);
      expect(radios(el).every((radio) => !radio.matches(':disabled'))).to.equal(true);
    });
  });

  describe('a slow server', () => {
    it('thanks the person and clears itself once the rating is on the device, without waiting for the server', async () => {
      // A server that answers late, as one behind a hanging network does after the adapter's timeouts and retries.
      const server = heldAdapter();
      const { el, clock } = await kioskFixture(server.adapter, 'reset-delay="4" min-interval="0"');
      await choose(el, 2);
      const submitted = oneEvent(el, 'civic-rating-submitted');
      part(el, 'submit')!.click();
      await server.called();
      await waitUntil(() => hasPart(el, 'thanks'), 'thanked while the server has not answered');
      await settle(el);
      expect(text(el, 'thanks')).to.contain('Merci, votre avis est bien enregistré.');
      expect(text(el, 'status')).to.equal('Merci, votre avis est bien enregistré.');
      expect(focused(el)).to.equal('thanks');
      await waitUntil(() => text(el, 'kiosk-status').includes('Envois en attente : 1'), 'the staff sees it waiting');
      await expect(el).to.be.accessible();

      await clock.advance(4000);
      await settle(el);
      expect(hasPart(el, 'thanks'), 'ready for the next person').to.equal(false);
      expect(radios(el).some((radio) => radio.checked)).to.equal(false);

      // The server's late answer reaches the page; the screen stays ready for the next person.
      server.answer({ ok: true, data: { id: 'late', receivedAt: new Date().toISOString() } });
      expect((await submitted).rating.score).to.equal(2);
      await waitUntil(() => text(el, 'kiosk-status').includes('Envois en attente : 0'), 'sent');
      expect(hasPart(el, 'thanks')).to.equal(false);
      expect(disabled(el)).to.equal(false);
    });
  });

  describe('taken out of the page and put back', () => {
    it('clears the thank-you after reset-delay all the same', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'reset-delay="4"');
      await rate(el);
      await outOfThePage(el, clock, 10_000);
      expect(hasPart(el, 'thanks'), 'the thank-you shows its delay again').to.equal(true);
      await clock.advance(4000);
      await settle(el);
      expect(hasPart(el, 'thanks')).to.equal(false);
      expect(radios(el).some((radio) => radio.checked)).to.equal(false);
    });

    it('gives the levels back at the end of min-interval, when taken out while they waited', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'reset-delay="1" min-interval="5"');
      await rate(el);
      await clock.advance(1000);
      await settle(el);
      expect(disabled(el)).to.equal(true);
      await outOfThePage(el, clock, 0);
      expect(disabled(el), 'still within the interval').to.equal(true);
      await clock.advance(4000);
      await settle(el);
      expect(disabled(el)).to.equal(false);
    });

    it('gives the levels back at once when the interval ended while it was out', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'reset-delay="1" min-interval="5"');
      await rate(el);
      await clock.advance(1000);
      await settle(el);
      await outOfThePage(el, clock, 10_000);
      await settle(el);
      expect(disabled(el)).to.equal(false);
    });

    it('still warns before a started rating is cleared', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="5"');
      await choose(el, 1);
      await outOfThePage(el, clock, 60_000);
      expect(radios(el)[0]!.checked).to.equal(true);
      await clock.advance(5000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
    });
  });

  describe('minimum interval between two ratings', () => {
    it('holds the levels, saying why, until 3 s after the last rating, so that repeated presses send nothing', async () => {
      const adapter = createMemoryAdapter();
      const { el, clock } = await kioskFixture(adapter, 'reset-delay="1"');
      await rate(el);
      await clock.advance(1000);
      await settle(el);
      expect(radios(el).every((radio) => radio.matches(':disabled'))).to.equal(true);
      expect(text(el, 'kiosk-wait')).to.equal('Un instant : vous pourrez donner un nouvel avis dans quelques secondes.');
      expect(part(el, 'kiosk-wait')!.getAttribute('role')).to.equal('status');
      expect(focused(el)).to.equal('kiosk-wait');
      radios(el)[0]!.click();
      await settle(el);
      expect(part(el, 'submit'), 'a press within the interval chooses nothing').to.equal(null);
      await expect(el).to.be.accessible();

      await clock.advance(1900);
      await settle(el);
      expect(radios(el).every((radio) => radio.matches(':disabled'))).to.equal(true);
      await clock.advance(100);
      await settle(el);
      expect(radios(el).every((radio) => !radio.matches(':disabled'))).to.equal(true);
      expect(text(el, 'kiosk-wait')).to.equal('');
      expect(focused(el)).to.equal('radio 1');
      await rate(el, 2);
      expect(adapter.ratings).to.have.length(2);
    });

    it('counts the interval from the rating sent, with "Donner un autre avis" too', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'min-interval="5"');
      await rate(el);
      await clock.advance(2000);
      part(el, 'kiosk-again')!.click();
      await settle(el);
      expect(radios(el).every((radio) => radio.matches(':disabled'))).to.equal(true);
      await clock.advance(3000);
      await settle(el);
      expect(radios(el).every((radio) => !radio.matches(':disabled'))).to.equal(true);
    });
  });

  describe('warning before a started rating is cleared', () => {
    it('warns after idle-timeout, gives 30 s by default with the Continue button focused, and keeps what was written', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="45"');
      await choose(el, 2);
      comment(el).value = 'Bon accueil';
      comment(el).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await clock.advance(44_000);
      await settle(el);
      expect(warning(el).open).to.equal(false);
      await clock.advance(1000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
      expect(await hasAccessibleNode('dialog', 'Êtes-vous toujours là\u202f?')).to.equal(true);
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Continuer mon avis');
      expect(warning(el).querySelector('#kiosk-warning-text')!.textContent).to.contain('dans 30\u00a0secondes');
      const announced = () => warning(el).querySelector('[role="status"]')!.textContent;
      expect(announced()).to.equal('Il reste 30\u00a0secondes pour continuer votre avis.');
      await expect(el).to.be.accessible();

      // The visible count goes down each second; what is announced changes every 10 s only.
      await clock.advance(1000);
      await settle(el);
      expect(warning(el).querySelector('#kiosk-warning-text')!.textContent).to.contain('dans 29\u00a0secondes');
      expect(announced()).to.equal('Il reste 30\u00a0secondes pour continuer votre avis.');
      await clock.advance(9000);
      await settle(el);
      expect(announced()).to.equal('Il reste 20\u00a0secondes pour continuer votre avis.');

      (el.shadowRoot!.activeElement as HTMLButtonElement).click();
      await settle(el);
      expect(warning(el).open).to.equal(false);
      expect(radios(el)[1]!.checked).to.equal(true);
      expect(comment(el).value).to.equal('Bon accueil');
    });

    it('goes on at any key, and clears the rating for the next person when nobody answers', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="10" warning-time="25"');
      await choose(el, 1);
      await clock.advance(10_000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
      await sendKeys({ press: 'Shift' });
      await settle(el);
      expect(warning(el).open, 'any key continues').to.equal(false);
      expect(radios(el)[0]!.checked).to.equal(true);

      await clock.advance(10_000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
      await clock.advance(24_000);
      await settle(el);
      expect(radios(el)[0]!.checked, 'not before the 25 s').to.equal(true);
      await clock.advance(1000);
      await settle(el);
      expect(warning(el).open).to.equal(false);
      expect(radios(el).some((radio) => radio.checked)).to.equal(false);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    });

    it('goes on at a touch anywhere', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="5"');
      await choose(el, 3);
      await clock.advance(5000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
      warning(el).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await settle(el);
      expect(warning(el).open).to.equal(false);
      expect(radios(el)[2]!.checked).to.equal(true);
    });

    it('never gives less than 20 s, and says so to the webmaster', async () => {
      const errors = await consoleErrors(async () => {
        const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="1" warning-time="5"');
        await choose(el, 3);
        await clock.advance(1000);
        await settle(el);
        expect(warning(el).querySelector('#kiosk-warning-text')!.textContent).to.contain('dans 20\u00a0secondes');
        await clock.advance(19_000);
        await settle(el);
        expect(radios(el)[2]!.checked, 'not before the 20 s').to.equal(true);
        await clock.advance(1000);
        await settle(el);
        expect(radios(el)[2]!.checked).to.equal(false);
      });
      expect(errors.some((message) => message.includes('warning-time="5"') && message.includes('RGAA 13.1'))).to.equal(true);
    });

    it('does not warn when nothing was started', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="1"');
      await clock.advance(60_000);
      await settle(el);
      expect(warning(el).open).to.equal(false);
    });

    it('reports a bad attribute once, not at each render, and again only when it changes', async () => {
      const errors = await consoleErrors(async () => {
        const { el, clock } = await kioskFixture(createMemoryAdapter(), 'reset-delay="soon" phone-url="http://[" idle-timeout="1"');
        await choose(el, 1);
        // The warning's count renders the kiosk every second.
        await clock.advance(5000);
        await settle(el);
        el.setAttribute('reset-delay', 'later');
        await clock.advance(2000);
        await settle(el);
      });
      const reported = (text: string) => errors.filter((message) => message.includes(text)).length;
      expect(reported('reset-delay="soon"')).to.equal(1);
      expect(reported('reset-delay="later"')).to.equal(1);
      expect(reported('phone-url="http://["')).to.equal(1);
    });

    it('names a bad duration attribute and keeps its default', async () => {
      const errors = await consoleErrors(async () => {
        const { el, clock } = await kioskFixture(createMemoryAdapter(), 'reset-delay="soon"');
        await rate(el);
        await clock.advance(5900);
        await settle(el);
        expect(part(el, 'thanks')).not.to.equal(null);
        await clock.advance(100);
        await settle(el);
        expect(part(el, 'thanks')).to.equal(null);
      });
      expect(errors.some((message) => message.includes('reset-delay="soon"'))).to.equal(true);
    });
  });

  describe('status for staff', () => {
    it('says online, nothing queued, nothing sent yet, and the kiosk id', async () => {
      const { el } = await kioskFixture();
      await waitUntil(() => text(el, 'kiosk-status').includes('En ligne'), 'status');
      // A list named for whoever looks (Chromium's snapshot leaves plain lists out: read the name from the markup).
      expect(part(el, 'kiosk-status')!.tagName).to.equal('UL');
      expect(part(el, 'kiosk-status')!.getAttribute('aria-label')).to.equal('État de la borne, pour le personnel');
      expect([...part(el, 'kiosk-status')!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
        'En ligne',
        'Envois en attente\u00a0: 0',
        'Aucun envoi depuis le démarrage',
        'Borne hall-mairie',
      ]);
    });

    it('says when the last rating reached the server', async () => {
      const { el } = await kioskFixture();
      await rate(el);
      await waitUntil(() => text(el, 'kiosk-status').includes('Dernier envoi'), 'last sync shown');
      expect(text(el, 'kiosk-status')).to.match(/Dernier envoi : \d{2}:\d{2}:\d{2}/);
    });

    it('says offline and counts the submissions waiting on the device', async () => {
      const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const adapter = createMemoryAdapter();
        const { el } = await kioskFixture(adapter);
        window.dispatchEvent(new Event('offline'));
        await waitUntil(() => text(el, 'kiosk-status').includes('Hors ligne'), 'offline shown');
        await choose(el, 2);
        part(el, 'submit')!.click();
        // The person is thanked as soon as the rating is on the device: the network is the staff's concern.
        await waitUntil(() => part(el, 'thanks'), 'kept on the device');
        expect(text(el, 'thanks')).to.contain('Merci, votre avis est bien enregistré.');
        await waitUntil(() => text(el, 'kiosk-status').includes('Envois en attente : 1'), 'one queued');
        expect(adapter.ratings).to.have.length(0);
        await expect(el).to.be.accessible();

        delete (navigator as { onLine?: boolean }).onLine;
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => text(el, 'kiosk-status').includes('Envois en attente : 0'), 'sent once back');
        expect(text(el, 'kiosk-status')).to.contain('En ligne');
        expect(adapter.ratings).to.have.length(1);
      } finally {
        Object.defineProperty(Navigator.prototype, 'onLine', original);
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });

    it('says when the device keeps ratings in memory only (no IndexedDB)', async () => {
      const original = indexedDB.open;
      indexedDB.open = () => {
        throw new DOMException('IndexedDB is blocked', 'InvalidStateError');
      };
      try {
        const { el } = await kioskFixture();
        await rate(el);
        await waitUntil(() => text(el, 'kiosk-status').includes('mémoire'), 'memory only shown');
        expect(text(el, 'kiosk-status')).to.contain('Stockage en mémoire seulement : un rechargement perdrait les envois en attente');
      } finally {
        indexedDB.open = original;
      }
    });

    it('says when the kiosk has no id', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'mode="kiosk"');
      await waitUntil(() => part(el, 'kiosk-status'), 'status');
      expect(text(el, 'kiosk-status')).to.contain('Borne sans identifiant (attribut kiosk-id)');
    });
  });

  describe('QR code for a phone', () => {
    it('draws on the device a named QR code of the phone page, its address also written out', async () => {
      const { el } = await kioskFixture();
      const expected = new URL('phone.html?service=etat-civil&channel=counter&scale=smileys-3', document.baseURI).href;
      expect(text(el, 'kiosk-url')).to.equal(expected);
      const qr = part(el, 'kiosk-qr')!;
      expect(qr.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(await accessibleNames('image')).to.include('QR code qui ouvre ce même avis sur votre téléphone');
      // The three finder squares of a QR code, 7 modules wide, dark at their corners, past the 4-module quiet zone.
      const path = qr.querySelector('path')!.getAttribute('d')!;
      for (const corner of ['M4 4h1', 'M10 4h1', 'M4 10h1']) expect(path).to.contain(corner);
      expect(path).not.to.contain('M3 3h1');
      // Module for module, the code of the address written beside it (the encoder's own matrix, error correction M).
      const { data } = encode(expected, { ecc: 'M', border: 4 });
      const dark = data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x} ${y}h1v1h-1z`] : [])));
      expect(path).to.equal(dark.join(''));
      expect(performance.getEntriesByType('resource').filter(({ name }) => /qr|chart|api\./i.test(new URL(name).hostname))).to.have.length(0);
    });

    it('opens the phone-url given, with the service, channel and scale', async () => {
      const { el } = await kioskFixture(createMemoryAdapter(), 'phone-url="https://www.ville-exemple.fr/avis/telephone" scale="smileys-5"');
      expect(text(el, 'kiosk-url')).to.equal('https://www.ville-exemple.fr/avis/telephone?service=etat-civil&channel=counter&scale=smileys-5');
    });
  });

  describe('the device', () => {
    it('writes nothing to the device before the person acts: no cookie, no localStorage, no IndexedDB', async () => {
      const { el } = await kioskFixture();
      await waitUntil(() => text(el, 'kiosk-status').includes('En ligne'), 'status');
      await choose(el, 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(document.cookie).to.equal('');
      expect(localStorage.length).to.equal(0);
      expect(sessionStorage.length).to.equal(0);
      expect((await indexedDB.databases()).map(({ name }) => name).filter((name) => name?.startsWith('civic-pulse'))).to.deep.equal([]);
      await submitAndWait(el, 'civic-rating-submitted');
      expect((await indexedDB.databases()).some(({ name }) => name?.startsWith('civic-pulse-outbox'))).to.equal(true);
    });

    it('asks for persistent storage at the first rating, not before', () =>
      countingPersist(async (persistAsked) => {
        const { el } = await kioskFixture();
        await waitUntil(() => text(el, 'kiosk-status').includes('En ligne'), 'status');
        expect(persistAsked()).to.equal(0);
        await rate(el);
        expect(persistAsked()).to.equal(1);
      }));

    it('shares the outbox an inline rating of the page made first, and has it ask for persistent storage at the next rating', () =>
      countingPersist(async (persistAsked) => {
        const adapter = createMemoryAdapter();
        const inline = await ratingFixture(adapter);
        await rate(inline);
        expect(persistAsked()).to.equal(0);
        const { el } = await kioskFixture(adapter);
        // The page's one outbox: the kiosk's status has the sync the inline rating's send made.
        expect(text(el, 'kiosk-status')).to.match(/Dernier envoi : \d{2}:\d{2}:\d{2}/);
        expect(persistAsked()).to.equal(0);
        await rate(el);
        expect(persistAsked()).to.equal(1);
        expect(adapter.ratings.map(({ source }) => source)).to.deep.equal(['web', 'kiosk']);
      }));

    it('does not ask for persistent storage inline', () =>
      countingPersist(async (persistAsked) => {
        const el = await ratingFixture(createMemoryAdapter());
        await rate(el);
        expect(persistAsked()).to.equal(0);
      }));
  });

  describe('keyboard', () => {
    it('rates with the keyboard alone, and reaches "Donner un autre avis"', async () => {
      const adapter = createMemoryAdapter();
      const { el } = await kioskFixture(adapter, 'min-interval="0"');
      radios(el)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(focused(el)).to.equal('radio 2');
      // Six reasons, the comment, then the send button.
      for (let i = 0; i < 8; i += 1) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('submit');
      const sent = new Promise<Rating>((resolve) => el.addEventListener('civic-rating-submitted', ({ rating }) => resolve(rating), { once: true }));
      await sendKeys({ press: 'Enter' });
      await sent;
      await settle(el);
      expect(focused(el)).to.equal('thanks');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('kiosk-again');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(adapter.ratings.map(({ score }) => score)).to.deep.equal([2]);
      expect(focused(el)).to.equal('radio 1');
    });

    it('continues with Enter on the focused Continue button', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'idle-timeout="2"');
      radios(el)[2]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await clock.advance(2000);
      await settle(el);
      expect(warning(el).open).to.equal(true);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(warning(el).open).to.equal(false);
      expect(radios(el)[2]!.checked).to.equal(true);
    });
  });

  describe('its messages', () => {
    // Before the tests in English: once its English messages have come, the page keeps them.
    it('arms no warning while its messages have not come, so that no rating is cleared unwarned', async () => {
      const bundle = kioskMessages as { en: typeof kioskMessages.en };
      const original = bundle.en;
      let arrive: (() => void) | undefined;
      bundle.en = () => new Promise((resolve) => (arrive = () => resolve(original())));
      try {
        const el = await ratingFixture(createMemoryAdapter(), `${KIOSK} lang="en" idle-timeout="1"`);
        await waitUntil(() => kioskOf(el) && arrive, 'the kiosk asks for its English messages', { timeout: 5000 });
        const clock = manualClock();
        (kioskOf(el) as KioskMode).clock = clock;
        await choose(el, 1);
        await clock.advance(60_000);
        await settle(el);
        expect(hasPart(el, 'kiosk'), 'no kiosk screen, so no warning, yet').to.equal(false);
        expect(radios(el)[0]!.checked, 'not cleared unwarned').to.equal(true);

        arrive!();
        await waitUntil(() => hasPart(el, 'kiosk'), 'the kiosk screen once its messages came');
        await clock.advance(1000);
        await settle(el);
        expect(warning(el).open).to.equal(true);
        expect(radios(el)[0]!.checked).to.equal(true);
      } finally {
        bundle.en = original;
      }
    });
  });

  describe('languages', () => {
    it('speaks English: the channel, the QR code, the status and the warning', async () => {
      const { el, clock } = await kioskFixture(createMemoryAdapter(), 'lang="en" idle-timeout="1"');
      await waitUntil(() => text(el, 'kiosk-status').includes('Online'), 'status in English');
      expect(text(el, 'kiosk-context')).to.equal('État civil Front desk');
      expect(await accessibleNames('image')).to.include('QR code that opens this same feedback on your phone');
      expect(text(el, 'kiosk-status')).to.contain('Kiosk hall-mairie');
      await choose(el, 1);
      await clock.advance(1000);
      await settle(el);
      expect(await hasAccessibleNode('dialog', 'Are you still there?')).to.equal(true);
      expect(warning(el).querySelector('[role="status"]')!.textContent).to.equal('30 seconds left to continue your feedback.');
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Continue my feedback');
      await expect(el).to.be.accessible();
    });
  });
});
