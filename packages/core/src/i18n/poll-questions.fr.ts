/** The French messages of the poll's question controls (keys `poll.required`, `poll.multiple.…`, `poll.text.…`, `poll.ranking.…`), bundled with their code (see poll-questions.ts). */
export const pollQuestionsFr = {
  'poll.required': '(obligatoire)',
  'poll.multiple.any': 'Plusieurs réponses possibles.',
  'poll.multiple.exactly': 'Nombre de réponses à choisir : exactement {count}.',
  'poll.multiple.at-least': 'Nombre de réponses à choisir : au moins {min}.',
  'poll.multiple.at-most': 'Nombre de réponses à choisir : au plus {max}.',
  'poll.multiple.between': 'Nombre de réponses à choisir : de {min} à {max}.',
  'poll.text.remaining': '{count} caractères restants sur {max}',
  'poll.ranking.hint': 'Classez du plus important (1) au moins important avec les boutons Monter et Descendre. Votre classement compte dès que vous déplacez un élément ; pour garder l’ordre affiché, cochez la case sous la liste.',
  'poll.ranking.up': 'Monter « {option} »',
  'poll.ranking.down': 'Descendre « {option} »',
  'poll.ranking.moved': '« {option} » est maintenant en position {position} sur {total}.',
  'poll.ranking.confirm': 'Je valide ce classement',
} as const;
