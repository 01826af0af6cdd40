export * from './report';
export { evaluatePlacement } from './evaluate-placement';
export { node, NodeBuilder, TaintInput } from './node-builder';
export * from './render';
