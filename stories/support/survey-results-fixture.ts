// The results of a realistic agents' survey, for the tests and stories of <civic-survey-results>:
// the "Qualité de vie au travail et qualité du service rendu" survey of a town's 120 agents, 42 of
// whom answered, with directorates and "manager or not" as breakdowns. The tallies are counted
// from 42 made-up responses, and withheld by the server's rules (too few answers, too few comments,
// a group that is small or could be deduced from the others), so that every number adds up as a
// manager would check it.
import { NO_ANSWER_GROUP, type SurveyGroupResults, type SurveyQuestion, type SurveyQuestionResult, type SurveyResults, type SurveySection, type Withheld } from '@civic-pulse/core';

const AGREEMENT = [
  { id: 'pas-du-tout', label: 'Pas du tout d’accord' },
  { id: 'plutot-pas', label: 'Plutôt pas d’accord' },
  { id: 'plutot', label: 'Plutôt d’accord' },
  { id: 'tout-a-fait', label: 'Tout à fait d’accord' },
];

export const SECTIONS: SurveySection[] = [
  {
    id: 'vous',
    title: 'Vous',
    questions: [
      {
        id: 'direction',
        type: 'single',
        label: 'Dans quelle direction travaillez-vous\u202f?',
        required: false,
        breakdown: true,
        options: [
          { id: 'techniques', label: 'Services techniques' },
          { id: 'population', label: 'Population et citoyenneté' },
          { id: 'ressources', label: 'Finances et ressources humaines' },
          { id: 'enfance', label: 'Éducation et enfance' },
        ],
      },
      { id: 'encadrant', type: 'yesno', label: 'Encadrez-vous une équipe\u202f?', required: true, breakdown: true },
    ],
  },
  {
    id: 'qualite-de-vie',
    title: 'Qualité de vie au travail',
    questions: [
      {
        id: 'conditions',
        type: 'scale',
        label: 'Êtes-vous satisfait de vos conditions de travail\u202f?',
        required: true,
        min: 1,
        max: 5,
        minLabel: 'Pas du tout satisfait',
        maxLabel: 'Tout à fait satisfait',
      },
      {
        id: 'affirmations',
        type: 'matrix',
        label: 'Êtes-vous d’accord avec ces affirmations\u202f?',
        required: true,
        options: AGREEMENT,
        statements: [
          { id: 'sens', label: 'Mon travail a du sens' },
          { id: 'reconnaissance', label: 'Mon travail est reconnu par ma hiérarchie' },
          { id: 'outils', label: 'Je dispose des outils nécessaires' },
          { id: 'teletravail', label: 'L’organisation du télétravail me convient' },
        ],
      },
      {
        id: 'ameliorations',
        type: 'multiple',
        label: 'Quelles améliorations seraient prioritaires\u202f?',
        required: false,
        max: 2,
        options: [
          { id: 'formation', label: 'Formation' },
          { id: 'locaux', label: 'Locaux' },
          { id: 'numerique', label: 'Outils numériques' },
          { id: 'effectifs', label: 'Effectifs' },
        ],
      },
      { id: 'mediation', type: 'yesno', label: 'Avez-vous déjà fait appel à la médiation interne\u202f?', required: false },
    ],
  },
  {
    id: 'service-rendu',
    title: 'Qualité du service rendu',
    questions: [
      {
        id: 'priorites',
        type: 'ranking',
        label: 'Classez ces priorités pour mieux servir les usagers',
        required: true,
        options: [
          { id: 'accueil', label: 'L’accueil téléphonique' },
          { id: 'delais', label: 'Les délais de réponse' },
          { id: 'en-ligne', label: 'Les démarches en ligne' },
        ],
      },
      { id: 'idee', type: 'text', label: 'Une idée pour améliorer le service rendu\u202f?', required: false, maxLength: 500 },
      { id: 'signalement', type: 'text', label: 'Un point à signaler à la direction générale\u202f?', required: false, maxLength: 500 },
    ],
  },
];

export const QUESTIONS: SurveyQuestion[] = SECTIONS.flatMap((section) => section.questions);

const IDEAS = [
  'Un numéro unique pour l’accueil téléphonique, avec rappel.',
  'Des permanences en mairie annexe le samedi matin.',
  'Former les agents d’accueil aux démarches en ligne.',
  'Partager le planning des interventions entre services.',
  'Un formulaire de signalement plus simple sur le site.',
  'Réduire les doubles saisies entre logiciels.',
  'Afficher les délais de traitement aux usagers.',
  'Mieux accueillir les nouveaux agents.',
  'Des réunions d’équipe plus courtes et plus régulières.',
  'Traduire les formulaires principaux en anglais.',
  'Un guichet unique pour les démarches d’urbanisme.',
  'Rappeler les usagers qui ont laissé un message.',
  'Une signalétique plus claire dans le hall de la mairie.',
  'Des horaires d’ouverture plus tardifs le jeudi.',
];
const REMARKS = [
  'Le chauffage du centre technique.',
  'Les pannes du standard.',
  'Le manque de salles de réunion.',
  'Plus de souplesse dans les horaires.',
  'Les vestiaires des ateliers.',
  'Le parking du personnel.',
];

type Answers = Record<string, unknown>;

/** 42 responses: the directorates 14, 12, 11 and 3 agents, 2 who did not say; a response made from its index, no randomness. */
function responses(): Answers[] {
  const directions = [...Array(14).fill('techniques'), ...Array(12).fill('population'), ...Array(11).fill('ressources'), ...Array(3).fill('enfance'), undefined, undefined];
  return directions.map((direction, i) => {
    const answers: Answers = {
      encadrant: i % 4 === 0,
      conditions: 1 + ((i * 7 + (direction === 'population' ? 1 : 2)) % 5),
      affirmations: {
        sens: AGREEMENT[(i % 3) + 1]!.id,
        reconnaissance: AGREEMENT[(i * 5) % 4]!.id,
        outils: AGREEMENT[direction === 'techniques' ? i % 2 : (i % 3) + 1]!.id,
        // Only the agents whose post allows telework answer this one: too few to be published.
        ...(i % 10 === 3 ? { teletravail: AGREEMENT[2]!.id } : {}),
      },
      priorites: [['delais', 'accueil', 'en-ligne'], ['accueil', 'delais', 'en-ligne'], ['en-ligne', 'delais', 'accueil']][i % 3],
    };
    if (direction) answers['direction'] = direction;
    if (i % 6 !== 5) answers['ameliorations'] = [['formation', 'effectifs'], ['numerique'], ['locaux', 'effectifs'], ['effectifs']][i % 4];
    if (i % 15 === 7) answers['mediation'] = i % 2 === 0;
    if (i % 3 === 1) answers['idee'] = IDEAS[(i - 1) / 3];
    if (i % 7 === 2) answers['signalement'] = REMARKS[(i - 2) / 7];
    return answers;
  });
}

const WITHHELD: Withheld = { withheld: true };

function tally(question: SurveyQuestion, answers: Answers[], minimum: number, whole: boolean): SurveyQuestionResult {
  const given = answers.map((a) => a[question.id]).filter((value) => value !== undefined);
  if (given.length < minimum) return WITHHELD;
  const counts: Record<string, number> = {};
  const add = (key: string, by = 1) => (counts[key] = (counts[key] ?? 0) + by);
  switch (question.type) {
    case 'single':
    case 'scale':
      given.forEach((value) => add(String(value)));
      break;
    case 'yesno':
      given.forEach((value) => add(value ? 'yes' : 'no'));
      break;
    case 'multiple':
      given.forEach((value) => (value as string[]).forEach((id) => add(id)));
      break;
    case 'ranking':
      given.forEach((value) => (value as string[]).forEach((id, rank, all) => add(id, all.length - rank)));
      break;
    case 'text': {
      if (!whole) return { answered: given.length };
      const comments = (given as string[]).slice().sort((a, b) => a.localeCompare(b, 'fr'));
      return comments.length < Math.max(MINIMUM_COMMENTS, minimum) ? { answered: given.length, commentsWithheld: true } : { answered: given.length, comments };
    }
    case 'matrix': {
      const statements: Record<string, { answered: number; counts: Record<string, number> } | Withheld> = {};
      for (const statement of question.statements ?? []) {
        const chosen = given.map((value) => (value as Record<string, string>)[statement.id]).filter((id) => id !== undefined);
        const byOption: Record<string, number> = {};
        chosen.forEach((id) => (byOption[id] = (byOption[id] ?? 0) + 1));
        statements[statement.id] = chosen.length < minimum ? WITHHELD : { answered: chosen.length, counts: byOption };
      }
      return { answered: given.length, statements };
    }
  }
  const mean = question.type === 'scale' ? (given as number[]).reduce((sum, value) => sum + value, 0) / given.length : undefined;
  return mean === undefined ? { answered: given.length, counts } : { answered: given.length, counts, mean };
}

const MINIMUM_GROUP = 5;
const MINIMUM_COMMENTS = 8;

const tallies = (answers: Answers[], whole: boolean) => Object.fromEntries(QUESTIONS.map((question) => [question.id, tally(question, answers, MINIMUM_GROUP, whole)]));

/** A breakdown's groups; a small one is withheld, and so is the next smallest while the withheld ones add up to too few to hide among. */
function breakdown(question: SurveyQuestion, answers: Answers[]): Record<string, SurveyGroupResults | Withheld> {
  const keyOf = (value: unknown) => (value === undefined ? NO_ANSWER_GROUP : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
  const groups = new Map<string, Answers[]>();
  for (const a of answers) groups.set(keyOf(a[question.id]), [...(groups.get(keyOf(a[question.id])) ?? []), a]);
  const withheld = new Set([...groups].filter(([, members]) => members.length < MINIMUM_GROUP).map(([key]) => key));
  const hidden = () => [...withheld].reduce((sum, key) => sum + groups.get(key)!.length, 0);
  while (withheld.size > 0 && hidden() < MINIMUM_GROUP && withheld.size < groups.size) {
    const [smallest] = [...groups].filter(([key]) => !withheld.has(key)).sort((a, b) => a[1].length - b[1].length)[0]!;
    withheld.add(smallest);
  }
  return Object.fromEntries([...groups].map(([key, members]) => [key, withheld.has(key) ? WITHHELD : { respondents: members.length, questions: tallies(members, false) }]));
}

const ANSWERS = responses();

/** The survey closed and its results published: the whole survey's tallies and both breakdowns. */
export const PUBLISHED: SurveyResults = {
  survey: 'qvt-2026',
  title: 'Qualité de vie au travail et qualité du service rendu',
  sections: SECTIONS,
  status: 'closed',
  closesAt: '2026-11-20T17:00:00.000Z',
  invited: 120,
  received: ANSWERS.length,
  published: true,
  respondents: ANSWERS.length,
  minimumGroup: MINIMUM_GROUP,
  minimumComments: MINIMUM_COMMENTS,
  questions: tallies(ANSWERS, true),
  breakdowns: Object.fromEntries(QUESTIONS.filter((q) => q.breakdown).map((q) => [q.id, breakdown(q, ANSWERS)])),
};

/** The same survey while it is open: the participation only. */
export const OPEN: SurveyResults = {
  ...PUBLISHED,
  status: 'open',
  closesAt: '2026-12-18T17:00:00.000Z',
  received: 31,
  published: false,
  respondents: 0,
  questions: {},
  breakdowns: {},
};

/** Published without breakdowns: the survey asked none. */
export const WITHOUT_BREAKDOWNS: SurveyResults = { ...PUBLISHED, breakdowns: {} };
