import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { isShown } from './consultation-answers.js';
import { addToBitset, disclosureOf, emptyBitset, intersectionSize, type Bitset } from './survey-disclosure.js';
import { isWithheld, MINIMUM_COMMENTS, NO_ANSWER_GROUP, type SurveyQuestionResult, type SurveyResults } from './survey-results.js';
import { surveyResultsOf } from './survey-tallies.js';
import type { SurveyQuestion, SurveySection } from './survey.js';

// Random small surveys and response sets, against sets of respondents recomputed here from the
// answers alone: whatever surveyResultsOf shows describes at least k agents, counts them right,
// and lets no group of fewer than k be had by subtracting one shown tally from another, or the
// shown groups of a breakdown from the whole survey.

const LIKERT = ['l0', 'l1', 'l2'];
const COMMENTS = ['', '   ', 'bien', ' Bien ', 'à revoir', 'Été', 'été', 'zut'];

const question = (id: string, type: SurveyQuestion['type'], more: Partial<SurveyQuestion> = {}): SurveyQuestion =>
  ({ id, type, label: id, required: false, ...more }) as SurveyQuestion;
const options = (ids: readonly string[]) => ids.map((id) => ({ id, label: id }));

/** The values an agent may give to a breakdown question: its group keys, but `none`. */
const valuesOf = (breakdown: SurveyQuestion): unknown[] => (breakdown.type === 'yesno' ? [true, false] : (breakdown.options ?? []).map((option) => option.id));

const surveyArbitrary: fc.Arbitrary<Survey> = fc
  .record({
    breakdowns: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 2, max: 4 })), { minLength: 1, maxLength: 3 }),
    statements: fc.integer({ min: 1, max: 3 }),
    minimumGroup: fc.integer({ min: 3, max: 7 }),
  })
  .map(({ breakdowns, statements, minimumGroup }) => {
    // 0 options stands for a yes/no question.
    const breakdownQuestions = breakdowns.map((count, index) =>
      count === 0
        ? question(`b${index}`, 'yesno', { breakdown: true })
        : question(`b${index}`, 'single', { breakdown: true, options: options(Array.from({ length: count }, (_, option) => `o${option}`)) }),
    );
    const first = breakdownQuestions[0]!;
    const condition = { question: first.id, equals: valuesOf(first)[0] };
    const sections: SurveySection[] = [
      { id: 'vous', title: 'Vous', questions: breakdownQuestions },
      {
        id: 'travail',
        title: 'Travail',
        questions: [
          question('climat', 'matrix', { options: options(LIKERT), statements: options(Array.from({ length: statements }, (_, index) => `s${index}`)) }),
          question('note', 'scale', { min: 1, max: 5 }),
          question('avis', 'text', { maxLength: 100 }),
          question('suite', 'single', { options: options(['x', 'y']), showIf: condition }),
        ],
      },
    ];
    return { id: 'qvt', title: 'QVT', closesAt: '2026-04-01T00:00:00Z', sections, minimumGroup };
  });

type Survey = { id: string; title: string; closesAt: string; sections: SurveySection[]; minimumGroup: number };

/** Responses that share a few profiles of breakdown answers, so that groups of different breakdowns nest. */
const answersArbitrary = (survey: Survey) => {
  const breakdowns = survey.sections[0]!.questions;
  const statements = (survey.sections[1]!.questions[0]!.statements ?? []).map((statement) => statement.id);
  const profile = fc.tuple(...breakdowns.map((breakdown) => fc.option(fc.constantFrom(...valuesOf(breakdown)), { freq: 6, nil: undefined })));
  return fc
    .record({
      profiles: fc.array(profile, { minLength: 1, maxLength: 5 }),
      responses: fc.array(
        fc.record({
          profile: fc.nat(),
          own: fc.option(profile, { freq: 2, nil: undefined }),
          climat: fc.option(fc.tuple(...statements.map(() => fc.option(fc.constantFrom(...LIKERT), { freq: 4, nil: undefined }))), { freq: 5, nil: undefined }),
          note: fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4, nil: undefined }),
          avis: fc.option(fc.constantFrom(...COMMENTS), { freq: 4, nil: undefined }),
          suite: fc.option(fc.constantFrom('x', 'y'), { freq: 4, nil: undefined }),
        }),
        // Sizes spread evenly over 0..40, rather than fast-check's default bias towards small arrays.
        { maxLength: 40, size: 'max' },
      ),
    })
    .map(({ profiles, responses }) =>
      responses.map((response) => {
        const chosen = response.own ?? profiles[response.profile % profiles.length]!;
        const answers: Record<string, unknown> = {};
        breakdowns.forEach((breakdown, index) => {
          if (chosen[index] !== undefined) answers[breakdown.id] = chosen[index];
        });
        if (response.climat) {
          answers.climat = Object.fromEntries(statements.flatMap((id, index) => (response.climat![index] === undefined ? [] : [[id, response.climat![index]]])));
        }
        for (const id of ['note', 'avis'] as const) if (response[id] !== undefined) answers[id] = response[id];
        const suite = survey.sections[1]!.questions[3]!;
        if (response.suite !== undefined && isShown(suite, answers)) answers.suite = response.suite;
        return answers;
      }),
    );
};

/** One measure's releases as this test sees them: who they count, and what was shown of them. */
interface Release {
  members: number[];
  shown: boolean;
  /** The tally shown, and the one these members make; undefined for a membership. */
  tally?: unknown;
  expected?: unknown;
}

const answered = (value: unknown) => value !== undefined && value !== null;

/** A question's tally over these respondents, counted here the plain way. */
function expectedTally(question: SurveyQuestion, members: number[], answers: readonly Record<string, unknown>[]): Record<string, unknown> {
  const values = members.map((member) => answers[member]![question.id]);
  const countBy = (keys: readonly string[], chosen: unknown[]) => Object.fromEntries(keys.map((key) => [key, chosen.filter((value) => String(value) === key).length]));
  switch (question.type) {
    case 'single':
      return { answered: values.length, counts: countBy((question.options ?? []).map((option) => option.id), values) };
    case 'yesno':
      return { answered: values.length, counts: countBy(['yes', 'no'], values.map((value) => (value ? 'yes' : 'no'))) };
    case 'scale': {
      const sum = (values as number[]).reduce((total, value) => total + value, 0);
      return { answered: values.length, counts: countBy(['1', '2', '3', '4', '5'], values), mean: sum / values.length };
    }
    default:
      return { answered: values.length };
  }
}

/** Every release of the survey, by measure: the whole survey's, then each group's. */
function releasesOf(survey: Survey, answers: readonly Record<string, unknown>[], results: SurveyResults): Map<string, { whole: Release; groups: Release[][] }> {
  const everyone = answers.map((_, index) => index);
  const questions = survey.sections.flatMap((section) => section.questions);
  const breakdowns = questions.filter((asked) => asked.breakdown);
  const groups = breakdowns.map((breakdown) => {
    const keyOf = (value: unknown) => (value === undefined ? NO_ANSWER_GROUP : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
    const keys = [...valuesOf(breakdown).map(keyOf), NO_ANSWER_GROUP];
    return keys.map((key) => ({ key, members: everyone.filter((member) => keyOf(answers[member]![breakdown.id]) === key), shown: results.breakdowns[breakdown.id]![key]! }));
  });
  // A measure: who it counts, and where its result is read in the whole survey's or a group's questions.
  const measures: { name: string; counts: (member: number) => boolean; read: (questions: Record<string, SurveyQuestionResult>) => unknown; expected: (members: number[]) => unknown }[] = [];
  for (const asked of questions) {
    const tallyOf = (found: SurveyQuestionResult | undefined) => (found === undefined || isWithheld(found) ? undefined : found);
    if (asked.type !== 'matrix') {
      measures.push({
        name: asked.id,
        counts: (member) => answered(answers[member]![asked.id]),
        read: (shown) => {
          const found = tallyOf(shown[asked.id]);
          // Comments are checked apart, in the whole survey's results only.
          if (!found) return undefined;
          const { comments: _comments, commentsWithheld: _withheld, ...tally } = found;
          return tally;
        },
        expected: (members) => expectedTally(asked, members, answers),
      });
      continue;
    }
    measures.push({ name: asked.id, counts: (member) => answered(answers[member]![asked.id]), read: (shown) => tallyOf(shown[asked.id])?.answered, expected: (members) => members.length });
    for (const { id } of asked.statements ?? []) {
      const statementOf = (member: number) => (answers[member]![asked.id] as Record<string, string> | undefined)?.[id];
      measures.push({
        name: `${asked.id}.${id}`,
        counts: (member) => answered(statementOf(member)),
        read: (shown) => {
          const statement = tallyOf(shown[asked.id])?.statements?.[id];
          return statement === undefined || isWithheld(statement) ? undefined : statement;
        },
        expected: (members) => ({ answered: members.length, counts: Object.fromEntries(LIKERT.map((key) => [key, members.filter((member) => statementOf(member) === key).length])) }),
      });
    }
  }
  const releases = new Map<string, { whole: Release; groups: Release[][] }>();
  // The membership: the participation is told in every case; a group is shown or withheld whole.
  releases.set('membership', {
    whole: { members: everyone, shown: true },
    groups: groups.map((breakdown) =>
      breakdown.map(({ members, shown }) => ({ members, shown: !isWithheld(shown), tally: isWithheld(shown) ? undefined : shown.respondents, expected: members.length })),
    ),
  });
  for (const measure of measures) {
    const wholeMembers = everyone.filter(measure.counts);
    const wholeTally = measure.read(results.questions);
    releases.set(measure.name, {
      whole: { members: wholeMembers, shown: wholeTally !== undefined, tally: wholeTally, expected: measure.expected(wholeMembers) },
      groups: groups.map((breakdown) =>
        breakdown.map(({ members, shown }) => {
          const inGroup = members.filter(measure.counts);
          const tally = isWithheld(shown) ? undefined : measure.read(shown.questions);
          return { members: inGroup, shown: tally !== undefined, tally, expected: measure.expected(inGroup) };
        }),
      ),
    });
  }
  return releases;
}

/** A deterministic shuffle, so that a failing case replays. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let index = copy.length - 1; index > 0; index--) {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9;
    const other = (state >>> 0) % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

test('surveyResultsOf shows no tally of fewer than k agents, directly or by subtraction (property)', (t: TestContext) => {
  const seen = { cases: 0, groupShown: 0, withheldAboveK: 0 };
  fc.assert(
    fc.property(
      surveyArbitrary.chain((survey) => fc.tuple(fc.constant(survey), answersArbitrary(survey), fc.nat())),
      ([survey, answers, seed]) => {
        const k = survey.minimumGroup;
        const results = surveyResultsOf(survey, answers, { status: 'closed', invited: 50 });
        seen.cases += 1;
        assert.equal(results.respondents, answers.length);
        // The order of the responses says nothing: the same results from any order.
        assert.deepEqual(surveyResultsOf(survey, shuffled(answers, seed), { status: 'closed', invited: 50 }), results);

        let groupShown = false;
        let withheldAboveK = false;
        for (const [name, { whole, groups }] of releasesOf(survey, answers, results)) {
          const shown = [whole, ...groups.flat()].filter((release) => release.shown);
          for (const release of shown) {
            if (release === whole && name === 'membership') continue;
            assert.ok(release.members.length >= k, `${name}: a release of ${release.members.length} < ${k} is shown`);
            assert.deepEqual(release.tally, release.expected, `${name}: the tally shown is not the true one`);
          }
          for (const release of groups.flat()) {
            if (release.shown && name === 'membership') groupShown = true;
            if (!release.shown && release.members.length >= k && whole.shown) withheldAboveK = true;
          }
          // The whole survey minus the shown groups of one breakdown: nobody, or at least k.
          for (const breakdown of groups) {
            const covered = new Set(breakdown.filter((release) => release.shown).flatMap((release) => release.members));
            if (covered.size === 0) continue;
            const rest = whole.members.filter((member) => !covered.has(member)).length;
            assert.ok(rest === 0 || rest >= k, `${name}: the whole survey minus the shown groups leaves ${rest} < ${k}`);
          }
          // Two shown releases, one inside the other: they differ by nobody, or by at least k.
          for (const smaller of shown) {
            const inside = new Set(smaller.members);
            for (const larger of shown) {
              if (larger === smaller || !smaller.members.every((member) => larger.members.includes(member))) continue;
              const difference = larger.members.filter((member) => !inside.has(member)).length;
              assert.ok(difference === 0 || difference >= k, `${name}: two shown releases differ by ${difference} < ${k}`);
            }
          }
        }
        if (groupShown) seen.groupShown += 1;
        if (withheldAboveK) seen.withheldAboveK += 1;

        // Comments: in the whole survey's results only, and only when there are enough of them.
        const written = answers.flatMap((response) => (typeof response.avis === 'string' && response.avis.trim() !== '' ? [response.avis.trim()] : []));
        const avis = results.questions.avis!;
        if (!isWithheld(avis)) {
          if (written.length >= Math.max(MINIMUM_COMMENTS, k)) assert.deepEqual(avis.comments, written.sort((a, b) => a.localeCompare(b, 'fr')));
          else assert.deepEqual([avis.comments, avis.commentsWithheld], [undefined, true]);
        }
        for (const breakdown of Object.values(results.breakdowns)) {
          for (const group of Object.values(breakdown)) {
            if (isWithheld(group)) continue;
            const inGroup = group.questions.avis!;
            assert.ok(isWithheld(inGroup) || (inGroup.comments === undefined && inGroup.commentsWithheld === undefined), 'a group carries comments');
          }
        }
      },
    ),
    { numRuns: 300 },
  );
  // Not withholding everything: groups are shown in a good share of the cases, and some groups
  // of k or more are withheld for what they would let be subtracted.
  t.diagnostic(`${seen.cases} cases: groups shown in ${seen.groupShown}, a group of k or more withheld in ${seen.withheldAboveK}`);
  assert.ok(seen.groupShown >= seen.cases / 4, `groups shown in only ${seen.groupShown} of ${seen.cases} cases`);
  assert.ok(seen.withheldAboveK > 0, 'no group of k or more was ever withheld by subtraction');
});

describe('disclosureOf', () => {
  const setOf = (size: number, members: readonly number[]): Bitset => {
    const set = emptyBitset(size);
    for (const member of members) addToBitset(set, member);
    return set;
  };
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);
  // Slots: 0 is the whole survey; with two groups a breakdown, 1 and 2 are the first's, 3 and 4 the second's.

  test('counts the members of sets across words', () => {
    const a = setOf(100, range(0, 70));
    const b = setOf(100, range(30, 100));
    assert.deepEqual([intersectionSize(a), intersectionSize(b), intersectionSize(a, b)], [70, 70, 40]);
  });

  test('withholds a measure in a group whose membership is withheld, though its own tallies would pass', () => {
    // 10 in one group, 3 in the other: both memberships go (the 10 would tell the 3). Only the 10
    // answered the question: alone, their tally of it would pass every other rule.
    const everyone = setOf(13, range(0, 13));
    const groups = [setOf(13, range(0, 10)), setOf(13, range(10, 13))];
    const shown = disclosureOf({
      respondents: 13,
      minimumGroup: 5,
      breakdowns: [groups],
      measures: [{ members: everyone }, { members: groups[0]!, parent: 0 }],
    });
    assert.deepEqual([shown(0, 0), shown(0, 1), shown(0, 2)], [true, false, false]);
    assert.deepEqual([shown(1, 0), shown(1, 1)], [true, false]);
  });

  test('withholds the smaller of two nested groups of different breakdowns, whichever breakdown it is in', () => {
    // A: 0–11 | 12–19. B: 0–9 | 10–19. B's 0–9 lies in A's 0–11, A's 12–19 in B's 10–19: 2 apart each time.
    const a = [setOf(20, range(0, 12)), setOf(20, range(12, 20))];
    const b = [setOf(20, range(0, 10)), setOf(20, range(10, 20))];
    const shown = disclosureOf({ respondents: 20, minimumGroup: 5, breakdowns: [a, b], measures: [{ members: setOf(20, range(0, 20)) }] });
    assert.deepEqual([shown(0, 1), shown(0, 2), shown(0, 3), shown(0, 4)], [true, false, false, true]);
  });
});
