import { ideasFr } from './ideas.fr.js';
import { pollFr } from './poll.fr.js';

/**
 * The French catalog: the reference every other language follows key for key. French typography
 * puts a narrow no-break space (U+202F) before ? ! ; and a no-break one (U+00A0) before :, so
 * that a question mark never wraps alone onto the next line.
 */
export const fr = {
  'rating.question': 'Êtes-vous satisfait de ce service ?',
  'rating.level.smileys-3.1': 'Pas satisfait',
  'rating.level.smileys-3.2': 'Moyennement satisfait',
  'rating.level.smileys-3.3': 'Satisfait',
  'rating.level.smileys-5.1': 'Très insatisfait',
  'rating.level.smileys-5.2': 'Insatisfait',
  'rating.level.smileys-5.3': 'Ni satisfait ni insatisfait',
  'rating.level.smileys-5.4': 'Satisfait',
  'rating.level.smileys-5.5': 'Très satisfait',
  'rating.level.stars-5.1': '1 étoile sur 5',
  'rating.level.stars-5.2': '2 étoiles sur 5',
  'rating.level.stars-5.3': '3 étoiles sur 5',
  'rating.level.stars-5.4': '4 étoiles sur 5',
  'rating.level.stars-5.5': '5 étoiles sur 5',
  'rating.reasons.legend': 'Qu’est-ce qui pourrait être amélioré ? (facultatif)',
  'rating.reason.waiting-time': 'Le temps d’attente',
  'rating.reason.welcome': 'L’accueil',
  'rating.reason.information-quality': 'La qualité de l’information',
  'rating.reason.opening-hours': 'Les horaires d’ouverture',
  'rating.reason.accessibility': 'L’accessibilité',
  'rating.reason.other': 'Autre chose',
  'rating.comment.label': 'Votre commentaire (facultatif)',
  'rating.comment.privacy': 'N’écrivez aucune donnée personnelle : ni nom, ni adresse, ni téléphone, ni numéro de dossier.',
  'rating.comment.remaining': '{count} caractères restants sur {max}',
  'rating.send': 'Envoyer mon avis',
  'rating.sending': 'Envoi de votre avis…',
  'rating.thanks': 'Merci, votre avis a bien été envoyé.',
  'rating.thanks.detail': 'Il nous aide à améliorer ce service.',
  'rating.again': 'Donner un autre avis',
  'rating.choose-first': 'Choisissez d’abord votre niveau de satisfaction.',
  'floating.open': 'Je donne mon avis',
  'dialog.title': 'Votre avis',
  'dialog.close': 'Fermer',
  'error.network': 'Votre avis n’a pas pu être envoyé : la connexion a échoué. Vérifiez votre connexion puis réessayez.',
  'error.timeout': 'Votre avis n’a pas pu être envoyé : le serveur met trop de temps à répondre. Réessayez.',
  'error.server': 'Votre avis n’a pas pu être envoyé à cause d’un incident de notre côté. Réessayez dans un instant.',
  'error.rate-limited': 'Trop d’envois en peu de temps. Réessayez dans {seconds} s.',
  'error.invalid': 'Votre avis n’a pas pu être enregistré : {details}',
  'error.misconfigured': 'Votre avis n’a pas pu être enregistré, car ce module d’avis est mal configuré ({details}). Le service concerné doit le corriger.',
  'error.refused': 'Votre avis n’a pas pu être enregistré.',
  'error.not-configured': 'Ce module d’avis n’est pas configuré : il lui manque l’adresse du serveur (endpoint) ou l’organisation (org).',
  'error.retry': 'Réessayer',
  'field.score': 'niveau de satisfaction',
  'field.reasons': 'raisons',
  'field.comment': 'commentaire',
  'field.service': 'service',
  'field.channel': 'canal de contact',
  'field.scale': 'échelle',
  'field.source': 'source',
  'field.kioskId': 'identifiant de borne',
  // Each element with many messages keeps them in a file of its own, so that two can grow at once.
  ...pollFr,
  ...ideasFr,
} as const;

export type MessageKey = keyof typeof fr;
export type Catalog = Record<MessageKey, string>;
