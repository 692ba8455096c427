import type { AdapterError, Result } from './adapter.js';

export type SubmissionKind = 'rating' | 'consultation-response' | 'idea' | 'idea-support';

export interface SubmissionContext<Payload> {
  kind: SubmissionKind;
  payload: Payload;
  /** The element the person used, where there is one. */
  element?: HTMLElement;
}

/**
 * Hooks into every submission: add context, add a proof-of-work token, forward to the analytics
 * the collectivité already runs. A hook that throws is reported through `onError` of the others
 * and never breaks the widget.
 */
export interface CivicPlugin {
  name: string;
  /** May return a changed payload; throwing stops the submission with a `plugin-refused` error. */
  beforeSubmit?<P>(context: SubmissionContext<P>): P | void | Promise<P | void>;
  afterSubmit?<P>(context: SubmissionContext<P>, result: unknown): void | Promise<void>;
  onError?<P>(context: SubmissionContext<P>, error: AdapterError): void | Promise<void>;
  /**
   * The place for a verified identity. By default a consultation's participant is a random id the
   * element keeps in the browser: one answer per browser, not per person. A plugin that knows who
   * is there (an invitation code typed or read from the URL, a session with an identity provider
   * such as FranceConnect) returns the id to use instead; the server must then check it. The first
   * plugin that returns a string wins, and then the element stores nothing on the device.
   */
  participant?(context: ParticipantContext): string | undefined | Promise<string | undefined>;
}

export interface ParticipantContext {
  /** The consultation about to be answered, supported or given an idea. */
  consultation: string;
  element?: HTMLElement;
}

/** The verified identity a plugin gives for this consultation, if any; a plugin that throws gives none. */
export async function participantFromPlugins(plugins: readonly CivicPlugin[], context: ParticipantContext): Promise<string | undefined> {
  for (const plugin of plugins) {
    try {
      const participant = await plugin.participant?.(context);
      if (typeof participant === 'string' && participant !== '') return participant;
    } catch (thrown) {
      console.warn(`[civic-pulse] plugin ${plugin.name} could not name the participant`, thrown);
    }
  }
  return undefined;
}

/** Runs a submission through the plugins' hooks, in the order the plugins were given. */
export async function submitWithPlugins<P, R>(
  plugins: readonly CivicPlugin[],
  context: SubmissionContext<P>,
  send: (payload: P) => Promise<Result<R>>,
): Promise<Result<R>> {
  let payload = context.payload;
  for (const plugin of plugins) {
    try {
      payload = (await plugin.beforeSubmit?.({ ...context, payload })) ?? payload;
    } catch (thrown) {
      const error: AdapterError = {
        kind: 'invalid',
        code: 'plugin-refused',
        message: `${plugin.name}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      };
      await notify(plugins, (p) => p.onError?.({ ...context, payload }, error));
      return { ok: false, error };
    }
  }
  const result = await send(payload);
  const sent = { ...context, payload };
  await notify(plugins, (p) => (result.ok ? p.afterSubmit?.(sent, result.data) : p.onError?.(sent, result.error)));
  return result;
}

async function notify(plugins: readonly CivicPlugin[], hook: (plugin: CivicPlugin) => unknown): Promise<void> {
  for (const plugin of plugins) {
    try {
      await hook(plugin);
    } catch (thrown) {
      // A broken analytics forwarder must not turn a stored rating into an error for the citizen.
      console.warn(`[civic-pulse] plugin ${plugin.name} failed`, thrown);
    }
  }
}
