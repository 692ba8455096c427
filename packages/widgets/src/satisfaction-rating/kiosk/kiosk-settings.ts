// Kiosk mode's attributes, read here rather than declared as the element's properties: that code
// would otherwise travel with every inline rating, which has a byte budget; a kiosk is set up once.

/** The warning before an unsent rating is cleared lasts at least this long (RGAA 13.1: 20 s). */
export const MIN_WARNING_SECONDS = 20;

export interface KioskSettings {
  /** How long the thank-you stays before the kiosk is ready for the next person. */
  resetDelayMs: number;
  /** The least time between two ratings sent, against repeated presses. */
  minIntervalMs: number;
  /** How long a started, unsent rating may sit untouched before the warning. */
  idleTimeoutMs: number;
  /** How long the warning gives to continue before the rating is cleared. */
  warningMs: number;
  /** The page that opens the same rating on a phone (the QR code's target, before its parameters). */
  phoneUrl: string;
  /** The service as the kiosk names it; its id when not given. */
  serviceName: string;
}

const DEFAULTS = { 'reset-delay': 6, 'min-interval': 3, 'idle-timeout': 60, 'warning-time': 30 } as const;
type SecondsAttribute = keyof typeof DEFAULTS;

/** A duration attribute in seconds (decimals allowed); a bad value says which attribute and falls back. */
function milliseconds(host: HTMLElement, name: SecondsAttribute, least = 0): number {
  const raw = host.getAttribute(name);
  const fallback = DEFAULTS[name];
  if (raw === null) return fallback * 1000;
  const seconds = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
    console.error(`[civic-pulse] <civic-satisfaction-rating> ${name}="${raw}" is not a number of seconds; using ${fallback}.`);
    return fallback * 1000;
  }
  if (seconds < least) {
    console.error(`[civic-pulse] <civic-satisfaction-rating> ${name}="${raw}" is under ${least} s, the least a person is given to continue (RGAA 13.1); using ${least}.`);
    return least * 1000;
  }
  return seconds * 1000;
}

/** The kiosk's settings as the element's attributes say now. */
export function readKioskSettings(host: HTMLElement & { service: string }): KioskSettings {
  return {
    resetDelayMs: milliseconds(host, 'reset-delay'),
    minIntervalMs: milliseconds(host, 'min-interval'),
    idleTimeoutMs: milliseconds(host, 'idle-timeout'),
    warningMs: milliseconds(host, 'warning-time', MIN_WARNING_SECONDS),
    phoneUrl: host.getAttribute('phone-url') || 'phone.html',
    serviceName: host.getAttribute('service-name') || host.service,
  };
}

/** What the settings are read from: a change to any of these, and only then, reads them again. */
const SOURCES = ['reset-delay', 'min-interval', 'idle-timeout', 'warning-time', 'phone-url', 'service-name'] as const;

/**
 * The kiosk's settings, read again only when one of its attributes (or the service) has changed
 * since: they are needed at each render and each timer, and a bad value is to be reported once,
 * not every second of a warning.
 */
export function settingsReader(host: HTMLElement & { service: string }): () => KioskSettings {
  let last: { from: string; settings: KioskSettings } | undefined;
  return () => {
    const from = JSON.stringify([host.service, ...SOURCES.map((name) => host.getAttribute(name))]);
    if (last?.from !== from) last = { from, settings: readKioskSettings(host) };
    return last.settings;
  };
}
