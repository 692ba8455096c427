import { css } from 'lit';

/**
 * Kiosk mode's layout, adopted beside the rating's own styles once its chunk is loaded: the whole
 * screen, targets of 4rem (64 px) at least for fingers, the service and channel on top, the phone's
 * QR code aside, the staff's status at the foot.
 */
export const kioskStyles = css`
  .kiosk {
    --_option-size: var(--civic-rating-option-size, 7rem);

    display: grid;
    grid-template: 'context context' auto 'main phone' 1fr 'status status' auto / minmax(0, 1fr) auto;
    gap: 1.5rem 3rem;
    min-height: 100vh;
    min-height: 100dvh;
    padding: 2rem 3rem 1rem;
    background: var(--_surface);
    font-size: 1.375rem;
  }

  /* A portrait screen, or a narrow one: one column, the QR code under the rating. */
  @media (max-width: 60rem) {
    .kiosk {
      grid-template: 'context' auto 'main' 1fr 'phone' auto 'status' auto / minmax(0, 1fr);
      padding: 1.5rem;
    }
  }

  .kiosk-context {
    grid-area: context;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    font-size: 1.75rem;
    font-weight: 700;
  }

  .kiosk-channel {
    font-weight: 400;
    color: var(--_muted);
  }

  .kiosk-main {
    grid-area: main;
    align-self: center;
  }

  .kiosk .base {
    max-width: none;
  }

  .kiosk .question {
    font-size: 2rem;
  }

  .kiosk .options {
    gap: 1rem;
  }

  .kiosk .option {
    min-width: 4rem;
    min-height: 4rem;
    max-width: 14rem;
    padding: 1rem 0.5rem;
    font-size: 1.25rem;
  }

  .kiosk .reasons {
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  }

  .kiosk .reason {
    min-height: 4rem;
    font-size: 1.25rem;
  }

  .kiosk .reason input {
    width: 2rem;
    height: 2rem;
  }

  .kiosk textarea {
    min-height: 6rem;
    font-size: 1.25rem;
  }

  .kiosk .hint {
    font-size: 1rem;
  }

  .kiosk button {
    min-width: 4rem;
    min-height: 4rem;
    padding: 0.75rem 2rem;
    font-size: 1.375rem;
  }

  .kiosk .thanks {
    padding: 1.5rem 2rem;
    font-size: 1.75rem;
  }

  .kiosk-again {
    margin-top: 1.5rem;
  }

  .kiosk-wait {
    margin: 1rem 0 0;
    font-weight: 600;
  }

  .kiosk-wait:empty {
    display: none;
  }

  .kiosk-phone {
    grid-area: phone;
    align-self: center;
    justify-self: center;
    max-width: 18rem;
    text-align: center;
    font-size: 1.125rem;
  }

  .kiosk-phone-title {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }

  .kiosk-phone p {
    margin: 0.5rem 0 0;
  }

  /* Black on white whatever the city's colours: what phones' cameras read best. */
  .qr {
    display: block;
    width: 12rem;
    height: 12rem;
    margin: 0 auto;
  }

  .qr-light {
    fill: #ffffff;
  }

  .qr-dark {
    fill: #000000;
  }

  .kiosk-url {
    font-size: 1rem;
    overflow-wrap: anywhere;
  }

  .kiosk-status {
    grid-area: status;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
    padding: 0.5rem 0 0;
    list-style: none;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .kiosk-status .online::before,
  .kiosk-status .offline::before {
    content: '●';
    margin-inline-end: 0.35em;
    color: var(--_success);
  }

  .kiosk-status .offline::before {
    color: var(--_danger);
  }

  .kiosk-status .memory {
    color: var(--_danger);
  }

  .kiosk-warning {
    width: min(40rem, calc(100vw - 2rem));
    padding: 2rem;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 1.5rem;
  }

  .kiosk-warning::backdrop {
    background: rgb(0 0 0 / 0.6);
  }

  .kiosk-warning-title {
    margin: 0 0 1rem;
    font-size: 2rem;
    font-weight: 700;
  }

  .kiosk-warning p {
    margin: 0 0 1.5rem;
  }
`;
