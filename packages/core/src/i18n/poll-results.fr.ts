/** The French messages of the poll's results (keys `poll.results.…`), bundled with the results' code, fetched only once results are shown (see poll-results.ts). */
export const pollResultsFr = {
  'poll.results.responses': 'Participations : {count}',
  'poll.results.answered': 'Réponses à cette question : {count}',
  'poll.results.answer': 'Réponse',
  'poll.results.count': 'Nombre de réponses',
  'poll.results.share': 'Part des réponses',
  'poll.results.points': 'Points',
  'poll.results.value': '{count} ({share})',
  'poll.results.points-value.one': '{points} pt',
  'poll.results.points-value.other': '{points} pts',
  'poll.results.mean': 'Moyenne : {mean}, sur une échelle de {min} à {max}',
  'poll.results.borda': 'Classement par points : chaque participation donne {count} points à l’élément classé premier, un de moins au suivant, et ainsi de suite jusqu’à 1 point pour le dernier. Le plus haut total arrive en tête.',
  'poll.results.text': 'Réponses écrites : {count}. Elles ne sont pas publiées.',
} as const;
