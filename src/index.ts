export * from './daemon';
export * from './input';
export * from './placement';
export * from './validation';
export type { JsonObject } from './json/shape';
