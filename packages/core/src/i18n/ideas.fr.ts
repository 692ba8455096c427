/** The consultation ideas' French messages (keys `ideas.…`), merged into the French catalog. */
export const ideasFr = {} as const;
