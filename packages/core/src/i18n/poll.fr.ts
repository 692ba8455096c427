/** The consultation poll's French messages (keys `poll.…`), merged into the French catalog. */
export const pollFr = {} as const;
