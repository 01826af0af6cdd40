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
  /**
   * Whether every object is plain data (a literal or parsed JSON), not a class instance such as a
   * cdk8s `Lazy` that a framework may turn into another value when it writes the object.
   */
  readonly plainData: boolean;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** A field type read once from its text (`[]IoK8sApiCoreV1Container`), so decoding a value does no string work. */
type TypeDescriptor =
  | { readonly kind: 'list'; readonly text: string; readonly element: TypeDescriptor }
  | { readonly kind: 'map'; readonly text: string; readonly value: TypeDescriptor }
  | { readonly kind: 'struct'; readonly text: string; readonly fields: ReadonlyMap<string, TypeDescriptor> }
  | { readonly kind: 'scalar'; readonly text: string };

const descriptors = new Map<string, TypeDescriptor>();

/**
 * The descriptor of a field type, built on first use. A struct's fields are own keys of the
 * generated table only, so a field named `__proto__` or `constructor` is just an unknown field.
 */
function descriptorOf(text: string): TypeDescriptor {
  let descriptor = descriptors.get(text);
  if (descriptor) return descriptor;
  if (text.startsWith('[]')) {
    descriptor = { kind: 'list', text, element: descriptorOf(text.slice(2)) };
  } else if (text.startsWith('map[string]')) {
    descriptor = { kind: 'map', text, value: descriptorOf(text.slice('map[string]'.length)) };
  } else if (Object.prototype.hasOwnProperty.call(KUBERNETES_TYPES, text)) {
    const fields = new Map<string, TypeDescriptor>();
    descriptor = { kind: 'struct', text, fields };
    // Registered before its fields are read: definitions may refer to themselves.
    descriptors.set(text, descriptor);
    for (const [name, fieldType] of Object.entries(KUBERNETES_TYPES[text])) fields.set(name, descriptorOf(fieldType));
  } else {
    descriptor = { kind: 'scalar', text };
  }
  descriptors.set(text, descriptor);
  return descriptor;
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
 * A well-typed (or absent) scalar that needs nothing more. Most fields are: their path is then
 * never made. `any` values are not settled, since their plainness is still to be seen.
 */
function isSettledScalar(type: TypeDescriptor, value: unknown): boolean {
  return type.kind === 'scalar' && type.text !== 'any' && (value === null || value === undefined || scalarAccepts(type.text, value));
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
  plainData = true;

  decodeStruct(object: { readonly [key: string]: unknown }, type: TypeDescriptor & { kind: 'struct' }, path: FieldPath | undefined): void {
    this.notePlainness(object);
    for (const key of Object.keys(object)) {
      const fieldType = type.fields.get(key);
      if (fieldType === undefined) {
        const field = (path ? path.child(key) : FieldPath.root(key)).toString();
        this.unknownFields.push({ code: 'UnknownField', field, message: `unknown field "${field}"` });
        // Dropped by the API server, but a framework writes it first, and may resolve it into anything.
        this.notePlainValue(object[key]);
        continue;
      }
      const value = object[key];
      if (isSettledScalar(fieldType, value)) continue;
      this.decodeValue(value, fieldType, path ? path.child(key) : FieldPath.root(key), type);
    }
  }

  /** @param struct the struct that holds the field, which the decoder's message names */
  private decodeValue(value: unknown, type: TypeDescriptor, path: FieldPath, struct: TypeDescriptor): void {
    if (value === null || value === undefined) return;
    switch (type.kind) {
      case 'list':
        if (!Array.isArray(value)) return this.mismatch(value, type, path, struct);
        for (let i = 0; i < value.length; i++) {
          if (!isSettledScalar(type.element, value[i])) this.decodeValue(value[i], type.element, path.index(i), struct);
        }
        return;
      case 'map':
        if (!isPlainObject(value)) return this.mismatch(value, type, path, struct);
        this.notePlainness(value);
        for (const key of Object.keys(value)) {
          if (!isSettledScalar(type.value, value[key])) this.decodeValue(value[key], type.value, path.key(key), struct);
        }
        return;
      case 'struct':
        if (!isPlainObject(value)) return this.mismatch(value, type, path, struct);
        return this.decodeStruct(value, type, path);
      case 'scalar':
        if (!scalarAccepts(type.text, value)) this.mismatch(value, type, path, struct);
        else if (type.text === 'any') this.notePlainValue(value);
    }
  }

  /** Notes whether a value the schema does not describe is plain data, all the way down. */
  private notePlainValue(value: unknown): void {
    if (!this.plainData || value === null || typeof value !== 'object') {
      if (typeof value === 'function') this.plainData = false;
      return;
    }
    this.notePlainness(value);
    for (const key of Object.keys(value)) this.notePlainValue((value as { readonly [key: string]: unknown })[key]);
  }

  private notePlainness(object: object): void {
    const prototype: unknown = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== Array.prototype && prototype !== null) this.plainData = false;
  }

  private mismatch(value: unknown, type: TypeDescriptor, path: FieldPath, struct: TypeDescriptor): void {
    const unparsable = type.text === 'quantity' && (typeof value === 'string' || typeof value === 'number')
      ? parseQuantity(quantityText(value))
      : undefined;
    // Go's decoder names the field by the struct fields it walked through, without list indexes or map keys.
    const message = typeof unparsable === 'string'
      ? unparsable
      : `json: cannot unmarshal ${jsonValueKind(value)} into Go struct field ${goStructName(struct.text)}.${path.fieldNames()} of type ${goTypeName(type.text)}`;
    this.typeErrors.push(path.typeInvalid(value, message));
  }
}

/**
 * Decodes a parsed object of a kind everynode knows as the API server would, before any
 * validation rule: the values it cannot decode, and the fields it does not know.
 */
export function decodeObject(object: unknown, kind: DecodedKind): DecodeFindings {
  const decoder = new Decoder();
  const type = descriptorOf(KIND_DEFINITIONS[kind]);
  if (isPlainObject(object) && type.kind === 'struct') decoder.decodeStruct(object, type, undefined);
  return decoder;
}
