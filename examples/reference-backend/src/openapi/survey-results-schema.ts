// SurveyResults (packages/core/src/contract/survey-results.ts) is a TypeScript type the server
// produces, not a zod schema it checks input with: its JSON Schema is written here, once, for the
// two routes that answer it.

const WITHHELD = { type: 'object', properties: { withheld: { const: true } }, required: ['withheld'] };
const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } };
const orWithheld = (schema: object) => ({ oneOf: [schema, WITHHELD] });

const QUESTION_RESULT = orWithheld({
  type: 'object',
  description: 'counts by option id, yes/no or scale value (Borda points for a ranking); mean for a scale; statements for a matrix; comments for a text question',
  properties: {
    answered: { type: 'integer' },
    counts: COUNTS,
    mean: { type: 'number' },
    statements: { type: 'object', additionalProperties: orWithheld({ type: 'object', properties: { answered: { type: 'integer' }, counts: COUNTS }, required: ['answered', 'counts'] }) },
    comments: { type: 'array', items: { type: 'string' } },
    commentsWithheld: { const: true },
  },
  required: ['answered'],
});

const QUESTIONS = { type: 'object', description: 'By question id', additionalProperties: QUESTION_RESULT };

export const SURVEY_RESULTS_SCHEMA = {
  type: 'object',
  description:
    'SurveyResults: the participation at any time; tallies only once the survey has closed (published), each withheld ' +
    'when it would describe fewer agents than minimumGroup, and by group of each breakdown question (`none`: no answer)',
  properties: {
    survey: { type: 'string' },
    title: { type: 'string' },
    sections: { type: 'array', description: 'The sections of the SurveyDefinition, to label the tallies', items: { type: 'object' } },
    status: { enum: ['scheduled', 'open', 'closed'] },
    closesAt: { type: 'string', format: 'date-time' },
    invited: { type: 'integer' },
    received: { type: 'integer' },
    published: { type: 'boolean' },
    respondents: { type: 'integer' },
    minimumGroup: { type: 'integer' },
    minimumComments: { type: 'integer' },
    questions: QUESTIONS,
    breakdowns: {
      type: 'object',
      description: 'By breakdown question id, then by group',
      additionalProperties: {
        type: 'object',
        additionalProperties: orWithheld({ type: 'object', properties: { respondents: { type: 'integer' }, questions: QUESTIONS }, required: ['respondents', 'questions'] }),
      },
    },
  },
  required: ['survey', 'title', 'sections', 'status', 'closesAt', 'invited', 'received', 'published', 'respondents', 'minimumGroup', 'minimumComments', 'questions', 'breakdowns'],
};
