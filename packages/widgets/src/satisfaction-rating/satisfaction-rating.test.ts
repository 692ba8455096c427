import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import {
  configure,
  createHttpAdapter,
  createMemoryAdapter,
  resetConfiguration,
  type BackendAdapter,
  type Rating,
} from '@civic-pulse/core';
import './civic-satisfaction-rating.js';
import '../provider/civic-pulse-provider.js';
import type { SatisfactionRating } from './satisfaction-rating.js';
import {
  checkboxes,
  choose,
  comment,
  focused,
  forgetOutboxes,
  hasPart,
  heldAdapter,
  part,
  radios,
  ratingFixture,
  submit,
  submitAndWait,
} from '../test-support/rating.js';
import { accessibleNames, hasAccessibleNode } from '../test-support/a11y.js';
import { ageQueuedEntries, outboxOf, queuedEntries } from '../test-support/outbox.js';
import { startNetwork } from '../test-support/network.js';

const ENDPOINT = 'https://avis.ville-exemple.test';
const RATINGS_URL = `${ENDPOINT}/v1/orgs/ville-exemple/ratings`;
/** The outbox of that backend, which every HTTP adapter for it shares. */
const OUTBOX = outboxOf(ENDPOINT, 'ville-exemple');

/** The ids of the ratings waiting in the outbox's database, read without changing it. */
const queuedIds = async (name?: string) => (await queuedEntries(name)).map(({ payload }) => (payload as Rating).id);

describe('<civic-satisfaction-rating>', () => {
  beforeEach(() => forgetOutboxes());
  afterEach(async () => {
    resetConfiguration();
    await forgetOutboxes();
  });

  describe('scales', () => {
    const cases = [
      { scale: 'smileys-3', names: ['Pas satisfait', 'Moyennement satisfait', 'Satisfait'] },
      {
        scale: 'smileys-5',
        names: ['Très insatisfait', 'Insatisfait', 'Ni satisfait ni insatisfait', 'Satisfait', 'Très satisfait'],
      },
      { scale: 'stars-5', names: ['1 étoile sur 5', '2 étoiles sur 5', '3 étoiles sur 5', '4 étoiles sur 5', '5 étoiles sur 5'] },
    ];
    for (const { scale, names } of cases) {
      it(`offers the ${names.length} levels of ${scale}, each named for screen readers, under the question`, async () => {
        const el = await ratingFixture(createMemoryAdapter(), `scale="${scale}"`);
        expect(await accessibleNames('radio')).to.deep.equal(names);
        expect(part(el, 'question')!.textContent).to.equal('Êtes-vous satisfait de ce service\u202f?');
        expect(part(el, 'scale')!.tagName).to.equal('FIELDSET');
        await expect(el).to.be.accessible();
      });
    }

    it('falls back to smileys-3 when the scale attribute is unknown', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'scale="thumbs"');
      expect(radios(el)).to.have.length(3);
    });

    it('stores the score on the scale it was given', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter, 'scale="stars-5"');
      await choose(el, 4);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(adapter.ratings[0]).to.include({ scale: 'stars-5', score: 4 });
    });
  });

  describe('keyboard', () => {
    it('is one tab stop whose arrows move between levels and choose them', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'scale="smileys-5"');
      const names = new Set(radios(el).map((radio) => radio.name));
      expect(names.size).to.equal(1);
      radios(el)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focused(el)).to.equal('radio 3');
      expect(radios(el)[2]!.checked).to.be.true;
      expect(hasPart(el, 'reasons')).to.be.true;
    });

    it('chooses the focused level with Enter without sending anything', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter);
      radios(el)[1]!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(radios(el)[1]!.checked).to.be.true;
      expect(hasPart(el, 'submit')).to.be.true;
      expect(adapter.ratings).to.have.length(0);
    });

    it('chooses with Space, then reaches reasons, comment and the send button with Tab, and sends with Enter', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter);
      radios(el)[0]!.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('checkbox waiting-time');
      await sendKeys({ press: 'Space' });
      for (let i = 0; i < checkboxes(el).length; i++) await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('comment');
      await sendKeys({ type: 'Trop d’attente' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('submit');
      const sent = oneEvent(el, 'civic-rating-submitted');
      await sendKeys({ press: 'Enter' });
      await sent;
      expect(adapter.ratings[0]).to.include({ score: 1, comment: 'Trop d’attente' });
      expect(adapter.ratings[0]!.reasons).to.deep.equal(['waiting-time']);
    });
  });

  describe('reasons and comment', () => {
    it('offers the six reasons in a group when the level is not the best', async () => {
      const el = await ratingFixture(createMemoryAdapter());
      await choose(el, 2);
      expect(part(el, 'reasons')!.tagName).to.equal('FIELDSET');
      expect(await accessibleNames('checkbox')).to.deep.equal([
        'Le temps d’attente',
        'L’accueil',
        'La qualité de l’information',
        'Les horaires d’ouverture',
        'L’accessibilité',
        'Autre chose',
      ]);
      await expect(el).to.be.accessible();
    });

    it('offers no reasons for the best level, and drops those ticked before', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter);
      await choose(el, 1);
      checkboxes(el)[1]!.click();
      await choose(el, 3);
      expect(hasPart(el, 'reasons')).to.be.false;
      await submitAndWait(el, 'civic-rating-submitted');
      expect(adapter.ratings[0]).not.to.have.property('reasons');
    });

    it('has a labelled comment of 1,000 characters at most that warns against personal data', async () => {
      const el = await ratingFixture(createMemoryAdapter());
      await choose(el, 3);
      const textarea = comment(el);
      expect(textarea.maxLength).to.equal(1000);
      expect(await hasAccessibleNode('textbox', 'Votre commentaire (facultatif)')).to.be.true;
      const description = textarea
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)!.textContent)
        .join(' ');
      expect(description).to.contain('N’écrivez aucune donnée personnelle');
      // French groups thousands with a narrow no-break space, as Intl writes it.
      expect(description).to.contain('1\u202f000 caractères restants sur 1\u202f000');
    });

    it('sends the reasons in their fixed order and the comment trimmed, with service, channel, source and time', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter, 'scale="smileys-5" kiosk-id="mairie-hall"');
      await choose(el, 2);
      checkboxes(el)[4]!.click();
      checkboxes(el)[0]!.click();
      comment(el).value = '  Guichet fermé à 16 h  ';
      comment(el).dispatchEvent(new Event('input'));
      const { rating } = await submitAndWait(el, 'civic-rating-submitted');
      expect(adapter.ratings).to.deep.equal([rating]);
      expect(rating).to.include({
        service: 'etat-civil',
        channel: 'counter',
        source: 'web',
        scale: 'smileys-5',
        score: 2,
        comment: 'Guichet fermé à 16 h',
        kioskId: 'mairie-hall',
      });
      expect(rating.reasons).to.deep.equal(['waiting-time', 'accessibility']);
      expect(rating.id).to.match(/^[0-9a-f-]{36}$/);
      expect(Date.parse(rating.occurredAt)).to.be.closeTo(Date.now(), 5000);
    });
  });

  describe('sending', () => {
    it('announces sending, then thanks, and moves focus to the thank-you', async () => {
      const held = heldAdapter();
      const el = await ratingFixture(held.adapter);
      await choose(el, 3);
      await submit(el);
      await held.called();
      expect(part(el, 'status')!.textContent).to.equal('Envoi de votre avis…');
      expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();

      const sent = oneEvent(el, 'civic-rating-submitted');
      held.answer({ ok: true, data: { id: 'x', receivedAt: new Date().toISOString() } });
      await sent;
      await el.updateComplete;
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      expect(part(el, 'status')!.textContent).to.equal('Merci, votre avis a bien été envoyé.');
      expect(focused(el)).to.equal('thanks');
      await expect(el).to.be.accessible();
    });

    it('sends each rating once, even when the button is pressed again while sending', async () => {
      const held = heldAdapter();
      let calls = 0;
      const adapter: BackendAdapter = { submitRating: (rating, options) => (calls++, held.adapter.submitRating(rating, options)) };
      const el = await ratingFixture(adapter);
      await choose(el, 2);
      await submit(el);
      await submit(el);
      await el.send();
      await held.called();
      await submit(el);
      await el.send();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls).to.equal(1);
    });

    it('lets the host page veto the submission', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter);
      el.addEventListener('civic-rating-submit', (event) => event.preventDefault());
      await choose(el, 3);
      await submit(el);
      expect(adapter.ratings).to.have.length(0);
      expect(hasPart(el, 'thanks')).to.be.false;
    });

    it('runs the configured plugins around the submission', async () => {
      const seen: string[] = [];
      configure({
        plugins: [
          {
            name: 'context',
            beforeSubmit: <P>({ payload }: { payload: P }) => ({ ...payload, comment: 'ajouté' }) as P,
            afterSubmit: () => void seen.push('after'),
          },
        ],
      });
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter);
      await choose(el, 3);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(adapter.ratings[0]!.comment).to.equal('ajouté');
      expect(seen).to.deep.equal(['after']);
    });
  });

  describe('errors', () => {
    let worker: Awaited<ReturnType<typeof startNetwork>>;
    before(async () => {
      worker = await startNetwork();
    });
    afterEach(() => worker.resetHandlers());
    after(() => worker.stop());

    it('says the rating is kept on this device when the connection fails, and sends that same rating once it is back', async () => {
      const ids: string[] = [];
      worker.use(http.post(RATINGS_URL, async ({ request }) => (ids.push(((await request.json()) as Rating).id), HttpResponse.error())));
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }));
      const errors: Event[] = [];
      const submitted: Event[] = [];
      el.addEventListener('civic-rating-error', (event) => errors.push(event));
      el.addEventListener('civic-rating-submitted', (event) => submitted.push(event));
      await choose(el, 1);
      checkboxes(el)[0]!.click();
      await submit(el);
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the rating is kept', { timeout: 5000 });
      const kept = 'Votre avis est enregistré sur cet appareil et sera envoyé dès que la connexion reviendra.';
      expect(part(el, 'queued')!.textContent!.trim()).to.equal(kept);
      expect(part(el, 'status')!.textContent).to.equal(kept);
      expect(focused(el)).to.equal('queued');
      expect(hasPart(el, 'retry')).to.be.false;
      expect(hasPart(el, 'error')).to.be.false;
      expect(errors, 'a rating kept for later is no error for the page').to.have.length(0);
      expect(submitted, 'nor is it stored yet').to.have.length(0);
      expect(await queuedIds(OUTBOX)).to.deep.equal([ids[0]]);
      await expect(el).to.be.accessible();

      worker.use(http.post(RATINGS_URL, async ({ request }) => {
        const rating = (await request.json()) as Rating;
        ids.push(rating.id);
        return HttpResponse.json({ id: rating.id, receivedAt: new Date().toISOString() }, { status: 201 });
      }));
      const sent = oneEvent(el, 'civic-rating-submitted');
      window.dispatchEvent(new Event('online'));
      const { rating } = await sent;
      await el.updateComplete;
      expect(ids.at(-1)).to.equal(ids[0]);
      expect(new Set(ids).size).to.equal(1);
      expect(rating.id).to.equal(ids[0]);
      expect(rating.reasons).to.deep.equal(['waiting-time']);
      expect(part(el, 'status')!.textContent).to.equal('Merci, votre avis a bien été envoyé.');
      expect(focused(el)).to.equal('thanks');
      expect(await queuedIds(OUTBOX)).to.deep.equal([]);
      expect(submitted).to.have.length(1);
      expect(errors).to.have.length(0);
    });

    it('says a rating kept too long on the device was dropped for that, not that the server was slow', async () => {
      worker.use(http.post(RATINGS_URL, () => HttpResponse.error()));
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }));
      await choose(el, 2);
      await submit(el);
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the rating is kept', { timeout: 5000 });
      await ageQueuedEntries(OUTBOX, 15);
      const dropped = oneEvent(el, 'civic-rating-error');
      window.dispatchEvent(new Event('online'));
      const { error } = await dropped;
      await el.updateComplete;
      expect(error.code).to.equal('expired');
      expect(part(el, 'error')!.textContent!.trim()).to.equal(
        'Votre avis n’a pas pu être envoyé\u00a0: il est resté trop longtemps sur cet appareil sans atteindre le serveur. Réessayez.',
      );
      expect(await queuedIds(OUTBOX)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says in English that the rating is kept on this device', async () => {
      worker.use(http.post(RATINGS_URL, () => HttpResponse.error()));
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }), 'lang="en"');
      await choose(el, 3);
      await submit(el);
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the rating is kept', { timeout: 5000 });
      expect(part(el, 'queued')!.textContent!.trim()).to.equal(
        'Your feedback is saved on this device and will be sent as soon as the connection is back.',
      );
    });

    it('writes nothing to the device before the person sends', async () => {
      const el = await ratingFixture(createMemoryAdapter());
      await choose(el, 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await indexedDB.databases()).map(({ name }) => name).filter((name) => name?.startsWith('civic-pulse'))).to.deep.equal([]);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(await queuedIds(), 'acknowledged, so nothing stays queued').to.deep.equal([]);
    });

    it('names the refused field in French, lets the person mend it, and makes a new rating', async () => {
      const ids: string[] = [];
      worker.use(
        http.post(RATINGS_URL, async ({ request }) => {
          ids.push(((await request.json()) as Rating).id);
          return HttpResponse.json(
            { error: { code: 'invalid-body', message: 'Invalid rating', fields: [{ path: 'comment', message: 'Too big' }] } },
            { status: 400 },
          );
        }, { once: true }),
        http.post(RATINGS_URL, async ({ request }) => {
          const rating = (await request.json()) as Rating;
          ids.push(rating.id);
          return HttpResponse.json({ id: rating.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }));
      await choose(el, 2);
      await submitAndWait(el, 'civic-rating-error');
      expect(part(el, 'error')!.textContent).to.equal('Votre avis n’a pas pu être enregistré\u00a0: commentaire');
      expect(comment(el).disabled).to.be.false;
      expect(hasPart(el, 'retry')).to.be.false;
      await submitAndWait(el, 'civic-rating-submitted');
      expect(ids[1]).not.to.equal(ids[0]);
    });

    it('says the module is misconfigured when the server refuses one of its attributes, and tells the webmaster', async () => {
      worker.use(
        http.post(RATINGS_URL, () =>
          HttpResponse.json(
            { error: { code: 'unknown-service', message: 'Unknown service', fields: [{ path: 'service', message: 'unknown' }] } },
            { status: 400 },
          ),
        ),
      );
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }));
      await choose(el, 3);
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        await submitAndWait(el, 'civic-rating-error');
      } finally {
        console.error = original;
      }
      expect(part(el, 'error')!.textContent).to.equal(
        'Votre avis n’a pas pu être enregistré, car ce module d’avis est mal configuré (service). Le service concerné doit le corriger.',
      );
      expect(errors).to.have.length(1);
    });

    it('when rate limited, keeps the rating on the device and sends it again only after Retry-After', async () => {
      const attempts: number[] = [];
      worker.use(
        http.post(RATINGS_URL, () => {
          attempts.push(performance.now());
          return HttpResponse.json({ error: { code: 'rate-limited', message: 'Slow down' } }, { status: 429, headers: { 'Retry-After': '1' } });
        }, { once: true }),
        http.post(RATINGS_URL, async ({ request }) => {
          attempts.push(performance.now());
          const rating = (await request.json()) as Rating;
          return HttpResponse.json({ id: rating.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
      const el = await ratingFixture(createHttpAdapter({ endpoint: ENDPOINT, org: 'ville-exemple', retries: 0 }));
      await choose(el, 3);
      const sent = oneEvent(el, 'civic-rating-submitted');
      await submit(el);
      await waitUntil(() => hasPart(el, 'queued'), 'the element says the rating is kept', { timeout: 3000 });
      expect(part(el, 'queued')!.textContent!.trim()).to.equal(
        'Votre avis est enregistré sur cet appareil et sera envoyé automatiquement dans un instant.',
      );
      expect(attempts).to.have.length(1);
      await sent;
      await el.updateComplete;
      expect(attempts).to.have.length(2);
      expect(attempts[1]! - attempts[0]!, 'the second try waited for Retry-After').to.be.at.least(950);
      expect(part(el, 'status')!.textContent).to.equal('Merci, votre avis a bien été envoyé.');
    });

    it('tells the webmaster when it has no backend to talk to', async () => {
      const el = await fixture<SatisfactionRating>(html`<civic-satisfaction-rating service="etat-civil"></civic-satisfaction-rating>`);
      await choose(el, 3);
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      await submit(el);
      console.error = original;
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.contain('il lui manque l’adresse du serveur');
      expect(errors).to.have.length(1);
    });
  });

  describe('finding its backend', () => {
    let worker: Awaited<ReturnType<typeof startNetwork>>;
    const received: Rating[] = [];
    before(async () => {
      worker = await startNetwork(
        http.post(`${ENDPOINT}/v1/orgs/:org/ratings`, async ({ request, params }) => {
          const rating = (await request.json()) as Rating;
          received.push({ ...rating, service: `${params.org}/${rating.service}` });
          expect(request.headers.get('Idempotency-Key')).to.equal(rating.id);
          return HttpResponse.json({ id: rating.id, receivedAt: new Date().toISOString() }, { status: 201 });
        }),
      );
    });
    after(() => worker.stop());
    beforeEach(() => (received.length = 0));

    it('uses the configured endpoint and org', async () => {
      configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
      const el = await fixture<SatisfactionRating>(html`<civic-satisfaction-rating service="piscine"></civic-satisfaction-rating>`);
      await choose(el, 3);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(received.map((rating) => rating.service)).to.deep.equal(['ville-exemple/piscine']);
    });

    it('lets its own org attribute win over the configured one', async () => {
      configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
      const el = await fixture<SatisfactionRating>(html`<civic-satisfaction-rating service="piscine" org="agglo"></civic-satisfaction-rating>`);
      await choose(el, 3);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(received.map((rating) => rating.service)).to.deep.equal(['agglo/piscine']);
    });

    it('uses the adapter of the nearest provider before the configured one', async () => {
      configure({ endpoint: ENDPOINT, org: 'ville-exemple' });
      const provided = createMemoryAdapter();
      const wrapper = await fixture(html`
        <civic-pulse-provider .adapter=${provided}>
          <civic-satisfaction-rating service="urbanisme"></civic-satisfaction-rating>
        </civic-pulse-provider>
      `);
      const el = wrapper.querySelector('civic-satisfaction-rating')!;
      await el.updateComplete;
      await choose(el, 3);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(provided.ratings).to.have.length(1);
      expect(received).to.have.length(0);
    });
  });

  describe('languages', () => {
    it('speaks English when the page or the element says so', async () => {
      const wrapper = await fixture(html`<div lang="en-GB"><civic-satisfaction-rating service="etat-civil"></civic-satisfaction-rating></div>`);
      const el = wrapper.querySelector('civic-satisfaction-rating')!;
      el.adapter = createMemoryAdapter();
      await el.updateComplete;
      expect(part(el, 'question')!.textContent).to.equal('How satisfied are you with this service?');
      expect(await accessibleNames('radio')).to.deep.equal(['Not satisfied', 'Somewhat satisfied', 'Satisfied']);
      el.lang = 'fr';
      await el.updateComplete;
      expect(part(el, 'question')!.textContent).to.equal('Êtes-vous satisfait de ce service\u202f?');
    });

    it('thanks in English', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'lang="en"');
      await choose(el, 1);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(part(el, 'thanks')!.textContent).to.contain('Thank you, your feedback has been sent.');
      await expect(el).to.be.accessible();
    });
  });

  describe('floating mode', () => {
    it('opens the rating in a modal dialog from a corner button, closes with Escape and gives focus back', async () => {
      const el = await ratingFixture(createMemoryAdapter(), 'mode="floating"');
      const button = part(el, 'floating-button') as HTMLButtonElement;
      expect(button.textContent!.trim()).to.equal('Je donne mon avis');
      expect(getComputedStyle(button).position).to.equal('fixed');
      const dialog = part(el, 'dialog') as HTMLDialogElement;
      expect(dialog.open).to.be.false;

      button.focus();
      await sendKeys({ press: 'Enter' });
      expect(dialog.open).to.be.true;
      expect(dialog.matches(':modal')).to.be.true;
      expect(dialog.contains(el.shadowRoot!.activeElement)).to.be.true;
      expect(await hasAccessibleNode('dialog', 'Votre avis')).to.be.true;
      await expect(el).to.be.accessible();

      const closed = oneEvent(dialog, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(dialog.open).to.be.false;
      expect(focused(el)).to.equal('floating-button');
    });

    it('sends from the dialog and offers a fresh rating after it is closed', async () => {
      const adapter = createMemoryAdapter();
      const el = await ratingFixture(adapter, 'mode="floating"');
      (part(el, 'floating-button') as HTMLButtonElement).click();
      await choose(el, 3);
      await submitAndWait(el, 'civic-rating-submitted');
      expect(hasPart(el, 'thanks')).to.be.true;
      const closed = oneEvent(part(el, 'dialog')!, 'close');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.close')!.click();
      await closed;
      await el.updateComplete;
      expect(hasPart(el, 'thanks')).to.be.false;
      expect(radios(el).every((radio) => !radio.checked)).to.be.true;
      expect(adapter.ratings).to.have.length(1);
    });
  });
});
