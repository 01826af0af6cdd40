export { decodeText } from './decode-text';
export { parseDocuments, SourceDocument } from './documents';
export { InputError } from './input-error';
export { Inventory, inventoryNodes, loadInventory, parseInventory } from './inventory';
export { isKind, kubernetesObjects } from './kubernetes-objects';
export { DEFAULT_NAMESPACE, namespaceOf } from './namespace';
export { nodeProblem } from './node-shape';
