// Which tallies of a survey may be shown without describing fewer agents than the minimum group,
// in plain code over sets of respondents. A respondent is a bit; a set is a bitset. What is shown
// depends only on the sets, never on the order in which the responses came.
//
// A release is one tally over one set of respondents, for one measure (the group's membership, a
// question, a matrix statement): the whole survey's, or one breakdown group's (group ∩ answered).
// The rules, applied until nothing changes:
//   1. a release over fewer than k respondents is withheld (all of them when the survey has < k);
//   2. per measure and breakdown, the whole survey's set minus the union of the shown groups' sets
//      is empty or holds at least k respondents, else the smallest shown group is withheld;
//   3. per measure, of two shown releases S ⊂ T, T \ S is empty or holds at least k respondents,
//      else S is withheld;
//   4. a release whose parent release (the same group's membership for a question, its matrix
//      question for a statement) is withheld is withheld too.
// Not covered: a sum of three or more groups taken from different breakdowns (A₁ + B₂ − C₃…),
// compared with another release; nor differences between different measures of one group (a
// group's membership minus its answers to a question tells how many in it did not answer, not
// what anyone answered).

/** A set of respondents, one bit each: respondent i is bit i % 32 of word i >> 5. */
export type Bitset = Uint32Array;

export const emptyBitset = (size: number): Bitset => new Uint32Array((size + 31) >>> 5);

export function addToBitset(set: Bitset, index: number): void {
  set[index >>> 5]! |= 1 << (index & 31);
}

function bitCount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** How many respondents are in every one of these sets (of one size). */
export function intersectionSize(first: Bitset, ...others: readonly Bitset[]): number {
  let total = 0;
  for (let word = 0; word < first.length; word++) {
    let bits = first[word]!;
    for (const other of others) bits &= other[word]!;
    total += bitCount(bits);
  }
  return total;
}

export interface DisclosureInput {
  /** How many respondents, and the smallest set a release may describe. */
  respondents: number;
  minimumGroup: number;
  /** Per breakdown, the members of each of its groups, in the order they are shown; groups of one breakdown do not overlap. */
  breakdowns: readonly (readonly Bitset[])[];
  /**
   * Per measure, the respondents it counts, and the measure whose withholding in a group also
   * withholds it there (rule 4). The group's membership is a measure whose members are everyone.
   */
  measures: readonly { members: Bitset; parent?: number }[];
}

/**
 * Whether a release is shown, by measure and slot: slot 0 is the whole survey, then come the
 * groups of the first breakdown in order, those of the second, and so on (see slotsOf).
 */
export type Disclosure = (measure: number, slot: number) => boolean;

/** The slot of each group of each breakdown: 1 for the first breakdown's first group, and on. */
export function slotsOf(breakdowns: readonly { length: number }[]): number[][] {
  let next = 1;
  return breakdowns.map((groups) => Array.from({ length: groups.length }, () => next++));
}

/** Which releases are shown: the greatest set that the rules allow, reached by withholding only. */
export function disclosureOf(input: DisclosureInput): Disclosure {
  const { minimumGroup: k, breakdowns, measures } = input;
  const firstSlot = slotsOf(breakdowns).map((slots) => slots[0]!);
  const groups = breakdowns.flat();
  const slots = groups.length + 1;
  const size = new Int32Array(measures.length * slots);
  const shown = new Uint8Array(measures.length * slots);
  const everyone = input.respondents >= k;
  measures.forEach(({ members }, measure) => {
    size[measure * slots] = intersectionSize(members);
    groups.forEach((group, index) => (size[measure * slots + index + 1] = intersectionSize(members, group)));
  });
  for (let release = 0; release < shown.length; release++) shown[release] = everyone && size[release]! >= k ? 1 : 0;

  const pairs = nestedPairs(input, firstSlot, groups, size, shown);
  let changed = true;
  const withhold = (release: number) => {
    if (!shown[release]) return;
    shown[release] = 0;
    changed = true;
  };
  while (changed) {
    changed = false;
    // Rule 4: measures come after their parents, so one pass carries a withholding down.
    measures.forEach(({ parent }, measure) => {
      if (parent === undefined) return;
      for (let slot = 0; slot < slots; slot++) if (!shown[parent * slots + slot]) withhold(measure * slots + slot);
    });
    // Rule 3: the pairs S ⊂ T with 0 < |T \ S| < k were found once (sets do not change, only
    // what is shown); S goes while T is shown.
    for (let pair = 0; pair < pairs.length; pair += 2) if (shown[pairs[pair + 1]!]) withhold(pairs[pair]!);
    // Rule 2: groups of one breakdown do not overlap, so the rest is a difference of sizes.
    for (let measure = 0; measure < measures.length; measure++) {
      const base = measure * slots;
      breakdowns.forEach((members, breakdown) => {
        const first = base + firstSlot[breakdown]!;
        let rest = size[base]!;
        for (let group = 0; group < members.length; group++) if (shown[first + group]) rest -= size[first + group]!;
        while (rest > 0 && rest < k) {
          // The smallest shown group goes; on a tie, the first in the breakdown's order.
          let smallest = -1;
          for (let group = 0; group < members.length; group++) {
            if (shown[first + group] && (smallest < 0 || size[first + group]! < size[first + smallest]!)) smallest = group;
          }
          if (smallest < 0) break;
          withhold(first + smallest);
          rest += size[first + smallest]!;
        }
      });
    }
  }
  return (measure, slot) => shown[measure * slots + slot] === 1;
}

/**
 * Every pair of releases of one measure, both shown by rule 1, where the first's set is strictly
 * inside the second's and the difference is smaller than k: as [smaller, larger] release indexes.
 */
function nestedPairs(input: DisclosureInput, firstSlot: readonly number[], groups: readonly Bitset[], size: Int32Array, shown: Uint8Array): number[] {
  const { minimumGroup: k, breakdowns, measures } = input;
  const slots = groups.length + 1;
  const tooClose = (smaller: number, larger: number) => size[larger]! > size[smaller]! && size[larger]! - size[smaller]! < k;
  const pairs: number[] = [];
  // The groups of two breakdowns that meet, and where: computed once for every measure.
  const meetings: { a: number; b: number; both: Bitset }[] = [];
  for (let one = 0; one < breakdowns.length; one++) {
    for (let other = one + 1; other < breakdowns.length; other++) {
      breakdowns[one]!.forEach((a, i) =>
        breakdowns[other]!.forEach((b, j) => {
          const both = a.map((word, index) => word & b[index]!);
          if (intersectionSize(both) > 0) meetings.push({ a: firstSlot[one]! + i, b: firstSlot[other]! + j, both });
        }),
      );
    }
  }
  measures.forEach(({ members }, measure) => {
    const base = measure * slots;
    if (!shown[base]) return;
    // A group's set is always inside the whole survey's.
    for (let slot = 1; slot < slots; slot++) if (shown[base + slot] && tooClose(base + slot, base)) pairs.push(base + slot, base);
    for (const { a, b, both } of meetings) {
      if (!shown[base + a] || !shown[base + b]) continue;
      const common = intersectionSize(members, both);
      if (common === size[base + a] && tooClose(base + a, base + b)) pairs.push(base + a, base + b);
      if (common === size[base + b] && tooClose(base + b, base + a)) pairs.push(base + b, base + a);
    }
  });
  return pairs;
}
