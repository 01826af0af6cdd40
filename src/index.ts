export * from './daemon';
export * from './validation';
