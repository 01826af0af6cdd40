export * from './daemon';
export * from './input';
export * from './placement';
export * from './validation';
