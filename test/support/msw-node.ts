// msw 3 declares Node >= 22.12. On our Node 20 the only ES2024/2025 built-ins it calls are
// Promise.withResolvers (on every request) and Set's intersection/difference (in resetHandlers);
// they are filled in here, before any test can reach them. Import setupServer from this module.
type WithResolvers = <T>() => { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };
type SetMethods = { intersection?: (other: Set<unknown>) => Set<unknown>; difference?: (other: Set<unknown>) => Set<unknown> };

const promise = Promise as PromiseConstructor & { withResolvers?: WithResolvers };
promise.withResolvers ??= <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (reason?: unknown) => void;
  const pending = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise: pending, resolve, reject };
};

const set = Set.prototype as Set<unknown> & SetMethods;
set.intersection ??= function (this: Set<unknown>, other) {
  return new Set([...this].filter((value) => other.has(value)));
};
set.difference ??= function (this: Set<unknown>, other) {
  return new Set([...this].filter((value) => !other.has(value)));
};

export { setupServer } from 'msw/node';
