export * from './report';
export { evaluatePlacement } from './evaluate-placement';
export { loadInventory, parseInventory } from './load-inventory';
export { node, NodeBuilder, TaintInput } from './node-builder';
export * from './render';
