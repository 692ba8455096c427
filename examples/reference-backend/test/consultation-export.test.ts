import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { ConsultationDefinition } from '@civic-pulse/core';
import type { FastifyInstance } from 'fastify';
import { aDefinition, aResponse, givenConsultation, respond } from './consultation-fixtures.js';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, errorOf, fieldPaths, startAppWithTown } from './helpers.js';

/** The fixture's six questions, with room in the text answer for the injection cases. */
const DEFINITION: ConsultationDefinition = (() => {
  const base = aDefinition();
  return { ...base, questions: base.questions.map((question) => (question.type === 'text' ? { ...question, maxLength: 200 } : question)) };
})();
const definition = (): ConsultationDefinition => structuredClone(DEFINITION);

const answers = [
  { 'q-single': 'bancs', 'q-multiple': ['jeux'], 'q-yesno': false, 'q-scale': 2, 'q-ranking': ['c', 'b', 'a'], 'q-text': 'Plus "d’ombre", svp' },
  { 'q-single': 'arbres', 'q-yesno': true, 'q-scale': 5, 'q-ranking': ['a', 'b', 'c'] },
  { 'q-single': 'arbres', 'q-multiple': ['marche', 'concerts'], 'q-yesno': true, 'q-scale': 4, 'q-ranking': ['b', 'a', 'c'], 'q-text': 'Très bien\nmerci' },
];

/** A consultation with these answers, submitted in this order; the responses as sent. */
async function givenAnswers(app: FastifyInstance, list: readonly Record<string, unknown>[] = answers) {
  const id = await givenConsultation(app, definition());
  const responses = list.map((entry) => aResponse(entry));
  for (const response of responses) assert.equal((await respond(app, id, response)).statusCode, 201);
  return { id, responses };
}

const exportOf = (app: FastifyInstance, id: string, query = '', headers: Record<string, string> = ADMIN) =>
  app.inject({ method: 'GET', url: `/v1/admin/consultations/${id}/export${query}`, headers });

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describe('GET /v1/admin/consultations/:id/export', () => {
      test('JSON by default: the definition and each response’s answers, sorted by content, nothing else', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenAnswers(app);

        const response = await exportOf(app, id);

        assert.equal(response.statusCode, 200);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.deepEqual(response.json(), {
          consultation: definition(),
          responses: [answers[2], answers[1], answers[0]].map((entry) => ({ answers: entry })),
          ideas: [],
        });
      });

      test('no participant, response id or time of answer, in either format', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id, responses } = await givenAnswers(app);

        for (const query of ['', '?format=csv']) {
          const body = (await exportOf(app, id, query)).body;
          for (const response of responses) {
            assert.ok(!body.includes(response.id), `${query}: a response id is exported`);
            assert.ok(!body.includes(response.participant), `${query}: a participant is exported`);
          }
          const withoutDefinition = query === '' ? JSON.stringify((await exportOf(app, id)).json().responses) : body;
          assert.doesNotMatch(withoutDefinition, /\d{4}-\d\d-\d\d/, `${query}: a date is exported`);
          assert.doesNotMatch(withoutDefinition, /participant|receivedAt|"id"/, `${query}: an identifying field is exported`);
        }
      });

      test('the order of the rows does not follow the order of submission', async (t) => {
        const first = await startAppWithTown(t, db);
        const second = await startAppWithTown(t, db);
        const { id } = await givenAnswers(first, answers);
        await givenAnswers(second, [...answers].reverse());

        for (const query of ['', '?format=csv']) {
          assert.equal((await exportOf(first, id, query)).body, (await exportOf(second, id, query)).body, query);
        }
      });

      test('CSV: BOM, question ids as header, a column per option of a multiple question, oui/non, ranking with >', async (t) => {
        const app = await startAppWithTown(t, db);
        const { id } = await givenAnswers(app);

        const response = await exportOf(app, id, '?format=csv');

        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
        assert.equal(response.headers['content-disposition'], `attachment; filename="civic-pulse-${id}-answers.csv"`);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.equal(
          response.body,
          '\uFEFFq-single,q-multiple.marche,q-multiple.jeux,q-multiple.concerts,q-yesno,q-scale,q-ranking,q-text\r\n' +
            'arbres,1,0,1,oui,4,b > a > c,"Très bien\nmerci"\r\n' +
            'arbres,,,,oui,5,a > b > c,\r\n' +
            'bancs,0,1,0,non,2,c > b > a,"Plus ""d’ombre"", svp"\r\n',
        );
      });

      test('CSV: a text answer that starts like a spreadsheet formula is made plain text', async (t) => {
        const app = await startAppWithTown(t, db);
        const texts = ['=HYPERLINK("http://evil.example","clic")', '+33 1 23 45 67 89', '-2+3', '@SUM(A1)', '\t=1', 'a = b'];
        const { id } = await givenAnswers(app, texts.map((text) => ({ ...answers[1], 'q-text': text })));

        const body = (await exportOf(app, id, '?format=csv')).body;

        const lastCells = body
          .split('\r\n')
          .slice(1, -1)
          .map((line) => line.slice('arbres,,,,oui,5,a > b > c,'.length));
        assert.deepEqual(lastCells.sort(), [`"'=HYPERLINK(""http://evil.example"",""clic"")"`, "'+33 1 23 45 67 89", "'-2+3", "'@SUM(A1)", "'\t=1", 'a = b'].sort());
      });

      test('CSV with what=questions: the legend of the answers file', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, definition());

        const response = await exportOf(app, id, '?format=csv&what=questions');

        assert.equal(response.headers['content-disposition'], `attachment; filename="civic-pulse-${id}-questions.csv"`);
        assert.equal(
          response.body,
          '\uFEFFcolumn,question,type,required,label,value,valueLabel\r\n' +
            'q-single,q-single,single,oui,Quel aménagement ?,arbres,Des arbres\r\n' +
            'q-single,q-single,single,oui,Quel aménagement ?,bancs,Des bancs\r\n' +
            'q-single,q-single,single,oui,Quel aménagement ?,fontaine,Une fontaine\r\n' +
            'q-multiple.marche,q-multiple,multiple,non,Quels usages ?,marche,Marché\r\n' +
            'q-multiple.jeux,q-multiple,multiple,non,Quels usages ?,jeux,Jeux\r\n' +
            'q-multiple.concerts,q-multiple,multiple,non,Quels usages ?,concerts,Concerts\r\n' +
            'q-yesno,q-yesno,yesno,oui,Le projet est-il pertinent ?,oui,\r\n' +
            'q-yesno,q-yesno,yesno,oui,Le projet est-il pertinent ?,non,\r\n' +
            'q-scale,q-scale,scale,oui,Note,1,Pas du tout\r\n' +
            'q-scale,q-scale,scale,oui,Note,5,Tout à fait\r\n' +
            'q-ranking,q-ranking,ranking,oui,Classez,a,A\r\n' +
            'q-ranking,q-ranking,ranking,oui,Classez,b,B\r\n' +
            'q-ranking,q-ranking,ranking,oui,Classez,c,C\r\n' +
            'q-text,q-text,text,non,Commentaire,,\r\n',
        );
      });

      test('a consultation without responses: its definition and an empty list; a CSV of the header only', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, definition());
        assert.deepEqual((await exportOf(app, id)).json().responses, []);
        assert.equal((await exportOf(app, id, '?format=csv')).body.split('\r\n').length, 2);
      });

      test('only the consultation in the URL is exported', async (t) => {
        const app = await startAppWithTown(t, db);
        await givenAnswers(app);
        const other = await givenConsultation(app, { ...definition(), id: 'autre-consultation' });
        assert.deepEqual((await exportOf(app, other)).json().responses, []);
      });

      test('ideas: JSON and CSV with what=ideas, most supported first, the day proposed, never the author or the id', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, { ...definition(), ideas: { enabled: true, moderation: 'pre' } });
        const proposed = [
          { title: 'Des fontaines', body: 'Pour l’été.' },
          { title: '=HYPERLINK("http://evil.example")', body: '@SUM(A1)\nsur deux lignes' },
          { title: 'Un kiosque', body: 'Pour la musique, le dimanche.' },
        ].map((idea) => ({ id: randomUUID(), participant: randomUUID(), ...idea }));
        for (const idea of proposed) {
          const posted = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas`, payload: idea });
          assert.equal(posted.statusCode, 201, posted.body);
        }
        const decide = (idea: string, decision: object) =>
          app.inject({ method: 'POST', url: `/v1/admin/consultations/${id}/ideas/${idea}/moderation`, headers: ADMIN, payload: decision });
        assert.equal((await decide(proposed[2]!.id, { status: 'published' })).statusCode, 200);
        assert.equal((await decide(proposed[1]!.id, { status: 'rejected', reason: 'Hors sujet' })).statusCode, 200);
        const supporters = [randomUUID(), randomUUID()];
        for (const participant of supporters) {
          const supported = await app.inject({ method: 'POST', url: `/v1/consultations/${id}/ideas/${proposed[2]!.id}/supports`, payload: { participant } });
          assert.equal(supported.statusCode, 201, supported.body);
        }
        const today = new Date().toISOString().slice(0, 10);

        const json = await exportOf(app, id);
        const csv = await exportOf(app, id, '?format=csv&what=ideas');

        assert.deepEqual(json.json().ideas, [
          { title: 'Un kiosque', body: 'Pour la musique, le dimanche.', status: 'published', supports: 2, createdOn: today },
          { title: '=HYPERLINK("http://evil.example")', body: '@SUM(A1)\nsur deux lignes', status: 'rejected', supports: 0, createdOn: today, rejectionReason: 'Hors sujet' },
          { title: 'Des fontaines', body: 'Pour l’été.', status: 'pending', supports: 0, createdOn: today },
        ]);
        assert.equal(csv.headers['content-disposition'], `attachment; filename="civic-pulse-${id}-ideas.csv"`);
        assert.equal(
          csv.body,
          '\uFEFFtitle,body,status,supports,createdOn,rejectionReason\r\n' +
            `Un kiosque,"Pour la musique, le dimanche.",published,2,${today},\r\n` +
            `"'=HYPERLINK(""http://evil.example"")","'@SUM(A1)\nsur deux lignes",rejected,0,${today},Hors sujet\r\n` +
            `Des fontaines,Pour l’été.,pending,0,${today},\r\n`,
        );
        for (const body of [json.body, csv.body]) {
          for (const value of [...proposed.flatMap((idea) => [idea.id, idea.participant]), ...supporters]) assert.ok(!body.includes(value));
          assert.doesNotMatch(body.replace(JSON.stringify(json.json().consultation), ''), /T\d\d:\d\d/);
        }
      });

      const badQueries = [
        { query: '?format=xlsx', fields: ['format'] },
        { query: '?format=csv&format=json', fields: ['format'] },
        { query: '?format=csv&what=participants', fields: ['what'] },
        { query: '?what=questions', fields: ['what'] },
        { query: '?format=json&what=ideas', fields: ['what'] },
      ];
      for (const { query, fields } of badQueries) {
        test(`${query}: 400 invalid-query naming ${fields.join(', ')}`, async (t) => {
          const app = await startAppWithTown(t, db);
          const id = await givenConsultation(app, definition());
          const error = errorOf(await exportOf(app, id, query), 400);
          assert.equal(error.code, 'invalid-query');
          assert.deepEqual(fieldPaths(error), fields);
        });
      }

      test('an unknown consultation: 404; no token: 401; a wrong token: 403', async (t) => {
        const app = await startAppWithTown(t, db);
        const id = await givenConsultation(app, definition());
        assert.equal(errorOf(await exportOf(app, 'nulle-part'), 404).code, 'unknown-consultation');
        assert.equal(errorOf(await exportOf(app, id, '', {}), 401).code, 'unauthorized');
        assert.equal(errorOf(await exportOf(app, id, '', { authorization: 'Bearer wrong-token' }), 403).code, 'forbidden');
      });
    });
  });
}
