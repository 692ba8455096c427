// The results of a realistic agents' survey, for the tests and stories of <civic-survey-results>:
// the "Qualité de vie au travail et qualité du service rendu" survey of a town's 120 agents, 42 of
// whom answered, with directorates and "manager or not" as breakdowns. The tallies are core's
// surveyResultsOf over 42 made-up responses, as the server computes them: withheld by its rules
// (too few answers, too few comments, a group that is small or could be deduced from the others),
// and every number adds up as a manager would check it.
import { surveyResultsOf, type SurveyQuestion, type SurveyResults, type SurveySection } from '@civic-pulse/core';

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

const ANSWERS = responses();
const SURVEY = { id: 'qvt-2026', title: 'Qualité de vie au travail et qualité du service rendu', closesAt: '2026-11-20T17:00:00.000Z', sections: SECTIONS };

/** The survey closed and its results published: the whole survey's tallies and both breakdowns. */
export const PUBLISHED: SurveyResults = surveyResultsOf(SURVEY, ANSWERS, { status: 'closed', invited: 120 });

/** Closed with 4 responses, fewer than the minimum group: published, and every tally withheld. */
export const TOO_FEW: SurveyResults = surveyResultsOf(SURVEY, ANSWERS.slice(0, 4), { status: 'closed', invited: 120 });

/** The same survey while it is open, 31 responses in: the participation only. */
export const OPEN: SurveyResults = surveyResultsOf({ ...SURVEY, closesAt: '2026-12-18T17:00:00.000Z' }, ANSWERS.slice(0, 31), { status: 'open', invited: 120 });

/** Published without breakdowns: the survey asked none. */
export const WITHOUT_BREAKDOWNS: SurveyResults = { ...PUBLISHED, breakdowns: {} };
