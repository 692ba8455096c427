import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SurveyDefinition, SurveyResults } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { surveyResultsToCsv } from '../src/export/survey-results.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, startAppWithTown } from './helpers.js';
import {
  answerSurvey,
  aSurvey,
  aSurveyResponse,
  bearer,
  closeSurvey,
  givenSurvey,
  goodSurveyAnswers,
  issueReader,
  readSurvey,
} from './survey-fixtures.js';

/** aSurvey with a breakdown by directorate, and groups of 3 shown. */
function aSurveyByDirectorate(): SurveyDefinition {
  const survey = aSurvey({ minimumGroup: 3 });
  survey.sections[0]!.questions.push({
    id: 'direction',
    type: 'single',
    label: 'Votre direction',
    required: true,
    breakdown: true,
    options: [
      { id: 'technique', label: 'Services techniques' },
      { id: 'population', label: 'Population' },
      { id: 'culture', label: 'Culture' },
    ],
  });
  return survey;
}

/** Twelve agents of 14 invited answer: six of the technical services, four of population, two of culture. */
async function givenAnsweredSurvey(app: FastifyInstance): Promise<string> {
  const { id, tokens } = await givenSurvey(app, aSurveyByDirectorate(), 14);
  const directorates = [...Array(6).fill('technique'), ...Array(4).fill('population'), 'culture', 'culture'];
  for (const [index, direction] of directorates.entries()) {
    const answers = { ...goodSurveyAnswers(), direction, note: index % 2 ? 8 : 6 };
    assert.equal((await answerSurvey(app, id, tokens[index]!, aSurveyResponse(answers))).statusCode, 201);
  }
  return id;
}

const adminResults = (app: FastifyInstance, id: string, query = '') =>
  app.inject({ method: 'GET', url: `/v1/admin/surveys/${id}/results${query}`, headers: ADMIN });
const publicResults = (app: FastifyInstance, id: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/v1/surveys/${id}/results`, headers });

test('surveyResultsToCsv: a withheld statement, comments written as agents typed them but never as a formula, withheld comments', () => {
  const results: SurveyResults = {
    survey: 's',
    title: 'S',
    sections: [],
    status: 'closed',
    closesAt: '2026-01-01T00:00:00.000Z',
    invited: 20,
    received: 12,
    published: true,
    respondents: 12,
    minimumGroup: 5,
    minimumComments: 8,
    questions: {
      climat: { answered: 12, statements: { ecoute: { answered: 12, counts: { oui: 7, non: 5 } }, moyens: { withheld: true } } },
      idee: { answered: 9, comments: ['=HYPERLINK("x")', 'Plus de "formations"'] },
      autre: { answered: 2, commentsWithheld: true },
    },
    breakdowns: {},
  };
  assert.deepEqual(surveyResultsToCsv(results).replace(/^\uFEFF/, '').split('\r\n'), [
    'breakdown,group,question,statement,answer,count,comment',
    ',,,,invited,20,',
    ',,,,received,12,',
    ',,,,respondents,12,',
    ',,climat,,answered,12,',
    ',,climat,ecoute,answered,12,',
    ',,climat,ecoute,oui,7,',
    ',,climat,ecoute,non,5,',
    ',,climat,moyens,,withheld,',
    ',,idee,,answered,9,',
    `,,idee,,comment,,"'=HYPERLINK(""x"")"`,
    ',,idee,,comment,,"Plus de ""formations"""',
    ',,autre,,answered,2,',
    ',,autre,,comment,withheld,',
    '',
  ]);
});

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('GET /v1/admin/surveys/:id/results', () => {
      test('before the close: the participation only, nothing published', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenAnsweredSurvey(app);

        const response = await adminResults(app, id);

        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['cache-control'], 'no-store');
        const results = response.json<SurveyResults>();
        assert.equal(results.survey, id);
        assert.equal(results.status, 'open');
        assert.deepEqual(
          { invited: results.invited, received: results.received, published: results.published, respondents: results.respondents },
          { invited: 14, received: 12, published: false, respondents: 0 },
        );
        assert.deepEqual(results.questions, {});
        assert.deepEqual(results.breakdowns, {});
        assert.deepEqual(results.sections.map((section) => section.id), ['vous', 'climat', 'encadrement']);
      });

      test('after the close: the tallies are published, and a group under the minimum is withheld', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenAnsweredSurvey(app);
        await closeSurvey(app, id);

        const results = (await adminResults(app, id)).json<SurveyResults>();

        assert.equal(results.published, true);
        assert.equal(results.respondents, 12);
        assert.equal(results.minimumGroup, 3);
        assert.deepEqual(results.questions.note, { answered: 12, counts: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 6, 7: 0, 8: 6, 9: 0, 10: 0 }, mean: 7 });
        assert.deepEqual(results.questions.encadrant, { answered: 12, counts: { yes: 0, no: 12 } });
        // Nobody manages: the managers' section is asked of no one, and withheld.
        assert.deepEqual(results.questions.charge, { withheld: true });
        assert.deepEqual(results.breakdowns.direction?.culture, { withheld: true });
        const technique = results.breakdowns.direction?.technique;
        assert.ok(technique && !('withheld' in technique), JSON.stringify(results.breakdowns));
        assert.equal(technique.respondents, 6);
      });

      test('?format=csv: the published tallies as one flat table, withheld cells written so', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenAnsweredSurvey(app);
        const open = await adminResults(app, id, '?format=csv');
        assert.equal(open.body, '\uFEFFbreakdown,group,question,statement,answer,count,comment\r\n,,,,invited,14,\r\n,,,,received,12,\r\n');
        await closeSurvey(app, id);

        const response = await adminResults(app, id, '?format=csv');

        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^text\/csv; charset=utf-8/);
        assert.equal(response.headers['content-disposition'], `attachment; filename="civic-pulse-${id}-results.csv"`);
        const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
        for (const line of [
          ',,,,respondents,12,',
          ',,note,,answered,12,',
          ',,note,,6,6,',
          ',,note,,mean,7,',
          ',,climat,ecoute,oui,12,',
          ',,charge,,,withheld,',
          'direction,culture,,,respondents,withheld,',
          'direction,technique,,,respondents,6,',
          'direction,technique,note,,answered,6,',
        ]) {
          assert.ok(lines.includes(line), `${line} in\n${lines.join('\n')}`);
        }
      });

      test('an unknown survey is 404, a bad format 400, no admin token 401', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenSurvey(app);
        assert.equal(errorOf(await adminResults(app, 'nulle-part'), 404).code, 'unknown-survey');
        assert.equal(errorOf(await adminResults(app, id, '?format=xlsx'), 400).code, 'invalid-query');
        assert.equal((await app.inject({ method: 'GET', url: `/v1/admin/surveys/${id}/results` })).statusCode, 401);
      });
    });

    describe('GET /v1/surveys/:id/results', () => {
      test('a read token reads the same results as the admin, uncached, with the CORS of the survey’s org', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenAnsweredSurvey(app);
        await closeSurvey(app, id);
        const token = await issueReader(app, id);

        const response = await publicResults(app, id, { ...bearer(token), origin: 'https://www.ville-test.fr' });

        assert.equal(response.statusCode, 200);
        assert.deepEqual(response.json(), (await adminResults(app, id)).json());
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.equal(response.headers['access-control-allow-origin'], 'https://www.ville-test.fr');
      });

      test('no token is 401; a wrong one, another survey’s, or any on an unknown survey is 403 unknown-token', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenAnsweredSurvey(app);
        const { id: other } = await givenSurvey(app, aSurvey({ id: 'autre' }));
        const token = await issueReader(app, id);
        const elsewhere = await issueReader(app, other);

        assert.equal(errorOf(await publicResults(app, id), 401).code, 'unauthorized');
        for (const [survey, presented] of [[id, 'f'.repeat(40)], [id, elsewhere], ['nulle-part', token], ['nulle%00part', token]] as const) {
          assert.equal(errorOf(await publicResults(app, survey, bearer(presented)), 403).code, 'unknown-token', `${survey} ${presented}`);
        }
      });

      test('an invitation does not read the results, and a read token neither opens nor answers the survey', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, tokens } = await givenSurvey(app);
        const reader = await issueReader(app, id);

        assert.equal(errorOf(await publicResults(app, id, bearer(tokens[0]!)), 403).code, 'unknown-token');
        assert.equal(errorOf(await readSurvey(app, id, reader), 403).code, 'unknown-token');
        assert.equal(errorOf(await answerSurvey(app, id, reader), 403).code, 'unknown-token');
        assert.deepEqual(await app.storage.surveys.participation(id), { invited: 3, received: 0 });
        assert.equal((await readSurvey(app, id, tokens[0]!)).statusCode, 200);
      });
    });
  });
}
