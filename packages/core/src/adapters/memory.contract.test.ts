// The memory adapter keeps the same contract as the reference backend: the same suite runs
// against both (the backend's run is examples/reference-backend/test/adapter-contract.test.ts).
import { describeAdapterContract } from '../testing/adapter-contract.js';
import { createMemoryAdapter } from './memory.js';

describeAdapterContract('memory adapter', async () => {
  const adapter = createMemoryAdapter({ services: ['etat-civil'], org: 'ville-test' });
  return {
    adapter,
    org: 'ville-test',
    createConsultation: async (definition) => adapter.addConsultation(definition),
    async moderateIdea(consultation, idea, decision) {
      const moderated = adapter.moderateIdea(consultation, idea, decision);
      if (!moderated.ok) throw new Error(`could not moderate: ${moderated.error.code}`);
    },
    async createSurvey(definition, invitations) {
      adapter.addSurvey(definition);
      return adapter.inviteToSurvey(definition.id, invitations);
    },
    issueSurveyReader: async (survey) => adapter.issueSurveyReader(survey),
    closeSurvey: async (survey) => adapter.closeSurvey(survey),
    importAudits: async (org, audits) => adapter.addAudits(org, audits),
  };
});
