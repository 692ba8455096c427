import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import type { Result } from './adapter.js';
import { participantFromPlugins, submitWithPlugins, type CivicPlugin, type SubmissionContext } from './plugins.js';

type Payload = { score: number; context?: string[] };
const context: SubmissionContext<Payload> = { kind: 'rating', payload: { score: 4 } };
const stored: Result<string> = { ok: true, data: 'receipt' };
const refused: Result<string> = { ok: false, error: { kind: 'server', code: 'http-500', message: 'Boom.' } };

/** A plugin that records its hooks into `log` and adds its name to the payload's context. */
function recorder(name: string, log: string[]): CivicPlugin {
  return {
    name,
    beforeSubmit: <P>({ payload }: SubmissionContext<P>) => {
      log.push(`${name}.before`);
      const { context: seen = [] } = payload as Payload;
      return { ...payload, context: [...seen, name] } as P;
    },
    afterSubmit: () => void log.push(`${name}.after`),
    onError: () => void log.push(`${name}.error`),
  };
}

describe('submitWithPlugins', () => {
  test('runs each hook in the order the plugins were given, around one send', async () => {
    const log: string[] = [];
    const send = async () => (log.push('send'), stored);
    await submitWithPlugins([recorder('a', log), recorder('b', log)], context, send);
    assert.deepEqual(log, ['a.before', 'b.before', 'send', 'a.after', 'b.after']);
  });

  test('sends the payload as the plugins changed it, each seeing the previous change', async () => {
    const send = mock.fn(async (_payload: Payload) => stored);
    await submitWithPlugins([recorder('a', []), recorder('b', [])], context, send);
    assert.deepEqual(send.mock.calls[0]?.arguments[0], { score: 4, context: ['a', 'b'] });
  });

  test('a beforeSubmit that returns nothing keeps the payload', async () => {
    const send = mock.fn(async (_payload: Payload) => stored);
    await submitWithPlugins([{ name: 'quiet', beforeSubmit: () => undefined }], context, send);
    assert.deepEqual(send.mock.calls[0]?.arguments[0], { score: 4 });
  });

  test('a beforeSubmit that throws stops the submission with `plugin-refused`, told to onError', async () => {
    const log: string[] = [];
    const send = mock.fn(async () => stored);
    const captcha: CivicPlugin = {
      name: 'captcha',
      beforeSubmit: () => {
        throw new Error('proof of work missing');
      },
    };
    const result = await submitWithPlugins([captcha, recorder('analytics', log)], context, send);
    assert.deepEqual(result, {
      ok: false,
      error: { kind: 'invalid', code: 'plugin-refused', message: 'captcha: proof of work missing' },
    });
    assert.equal(send.mock.callCount(), 0);
    assert.deepEqual(log, ['analytics.error']);
  });

  test('a failed send reaches every onError and comes back unchanged', async () => {
    const log: string[] = [];
    const result = await submitWithPlugins([recorder('a', log)], context, async () => refused);
    assert.equal(result, refused);
    assert.deepEqual(log, ['a.before', 'a.error']);
  });

  test('an afterSubmit that throws does not turn a stored rating into a failure, nor stop the others', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const log: string[] = [];
    const broken: CivicPlugin = {
      name: 'broken-analytics',
      afterSubmit: () => {
        throw new Error('tracker offline');
      },
    };
    const result = await submitWithPlugins([broken, recorder('b', log)], context, async () => stored);
    assert.equal(result, stored);
    assert.deepEqual(log, ['b.before', 'b.after']);
    assert.equal(warn.mock.callCount(), 1);
  });
});

describe('participantFromPlugins', () => {
  const consultation = { consultation: 'place-du-marche' };

  test('none without a plugin that names the participant: the element uses its random id', async () => {
    assert.equal(await participantFromPlugins([{ name: 'analytics', afterSubmit: () => {} }], consultation), undefined);
  });

  test('the first plugin that gives a non-empty id wins, and is asked about this consultation', async () => {
    const asked: string[] = [];
    const plugins: CivicPlugin[] = [
      { name: 'nobody-here', participant: () => undefined },
      { name: 'empty', participant: () => '' },
      { name: 'invitation', participant: async ({ consultation: id }) => (asked.push(id), `invite:${id}`) },
      { name: 'later', participant: () => 'never-asked' },
    ];
    assert.equal(await participantFromPlugins(plugins, consultation), 'invite:place-du-marche');
    assert.deepEqual(asked, ['place-du-marche']);
  });

  test('a plugin that throws gives no identity and does not stop the next one', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const plugins: CivicPlugin[] = [
      {
        name: 'identity-provider-down',
        participant: () => {
          throw new Error('offline');
        },
      },
      { name: 'invitation', participant: () => 'K7P2-9QXF' },
    ];
    assert.equal(await participantFromPlugins(plugins, consultation), 'K7P2-9QXF');
    assert.equal(warn.mock.callCount(), 1);
  });
});
