import * as cdk8s from 'cdk8s';
import { IConstruct } from 'constructs';

/*
 * An app's own resolvers see every value at synthesis, plain strings included, and may change any
 * of them; cdk8s's built-in ones change only values that are not plain data. Looked up by name so
 * that a cdk8s release without one of them still loads.
 */
const BUILT_IN = [cdk8s.LazyResolver, cdk8s.ImplicitTokenResolver, cdk8s.NumberStringUnionResolver].filter(
  (resolver): resolver is NonNullable<typeof resolver> => typeof resolver === 'function',
);

/** Whether the app of `scope` was given resolvers of its own (`new App({ resolvers })`). */
export function hasOwnResolvers(scope: IConstruct): boolean {
  const resolvers = (scope.node.root as Partial<cdk8s.App>).resolvers ?? [];
  return resolvers.some((resolver) => !BUILT_IN.some((builtIn) => resolver instanceof builtIn));
}
