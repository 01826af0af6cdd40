/**
 * A module required on first use of one of its exports, for the entries whose users often need
 * only part of what they offer: requiring a module costs its whole import graph.
 *
 * @param load requires the module (`() => require('./placement')`)
 */
export function lazyModule<T extends object>(load: () => T): T {
  let loaded: T | undefined;
  return new Proxy({} as T, { get: (_target, name) => Reflect.get((loaded ??= load()), name) });
}
