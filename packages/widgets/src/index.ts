// The public API of @civic-pulse/widgets: the element classes, unregistered. Import
// `@civic-pulse/widgets/civic-satisfaction-rating.js` to register the tag.
export { CivicElement } from './internal/civic-element.js';
export { adapterContext } from './internal/adapter-context.js';
export { SatisfactionRating, type RatingMode } from './satisfaction-rating/satisfaction-rating.js';
export { ConsultationPoll, type PollLayout } from './consultation-poll/consultation-poll.js';
export { CivicConsultationIdeas } from './consultation-poll/consultation-ideas.js';
export { AgentSurvey } from './agent-survey/agent-survey.js';
export { SurveySubmittedEvent, SurveyErrorEvent } from './agent-survey/survey-events.js';
export { BarometerBadge, type BadgeVariant, type BadgeTheme } from './barometer-badge/barometer-badge.js';
export { PulseProvider } from './provider/pulse-provider.js';
export { RatingSubmitEvent, RatingSubmittedEvent, RatingErrorEvent } from './events/rating-events.js';
export { ConsultationSubmitEvent, ConsultationSubmittedEvent, ConsultationErrorEvent } from './events/consultation-events.js';
export { IdeaSubmitEvent, IdeaSubmittedEvent, IdeaSupportedEvent, IdeaErrorEvent, type IdeaDraft } from './events/idea-events.js';
export { tokens } from './styles/tokens.js';
