import type { pollQuestionsFr } from './poll-questions.fr.js';

export const pollQuestionsEn: Record<keyof typeof pollQuestionsFr, string> = {
  'poll.required': '(required)',
  'poll.multiple.any': 'You may choose several answers.',
  'poll.multiple.exactly': 'Number of answers to choose: exactly {count}.',
  'poll.multiple.at-least': 'Number of answers to choose: at least {min}.',
  'poll.multiple.at-most': 'Number of answers to choose: at most {max}.',
  'poll.multiple.between': 'Number of answers to choose: from {min} to {max}.',
  'poll.text.remaining': '{count} of {max} characters left',
  'poll.ranking.hint': 'Rank from most important (1) to least important with the Move up and Move down buttons. Your ranking counts as soon as you move an item; to keep the order shown, tick the box below the list.',
  'poll.ranking.up': 'Move “{option}” up',
  'poll.ranking.down': 'Move “{option}” down',
  'poll.ranking.moved': '“{option}” is now in position {position} of {total}.',
  'poll.ranking.confirm': 'I confirm this ranking',
};
