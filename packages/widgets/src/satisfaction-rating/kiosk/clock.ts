/**
 * The kiosk's sense of time: its timers and the time left in a warning. The real one by default;
 * tests give one they move forward themselves, since a warning lasts at least 20 s (RGAA 13.1).
 */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};
