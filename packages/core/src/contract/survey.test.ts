import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConsultationDefinitionSchema } from './consultation.js';
import { fieldErrorsOf } from './error.js';
import { isSectionShown, surveyAnswerProblems } from './survey-answers.js';
import { SurveyDefinitionSchema, SurveyResponseSchema, SurveySchema, type SurveyDefinition } from './survey.js';

const likert = [
  { id: 'pas-du-tout', label: 'Pas du tout d’accord' },
  { id: 'plutot-non', label: 'Plutôt pas d’accord' },
  { id: 'plutot-oui', label: 'Plutôt d’accord' },
  { id: 'tout-a-fait', label: 'Tout à fait d’accord' },
];

const definition: SurveyDefinition = {
  org: 'ville',
  title: 'Qualité de vie au travail',
  intro: 'Anonyme.',
  opensAt: '2026-03-01T00:00:00Z',
  closesAt: '2026-04-01T00:00:00Z',
  sections: [
    {
      id: 'vous',
      title: 'Vous',
      questions: [
        { id: 'encadrant', type: 'yesno', label: 'Encadrez-vous ?', required: true },
        {
          id: 'service',
          type: 'single',
          label: 'Votre service',
          help: 'Celui où vous passez le plus de temps.',
          required: false,
          options: [
            { id: 'accueil', label: 'Accueil' },
            { id: 'technique', label: 'Technique' },
          ],
        },
      ],
    },
    {
      id: 'climat',
      title: 'Climat',
      questions: [
        {
          id: 'climat',
          type: 'matrix',
          label: 'Êtes-vous d’accord ?',
          required: true,
          options: likert,
          statements: [
            { id: 'ecoute', label: 'Je suis écouté·e' },
            { id: 'moyens', label: 'J’ai les moyens de bien faire' },
          ],
        },
        { id: 'note', type: 'scale', label: 'Note', required: true, min: 0, max: 10 },
        { id: 'pourquoi', type: 'text', label: 'Pourquoi ?', required: false, maxLength: 500, showIf: { question: 'note', between: [0, 4] } },
      ],
    },
    {
      id: 'encadrement',
      title: 'Encadrement',
      showIf: { question: 'encadrant', equals: true },
      questions: [
        {
          id: 'charge',
          type: 'multiple',
          label: 'Ce qui pèse',
          required: true,
          options: [
            { id: 'effectifs', label: 'Effectifs' },
            { id: 'outils', label: 'Outils' },
          ],
        },
        { id: 'outils-detail', type: 'text', label: 'Quels outils ?', required: true, maxLength: 200, showIf: { question: 'charge', includes: 'outils' } },
      ],
    },
  ],
};

/** The paths of every problem of a definition changed by `edit`, sorted. */
function problemPaths(edit: (copy: SurveyDefinition) => void): string[] {
  const copy = structuredClone(definition);
  edit(copy);
  const parsed = SurveyDefinitionSchema.safeParse(copy);
  assert.equal(parsed.success, false, 'the definition should be refused');
  return fieldErrorsOf(parsed.error!.issues).map((field) => field.path).sort();
}

function isAccepted(edit: (copy: SurveyDefinition) => void): boolean {
  const copy = structuredClone(definition);
  edit(copy);
  return SurveyDefinitionSchema.safeParse(copy).success;
}

const section = (copy: SurveyDefinition, index: number) => copy.sections[index]!;
const question = (copy: SurveyDefinition, s: number, q: number) => section(copy, s).questions[q]!;

describe('SurveyDefinitionSchema', () => {
  test('accepts a coherent definition, with or without an id, and the public survey with its status', () => {
    assert.equal(SurveyDefinitionSchema.safeParse(definition).success, true);
    assert.equal(SurveyDefinitionSchema.safeParse({ ...definition, id: 'qvt-2026' }).success, true);
    assert.equal(SurveySchema.safeParse({ ...definition, id: 'qvt-2026', status: 'open' }).success, true);
    assert.equal(SurveySchema.safeParse({ ...definition, status: 'open' }).success, false);
  });

  test('names an unknown field of a question or a section', () => {
    assert.deepEqual(
      problemPaths((copy) => {
        Object.assign(question(copy, 0, 0), { participant: 'x' });
        Object.assign(section(copy, 1), { token: 'x' });
      }),
      ['sections.0.questions.0.participant', 'sections.1.token'],
    );
  });

  test('names closesAt before opensAt', () => {
    assert.deepEqual(problemPaths((copy) => { copy.closesAt = '2026-02-01T00:00:00Z'; }), ['closesAt']);
  });

  test('names a section id used twice', () => {
    assert.deepEqual(problemPaths((copy) => { section(copy, 2).id = 'vous'; }), ['sections.2.id']);
  });

  test('names a question id used twice across sections', () => {
    assert.deepEqual(problemPaths((copy) => { question(copy, 1, 2).id = 'encadrant'; }), ['sections.1.questions.2.id']);
  });

  test('names a statement or option id used twice in a matrix', () => {
    const paths = problemPaths((copy) => {
      const matrix = question(copy, 1, 0);
      matrix.statements = [...matrix.statements!, { id: 'ecoute', label: 'Encore' }];
      matrix.options = [...matrix.options!, { id: 'plutot-oui', label: 'Encore' }];
    });
    assert.deepEqual(paths, ['sections.1.questions.0.options.4.id', 'sections.1.questions.0.statements.2.id']);
  });

  test('names a matrix without statements, or without options', () => {
    assert.deepEqual(problemPaths((copy) => { question(copy, 1, 0).statements = []; }), ['sections.1.questions.0.statements']);
    assert.deepEqual(problemPaths((copy) => { delete question(copy, 1, 0).statements; }), ['sections.1.questions.0.statements']);
    assert.deepEqual(problemPaths((copy) => { delete question(copy, 1, 0).options; }), ['sections.1.questions.0.options']);
  });

  test('names statements on a question that is not a matrix, and refuses a matrix in a consultation’s vocabulary', () => {
    assert.deepEqual(problemPaths((copy) => { question(copy, 0, 1).statements = [{ id: 'x', label: 'X' }]; }), ['sections.0.questions.1.statements']);
    const matrix = question(definition, 1, 0);
    const consultation = { ...definition, description: '', resultsVisibility: 'never', ideas: { enabled: false, moderation: 'post' }, questions: [matrix] };
    delete (consultation as Partial<typeof consultation>).intro;
    delete (consultation as Partial<typeof consultation>).sections;
    const parsed = ConsultationDefinitionSchema.safeParse(consultation);
    assert.deepEqual(fieldErrorsOf(parsed.error!.issues).map((field) => field.path).sort(), ['questions.0.statements', 'questions.0.type']);
  });

  test('names a question condition on an unknown, a later, or the same question', () => {
    assert.deepEqual(problemPaths((copy) => { question(copy, 0, 1).showIf = { question: 'inconnue' }; }), ['sections.0.questions.1.showIf.question']);
    assert.deepEqual(problemPaths((copy) => { question(copy, 0, 1).showIf = { question: 'note' }; }), ['sections.0.questions.1.showIf.question']);
    assert.deepEqual(problemPaths((copy) => { question(copy, 1, 1).showIf = { question: 'note' }; }), ['sections.1.questions.1.showIf.question']);
  });

  test('names a section condition on a question of that section, a later one, or an unknown one', () => {
    assert.deepEqual(problemPaths((copy) => { section(copy, 1).showIf = { question: 'note' }; }), ['sections.1.showIf.question']);
    assert.deepEqual(problemPaths((copy) => { section(copy, 1).showIf = { question: 'charge' }; }), ['sections.1.showIf.question']);
    assert.deepEqual(problemPaths((copy) => { section(copy, 0).showIf = { question: 'inconnue' }; }), ['sections.0.showIf.question']);
  });

  test('names a condition value the referenced question cannot give', () => {
    const cases: [SurveyDefinition['sections'][number]['showIf'], string][] = [
      [{ question: 'encadrant', includes: 'oui' }, 'includes'],
      [{ question: 'encadrant', equals: 'oui' }, 'equals'],
      [{ question: 'service', between: [1, 2] }, 'between'],
      [{ question: 'service', equals: 'inconnu' }, 'equals'],
      [{ question: 'climat', equals: 'plutot-oui' }, 'equals'],
      [{ question: 'note', equals: 11 }, 'equals'],
      [{ question: 'note', between: [8, 3] }, 'between'],
    ];
    for (const [showIf, field] of cases) {
      assert.deepEqual(problemPaths((copy) => { section(copy, 2).showIf = showIf; }), [`sections.2.showIf.${field}`], JSON.stringify(showIf));
    }
    assert.deepEqual(
      problemPaths((copy) => { question(copy, 2, 1).showIf = { question: 'charge', includes: 'inconnu' }; }),
      ['sections.2.questions.1.showIf.includes'],
    );
  });

  test('breaks results down by a single choice or a yes/no, at most three, whose options leave "none" to the agents who did not answer', () => {
    assert.ok(
      isAccepted((copy) => {
        question(copy, 0, 0).breakdown = true;
        question(copy, 0, 1).breakdown = true;
      }),
    );
    assert.deepEqual(problemPaths((copy) => (question(copy, 1, 0).breakdown = true)), ['sections.1.questions.0.breakdown']);
    assert.deepEqual(
      problemPaths((copy) => {
        question(copy, 0, 1).breakdown = true;
        question(copy, 0, 1).options![1]!.id = 'none';
      }),
      ['sections.0.questions.1.options.1.id'],
    );
    const fourth = problemPaths((copy) => {
      const yesno = (id: string) => ({ id, type: 'yesno' as const, label: id, required: false, breakdown: true });
      section(copy, 0).questions.push(yesno('b1'), yesno('b2'), yesno('b3'), yesno('b4'));
    });
    assert.deepEqual(fourth, ['sections.0.questions.5.breakdown']);
  });

  test('takes a minimum group of 3 or more, never less', () => {
    assert.ok(isAccepted((copy) => (copy.minimumGroup = 3)));
    assert.deepEqual(problemPaths((copy) => (copy.minimumGroup = 2)), ['minimumGroup']);
  });

  test('names several problems at once, each at its path', () => {
    const paths = problemPaths((copy) => {
      copy.closesAt = copy.opensAt;
      section(copy, 1).id = 'vous';
      section(copy, 1).showIf = { question: 'encadrant', between: [0, 1] };
      question(copy, 1, 0).statements = [];
      question(copy, 2, 1).showIf = { question: 'pas-encore' };
      question(copy, 2, 0).id = 'note';
    });
    assert.deepEqual(paths, [
      'closesAt',
      'sections.1.id',
      'sections.1.questions.0.statements',
      'sections.1.showIf.between',
      'sections.2.questions.0.id',
      'sections.2.questions.1.showIf.question',
    ]);
  });
});

describe('SurveyResponseSchema', () => {
  test('holds an id and answers, and nothing that could name the agent', () => {
    const id = '7d6f3c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';
    assert.equal(SurveyResponseSchema.safeParse({ id, answers: {} }).success, true);
    assert.equal(SurveyResponseSchema.safeParse({ id, participant: 'p', answers: {} }).success, false);
    assert.equal(SurveyResponseSchema.safeParse({ id, token: 't', answers: {} }).success, false);
  });
});

describe('surveyAnswerProblems', () => {
  const complete = { encadrant: false, climat: { ecoute: 'plutot-oui', moyens: 'pas-du-tout' }, note: 7 };
  const paths = (answers: Record<string, unknown>) => surveyAnswerProblems(definition, answers).map((problem) => problem.path);

  test('accepts complete answers, and names each missing required one', () => {
    assert.deepEqual(surveyAnswerProblems(definition, complete), []);
    assert.deepEqual(paths({}), ['answers.encadrant', 'answers.climat', 'answers.note']);
  });

  test('a required matrix maps every statement to an option of its scale', () => {
    assert.deepEqual(surveyAnswerProblems(definition, { ...complete, climat: { ecoute: 'plutot-oui' } }), [
      { path: 'answers.climat', message: 'every statement requires an answer' },
    ]);
    assert.deepEqual(paths({ ...complete, climat: { ecoute: 'plutot-oui', moyens: 'oui' } }), ['answers.climat']);
    assert.deepEqual(paths({ ...complete, climat: { ecoute: 'plutot-oui', moyens: 3 } }), ['answers.climat']);
    assert.deepEqual(paths({ ...complete, climat: ['plutot-oui', 'plutot-oui'] }), ['answers.climat']);
    assert.deepEqual(paths({ ...complete, climat: 'plutot-oui' }), ['answers.climat']);
  });

  test('a matrix answer names no unknown statement', () => {
    assert.deepEqual(surveyAnswerProblems(definition, { ...complete, climat: { ...complete.climat, autre: 'plutot-oui' } }), [
      { path: 'answers.climat', message: '"autre" is not a statement of this question' },
    ]);
  });

  test('an optional matrix may leave statements out', () => {
    const optional = structuredClone(definition);
    question(optional, 1, 0).required = false;
    assert.deepEqual(surveyAnswerProblems(optional, { ...complete, climat: { moyens: 'plutot-non' } }), []);
    assert.deepEqual(surveyAnswerProblems(optional, { ...complete, climat: {} }), []);
    assert.deepEqual(surveyAnswerProblems(optional, { encadrant: false, note: 7 }), []);
  });

  test('a question of a hidden section is not required, and may not be answered', () => {
    assert.deepEqual(paths({ ...complete, charge: ['outils'] }), ['answers.charge']);
    assert.deepEqual(paths({ ...complete, encadrant: true }), ['answers.charge']);
    assert.deepEqual(paths({ ...complete, encadrant: true, charge: ['effectifs'] }), []);
  });

  test('a question condition holds within a shown section', () => {
    assert.deepEqual(paths({ ...complete, encadrant: true, charge: ['outils'] }), ['answers.outils-detail']);
    assert.deepEqual(paths({ ...complete, encadrant: true, charge: ['outils'], 'outils-detail': 'Logiciel' }), []);
    assert.deepEqual(paths({ ...complete, pourquoi: 'Rien' }), ['answers.pourquoi']);
    assert.deepEqual(paths({ ...complete, note: 3, pourquoi: 'Tout' }), []);
  });

  test('names an answer to no question', () => {
    assert.deepEqual(paths({ ...complete, inconnue: 1 }), ['answers.inconnue']);
  });

  test('isSectionShown reads the condition on the earlier answer', () => {
    const encadrement = definition.sections[2]!;
    assert.equal(isSectionShown(definition.sections[0]!, {}), true);
    assert.equal(isSectionShown(encadrement, {}), false);
    assert.equal(isSectionShown(encadrement, { encadrant: false }), false);
    assert.equal(isSectionShown(encadrement, { encadrant: true }), true);
  });

  test('question, section and statement ids named like Object.prototype properties are read as own properties', () => {
    const survey = {
      sections: [
        { id: 'a', questions: [{ id: 'constructor', type: 'yesno' as const, required: true }] },
        {
          id: 'b',
          showIf: { question: 'constructor', equals: true },
          questions: [
            {
              id: 'tostring',
              type: 'matrix' as const,
              required: true,
              options: [{ id: 'oui' }, { id: 'non' }],
              statements: [{ id: 'constructor' }, { id: 'valueof' }],
            },
          ],
        },
      ],
    };
    assert.deepEqual(surveyAnswerProblems(survey, {}), [{ path: 'answers.constructor', message: 'this question requires an answer' }]);
    assert.equal(isSectionShown(survey.sections[1]!, {}), false);
    assert.deepEqual(surveyAnswerProblems(survey, { constructor: true, tostring: { valueof: 'oui' } }), [
      { path: 'answers.tostring', message: 'every statement requires an answer' },
    ]);
    assert.deepEqual(surveyAnswerProblems(survey, { constructor: true, tostring: { constructor: 'non', valueof: 'oui' } }), []);
  });
});
