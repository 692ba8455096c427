// The adapter contract suite, run against the http adapter talking to this backend over a real
// socket: the server and the memory adapter (packages/core) keep the same contract.
import { createHttpAdapter } from '@civic-pulse/core';
import { describeAdapterContract } from '@civic-pulse/core/testing';
import { describeDatabase, testDatabases } from './databases.js';
import { ADMIN, startAppWithTown, TOWN } from './helpers.js';

for (const db of await testDatabases()) {
  describeDatabase(db, () => {
    describeAdapterContract('http adapter against the reference backend', async (t) => {
      const app = await startAppWithTown(t, db);
      const endpoint = await app.listen({ host: '127.0.0.1', port: 0 });
      const admin = async <T = unknown>(url: string, payload: object): Promise<T> => {
        const answer = await app.inject({ method: 'POST', url, headers: ADMIN, payload });
        if (answer.statusCode >= 300) throw new Error(`POST ${url} answered ${answer.statusCode}: ${answer.body}`);
        return answer.json<T>();
      };
      return {
        adapter: createHttpAdapter({ endpoint, org: TOWN.id, retries: 0 }),
        org: TOWN.id,
        createConsultation: async (definition) => void (await admin('/v1/admin/consultations', definition)),
        moderateIdea: async (consultation, idea, decision) =>
          void (await admin(`/v1/admin/consultations/${consultation}/ideas/${idea}/moderation`, decision)),
        async createSurvey(definition, count) {
          await admin('/v1/admin/surveys', definition);
          return (await admin<{ tokens: string[] }>(`/v1/admin/surveys/${definition.id}/invitations`, { count })).tokens;
        },
        issueSurveyReader: async (survey) => (await admin<{ token: string }>(`/v1/admin/surveys/${survey}/readers`, {})).token,
        closeSurvey: async (survey) => void (await admin(`/v1/admin/surveys/${survey}/close`, {})),
        importAudits: (org, audits) => admin<{ imported: number; duplicates: number }>(`/v1/admin/orgs/${org}/audits`, audits),
      };
    });
  });
}
