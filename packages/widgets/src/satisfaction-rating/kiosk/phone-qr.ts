import { svg, type SVGTemplateResult } from 'lit';
import { encode } from 'uqr';

// Four light modules around the code: the quiet zone the QR standard asks for, so that a phone
// finds the code against whatever surrounds the kiosk's screen.
const QUIET_ZONE = 4;

/** What the phone's page needs to rate the same thing: the kiosk's service, channel and scale. */
export interface PhoneRating {
  service: string;
  channel: string;
  scale: string;
}

/**
 * The address the QR code opens: `phoneUrl` resolved against the kiosk's page, with the service,
 * channel and scale as parameters, so that one phone page serves every kiosk of the city. Undefined,
 * and said in the console, when `phoneUrl` is no URL.
 */
export function phoneAddress(phoneUrl: string, { service, channel, scale }: PhoneRating): string | undefined {
  let url: URL;
  try {
    url = new URL(phoneUrl, document.baseURI);
  } catch {
    console.error(`[civic-pulse] <civic-satisfaction-rating> phone-url="${phoneUrl}" is not a URL; no QR code is drawn.`);
    return undefined;
  }
  url.searchParams.set('service', service);
  url.searchParams.set('channel', channel);
  url.searchParams.set('scale', scale);
  return url.href;
}

/**
 * The QR code of `text`, drawn here as one SVG path: no image fetched, no third-party service, and
 * nothing a strict CSP or Trusted Types would block (an attribute value, no markup from a string).
 * Error correction M (15 %) survives a smudged or scratched screen.
 */
export function qrCode(text: string, label: string): SVGTemplateResult {
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  let path = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return svg`<svg part="kiosk-qr" class="qr" role="img" aria-label=${label} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">
    <rect width=${size} height=${size} class="qr-light" />
    <path d=${path} class="qr-dark" />
  </svg>`;
}
