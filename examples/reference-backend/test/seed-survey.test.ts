import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { surveyAnswerProblems, type SurveyResults } from '@civic-pulse/core';
import { readSurveyFile } from '../src/consultation-file.js';
import { seedDemoOrg } from '../src/seed.js';
import {
  DEMO_SURVEY_FILE,
  DEMO_SURVEY_ID,
  demoSurveyLines,
  issueDemoSurveyTokens,
  PAST_DEMO_SURVEY_ID,
  pastAnswers,
  seedDemoSurvey,
  seedPastDemoSurvey,
} from '../src/seed-surveys.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, startApp } from './helpers.js';
import { bearer } from './survey-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

async function demoFile() {
  const file = await readSurveyFile(DEMO_SURVEY_FILE);
  assert.ok('definition' in file, JSON.stringify(file));
  return file.definition;
}

describe('the demo survey file', () => {
  test('passes the checks of POST /v1/admin/surveys, for ville-exemple, in French', async () => {
    const file = await readSurveyFile(DEMO_SURVEY_FILE);
    assert.deepEqual('problems' in file ? file.problems : [], []);
    const definition = await demoFile();
    assert.equal(definition.id, DEMO_SURVEY_ID);
    assert.equal(definition.org, 'ville-exemple');
    assert.deepEqual(definition.sections.map((section) => section.title), ['Votre service', 'La qualité du service rendu', 'L’accueil des usagers', 'Vos idées']);
  });

  test('asks every kind of question, one section on a condition, and breaks results down by directorate', async () => {
    const definition = await demoFile();
    const questions = definition.sections.flatMap((section) => section.questions);
    assert.deepEqual([...new Set(questions.map((question) => question.type))].sort(), ['matrix', 'multiple', 'ranking', 'scale', 'single', 'text', 'yesno']);
    const matrix = questions.find((question) => question.type === 'matrix');
    assert.equal(matrix?.statements?.length, 4);
    assert.equal(matrix?.options?.length, 5);
    assert.deepEqual(definition.sections.filter((section) => section.showIf).map((section) => section.showIf), [{ question: 'accueil-public', equals: true }]);
    assert.deepEqual(questions.filter((question) => question.breakdown).map((question) => question.label), ['Votre direction']);
  });

  test('last year’s generated responses, about forty, each fit the survey as the server checks them', async () => {
    const definition = await demoFile();
    const answers = pastAnswers(definition);
    assert.ok(answers.length >= 35 && answers.length <= 45, `${answers.length}`);
    for (const entry of answers) assert.deepEqual(surveyAnswerProblems(definition, entry), []);
    assert.deepEqual(pastAnswers(definition), answers, 'the same at every seeding');
    assert.ok(answers.filter((entry) => typeof entry.idee === 'string').length >= 8, 'enough comments to be shown');
  });
});

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('seedDemoSurvey', () => {
      test('creates this year’s survey from the file, open from now for 30 days; an existing one is left alone', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const now = new Date();

        assert.equal(await seedDemoSurvey(app.storage.surveys, now), true);

        const stored = await app.storage.surveys.find(DEMO_SURVEY_ID);
        assert.deepEqual(stored?.definition, {
          ...(await demoFile()),
          opensAt: now.toISOString(),
          closesAt: new Date(now.getTime() + 30 * DAY).toISOString(),
        });
        const closedAt = new Date(Date.now() - 1000);
        await app.storage.surveys.close(DEMO_SURVEY_ID, closedAt);
        assert.equal(await seedDemoSurvey(app.storage.surveys), false);
        assert.equal((await app.storage.surveys.find(DEMO_SURVEY_ID))?.definition.closesAt, closedAt.toISOString());
      });
    });

    describe('seedPastDemoSurvey', () => {
      test('creates last year’s survey, closed, with its responses: results by directorate with a small one withheld', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);

        assert.equal(await seedPastDemoSurvey(app.storage.surveys), true);

        const results = (await app.inject({ method: 'GET', url: `/v1/admin/surveys/${PAST_DEMO_SURVEY_ID}/results`, headers: ADMIN })).json<SurveyResults>();
        const count = pastAnswers(await demoFile()).length;
        assert.equal(results.status, 'closed');
        assert.equal(results.published, true);
        assert.equal(results.received, count);
        assert.ok(results.invited > count);
        const groups = results.breakdowns.direction ?? {};
        assert.deepEqual(groups['culture-sports'], { withheld: true });
        assert.equal((groups['services-techniques'] as { respondents: number }).respondents, 14);
        assert.ok((results.questions.idee as { comments?: string[] }).comments!.length >= 8);
        const past = (await app.storage.surveys.find(PAST_DEMO_SURVEY_ID))!.definition;
        const days = await app.storage.db.selectFrom('survey_responses').select('received_day').distinct().execute();
        for (const { received_day: day } of days) assert.ok(day >= past.opensAt.slice(0, 10) && day <= past.closesAt.slice(0, 10), `${day} while it was open`);
      });

      test('seeding again, or twice at the same moment, adds neither a survey nor a response', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        const created = await Promise.all([seedPastDemoSurvey(app.storage.surveys), seedPastDemoSurvey(app.storage.surveys)]);
        assert.deepEqual(created.sort(), [false, true]);
        assert.equal(await seedPastDemoSurvey(app.storage.surveys), false);
        const { received } = await app.storage.surveys.participation(PAST_DEMO_SURVEY_ID);
        assert.equal(received, pastAnswers(await demoFile()).length);
        assert.equal((await app.storage.db.selectFrom('surveys').select('id').execute()).length, 1);
      });
    });

    describe('issueDemoSurveyTokens', () => {
      test('invitation links open this year’s survey, and the read link shows last year’s results', async (t) => {
        const app = await startApp(t, db);
        await seedDemoOrg(app.storage.orgs, 8787);
        await seedDemoSurvey(app.storage.surveys);
        await seedPastDemoSurvey(app.storage.surveys);

        const tokens = await issueDemoSurveyTokens(app.storage.surveys);

        assert.equal(tokens.invitations.length, 3);
        for (const token of tokens.invitations) {
          assert.equal((await app.inject({ method: 'GET', url: `/v1/surveys/${DEMO_SURVEY_ID}`, headers: bearer(token) })).statusCode, 200);
        }
        const results = await app.inject({ method: 'GET', url: `/v1/surveys/${PAST_DEMO_SURVEY_ID}/results`, headers: bearer(tokens.reader) });
        assert.equal(results.statusCode, 200);
        assert.equal(results.json().published, true);
        assert.deepEqual(demoSurveyLines('http://localhost:8787', { invitations: ['a1'], reader: 'b2' }), [
          "Agents' survey, one response per link: http://localhost:8787/intranet.html#token=a1",
          "Agents' survey results of last year, for a manager: http://localhost:8787/intranet-resultats.html#token=b2",
        ]);
      });
    });
  });
}
