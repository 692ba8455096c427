/**
 * True when a write lost a race on a primary key or unique constraint. Callers re-read instead of
 * failing: the row the other writer stored is the answer.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return (
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === '23505' // PostgreSQL unique_violation
  );
}
