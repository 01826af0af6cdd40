export { InputError } from './input-error';
export { parseDocuments, SourceDocument } from './documents';
