export * from './contract/index.js';
export * from './adapter.js';
export { createHttpAdapter, type HttpAdapterOptions } from './adapters/http.js';
export { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory.js';
export { configure, getConfiguration, resetConfiguration, configFromScript, type CivicPulseConfig } from './config.js';
export {
  submitWithPlugins,
  participantFromPlugins,
  type CivicPlugin,
  type ParticipantContext,
  type SubmissionContext,
  type SubmissionKind,
} from './plugins.js';
export {
  translate,
  loadLanguage,
  supportedLanguage,
  isMessageKey,
  LANGUAGES,
  baseMessages,
  ratingMessages,
  pollMessages,
  pollQuestionsMessages,
  pollResultsMessages,
  ideasMessages,
  surveyResultsMessages,
  surveyMessages,
  barometerMessages,
  kioskMessages,
  type Language,
  type MessageKey,
  type MessageBundle,
  type Catalog,
  type Params,
} from './i18n/index.js';
export { newId } from './id.js';
export * from './outbox/index.js';
