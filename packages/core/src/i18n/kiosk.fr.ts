/**
 * The satisfaction rating's kiosk-mode messages, French: the phone's QR code, the pause between two
 * ratings, the warning before an unsent rating is cleared, and the staff's status line. A bundle of
 * its own, fetched with the kiosk's chunk, so that a page with an inline rating carries none of it.
 */
export const kioskFr = {
  'kiosk.phone.title': 'Ou donnez votre avis sur votre téléphone',
  'kiosk.phone.hint': 'Scannez ce code ou saisissez cette adresse :',
  'kiosk.phone.qr': 'QR code qui ouvre ce même avis sur votre téléphone',
  'kiosk.thanks': 'Merci, votre avis est bien enregistré.',
  'kiosk.wait': 'Un instant : vous pourrez donner un nouvel avis dans quelques secondes.',
  'kiosk.warning.title': 'Êtes-vous toujours là ?',
  'kiosk.warning.text': 'Votre avis n’est pas encore envoyé. Sans action de votre part, il sera effacé dans {time} pour laisser la place à la personne suivante.',
  'kiosk.warning.left': 'Il reste {time} pour continuer votre avis.',
  'kiosk.warning.continue': 'Continuer mon avis',
  'kiosk.status.label': 'État de la borne, pour le personnel',
  'kiosk.status.online': 'En ligne',
  'kiosk.status.offline': 'Hors ligne',
  'kiosk.status.queued': 'Envois en attente : {count}',
  'kiosk.status.last-sync': 'Dernier envoi : {time}',
  'kiosk.status.never-synced': 'Aucun envoi depuis le démarrage',
  'kiosk.status.memory': 'Stockage en mémoire seulement : un rechargement perdrait les envois en attente',
  'kiosk.status.kiosk': 'Borne {id}',
  'kiosk.status.no-kiosk-id': 'Borne sans identifiant (attribut kiosk-id)',
} as const;
