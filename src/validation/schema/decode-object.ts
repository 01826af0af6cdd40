import { goStructName, goTypeName, jsonValueKind } from './go-type-names';
import { KIND_DEFINITIONS, KUBERNETES_TYPES } from './kubernetes-types.generated';
import { FieldError, FieldPath } from '../field-error';
import { parseQuantity } from '../quantity';
import { ValidationWarning } from '../validation-warning';

/** A kind whose schema everynode carries, as `apiVersion kind`. */
export type DecodedKind = 'apps/v1 DaemonSet' | 'v1 Node' | 'v1 Pod' | 'v1 Service';

/** What decoding an object found before any validation rule runs. */
export interface DecodeFindings {
  /** Values the API server cannot decode into their field's type: it refuses the object. */
  readonly typeErrors: FieldError[];
  /** Fields the schema does not have: the API server drops them, kubectl warns. */
  readonly unknownFields: ValidationWarning[];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Field lookups by definition, built on first use: own keys only, so `__proto__` is just an unknown field. */
const fieldMaps = new Map<string, ReadonlyMap<string, string>>();

function fieldsOf(definition: string): ReadonlyMap<string, string> {
  let fields = fieldMaps.get(definition);
  if (!fields) {
    fields = new Map(Object.entries(KUBERNETES_TYPES[definition] ?? {}));
    fieldMaps.set(definition, fields);
  }
  return fields;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text Quantity.UnmarshalJSON parses: a string's content, trimmed, or a number as written. */
function quantityText(value: string | number): string {
  return String(value).trim();
}

/** Whether a JSON value decodes into a scalar field type as Go's decoder and apimachinery's unmarshalers do. */
function scalarAccepts(fieldType: string, value: unknown): boolean {
  switch (fieldType) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int32':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
    case 'int64':
      return Number.isInteger(value);
    case 'float64':
      return typeof value === 'number';
    case 'intstr':
      // IntOrString reads a JSON string as text and anything else as an int32.
      return typeof value === 'string' || scalarAccepts('int32', value);
    case 'quantity':
      // Quantity.UnmarshalJSON parses the text of a string or a number alike.
      return (typeof value === 'string' || typeof value === 'number') && typeof parseQuantity(quantityText(value)) !== 'string';
    default:
      return true;
  }
}

/**
 * Walks a parsed object along its schema the way the API server's JSON decoder does
 * (sigs.k8s.io/json, strict mode, behind `runtime.Decode` in apimachinery's JSON serializer).
 * `null` decodes to the zero value of any field; a value of another JSON type is a decode error,
 * worded as the decoder's `UnmarshalTypeError`: `json: cannot unmarshal string into Go struct
 * field DaemonSetSpec.spec.minReadySeconds of type int32`. Every such value is reported, not
 * only the first one, so one run shows them all.
 */
class Decoder implements DecodeFindings {
  readonly typeErrors: FieldError[] = [];
  readonly unknownFields: ValidationWarning[] = [];

  decodeStruct(value: unknown, definition: string, path: FieldPath | undefined, goPath: string): void {
    const fields = fieldsOf(definition);
    const object = value as { readonly [key: string]: unknown };
    for (const key of Object.keys(object)) {
      const fieldPath = path ? path.child(key) : FieldPath.root(key);
      const fieldType = fields.get(key);
      if (fieldType === undefined) {
        this.unknownFields.push({ code: 'UnknownField', field: fieldPath.toString(), message: `unknown field "${fieldPath}"` });
        continue;
      }
      this.decodeValue(object[key], fieldType, fieldPath, goPath ? `${goPath}.${key}` : key, goStructName(definition));
    }
  }

  private decodeValue(value: unknown, fieldType: string, path: FieldPath, goPath: string, struct: string): void {
    if (value === null || value === undefined) return;
    if (fieldType.startsWith('[]')) {
      if (!Array.isArray(value)) return this.mismatch(value, fieldType, path, goPath, struct);
      const elementType = fieldType.slice(2);
      value.forEach((element, i) => this.decodeValue(element, elementType, path.index(i), goPath, struct));
      return;
    }
    if (fieldType.startsWith('map[string]')) {
      if (!isPlainObject(value)) return this.mismatch(value, fieldType, path, goPath, struct);
      const valueType = fieldType.slice('map[string]'.length);
      for (const key of Object.keys(value)) this.decodeValue(value[key], valueType, path.key(key), goPath, struct);
      return;
    }
    if (KUBERNETES_TYPES[fieldType] !== undefined && Object.prototype.hasOwnProperty.call(KUBERNETES_TYPES, fieldType)) {
      if (!isPlainObject(value)) return this.mismatch(value, fieldType, path, goPath, struct);
      this.decodeStruct(value, fieldType, path, goPath);
      return;
    }
    if (!scalarAccepts(fieldType, value)) this.mismatch(value, fieldType, path, goPath, struct);
  }

  private mismatch(value: unknown, fieldType: string, path: FieldPath, goPath: string, struct: string): void {
    const unparsable = fieldType === 'quantity' && (typeof value === 'string' || typeof value === 'number')
      ? parseQuantity(quantityText(value))
      : undefined;
    const message = typeof unparsable === 'string'
      ? unparsable
      : `json: cannot unmarshal ${jsonValueKind(value)} into Go struct field ${struct}.${goPath} of type ${goTypeName(fieldType)}`;
    this.typeErrors.push(path.typeInvalid(value, message));
  }
}

/**
 * Decodes a parsed object of a kind everynode knows as the API server would, before any
 * validation rule: the values it cannot decode, and the fields it does not know.
 */
export function decodeObject(object: unknown, kind: DecodedKind): DecodeFindings {
  const decoder = new Decoder();
  const definition = KIND_DEFINITIONS[kind];
  if (isPlainObject(object)) decoder.decodeStruct(object, definition, undefined, '');
  return decoder;
}
