import type { pollResultsFr } from './poll-results.fr.js';

export const pollResultsEn: Record<keyof typeof pollResultsFr, string> = {
  'poll.results.responses': 'Responses: {count}',
  'poll.results.answered': 'Answers to this question: {count}',
  'poll.results.answer': 'Answer',
  'poll.results.count': 'Number of answers',
  'poll.results.share': 'Share of answers',
  'poll.results.points': 'Points',
  'poll.results.value': '{count} ({share})',
  'poll.results.points-value.one': '{points} point',
  'poll.results.points-value.other': '{points} points',
  'poll.results.mean': 'Mean: {mean}, on a scale from {min} to {max}',
  'poll.results.borda': 'Ranked by points: each response gives {count} points to the item ranked first, one less to the next, and so on down to 1 point for the last. The highest total comes first.',
  'poll.results.text': 'Written answers: {count}. They are not published.',
};
