import type { kioskFr } from './kiosk.fr.js';

export const kioskEn: Record<keyof typeof kioskFr, string> = {
  'kiosk.phone.title': 'Or give your feedback on your phone',
  'kiosk.phone.hint': 'Scan this code or type this address:',
  'kiosk.phone.qr': 'QR code that opens this same feedback on your phone',
  'kiosk.thanks': 'Thank you, your feedback has been recorded.',
  'kiosk.wait': 'One moment: you can give new feedback in a few seconds.',
  'kiosk.warning.title': 'Are you still there?',
  'kiosk.warning.text': 'Your feedback has not been sent yet. Unless you act, it will be cleared in {time} to make way for the next person.',
  'kiosk.warning.left': '{time} left to continue your feedback.',
  'kiosk.warning.continue': 'Continue my feedback',
  'kiosk.status.label': 'Kiosk status, for staff',
  'kiosk.status.online': 'Online',
  'kiosk.status.offline': 'Offline',
  'kiosk.status.queued': 'Submissions waiting to be sent: {count}',
  'kiosk.status.last-sync': 'Last sent: {time}',
  'kiosk.status.never-synced': 'Nothing sent since start',
  'kiosk.status.memory': 'Stored in memory only: a reload would lose the submissions waiting',
  'kiosk.status.kiosk': 'Kiosk {id}',
  'kiosk.status.no-kiosk-id': 'Kiosk without an id (kiosk-id attribute)',
};
