import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerProblems } from './consultation-answers.js';
import { consultationStatus } from './consultation-status.js';
import { ConsultationDefinitionSchema, type Question } from './consultation.js';
import { fieldErrorsOf } from './error.js';

const definition = {
  org: 'ville',
  title: 'Place du marché',
  description: '',
  opensAt: '2026-01-01T00:00:00Z',
  closesAt: '2026-02-01T00:00:00Z',
  resultsVisibility: 'after-close',
  questions: [{ id: 'q1', type: 'yesno', label: 'Oui ?', required: true }],
  ideas: { enabled: false, moderation: 'post' },
};

describe('ConsultationDefinitionSchema', () => {
  test('accepts a coherent definition, with or without an id', () => {
    assert.equal(ConsultationDefinitionSchema.safeParse(definition).success, true);
    assert.equal(ConsultationDefinitionSchema.safeParse({ ...definition, id: 'place' }).success, true);
  });

  test('names a question on another type’s fields, and a showIf on a later question', () => {
    const parsed = ConsultationDefinitionSchema.safeParse({
      ...definition,
      questions: [
        { id: 'q1', type: 'yesno', label: 'Oui ?', required: true, showIf: { question: 'q2', equals: true }, options: [], maxLength: 3 },
        { id: 'q2', type: 'yesno', label: 'Non ?', required: true, min: 1 },
      ],
    });
    assert.equal(parsed.success, false);
    assert.deepEqual(fieldErrorsOf(parsed.error!.issues).map((field) => field.path).sort(), [
      'questions.0.maxLength',
      'questions.0.options',
      'questions.0.showIf.question',
      'questions.1.min',
    ]);
  });
});

describe('answerProblems', () => {
  const questions: Question[] = [
    { id: 'constructor', type: 'yesno', label: 'A', required: true },
    { id: 'suite', type: 'text', label: 'B', required: true, maxLength: 10, showIf: { question: 'constructor', equals: true } },
  ];

  test('a question named like an Object.prototype property is still missing when unanswered', () => {
    assert.deepEqual(answerProblems({ questions }, {}), [{ path: 'answers.constructor', message: 'this question requires an answer' }]);
  });

  test('a hidden question is not required, and may not be answered', () => {
    assert.deepEqual(answerProblems({ questions }, { constructor: false }), []);
    assert.deepEqual(
      answerProblems({ questions }, { constructor: false, suite: 'x' }).map((problem) => problem.path),
      ['answers.suite'],
    );
    assert.deepEqual(answerProblems({ questions }, { constructor: true }).map((problem) => problem.path), ['answers.suite']);
    assert.deepEqual(answerProblems({ questions }, { constructor: true, suite: 'ok' }), []);
  });

  test('a required text of spaces alone is missing; an optional one may be blank', () => {
    assert.deepEqual(answerProblems({ questions }, { constructor: true, suite: ' \n\t ' }), [
      { path: 'answers.suite', message: 'this question requires an answer' },
    ]);
    const optional = [{ ...questions[1]!, required: false, showIf: undefined }];
    assert.deepEqual(answerProblems({ questions: optional }, { suite: '  ' }), []);
  });
});

describe('consultationStatus', () => {
  test('opensAt is inclusive, closesAt exclusive', () => {
    const dates = { opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-02-01T00:00:00Z' };
    assert.equal(consultationStatus(dates, new Date('2025-12-31T23:59:59Z')), 'scheduled');
    assert.equal(consultationStatus(dates, new Date('2026-01-01T00:00:00Z')), 'open');
    assert.equal(consultationStatus(dates, new Date('2026-02-01T00:00:00Z')), 'closed');
  });
});
