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

/*
 * What a field type is, as small integers: decoding asks it of every value, and before the JIT
 * has optimized the decoder a switch on integers is one jump where one on strings is a comparison
 * per case.
 */
const LIST = 0;
const MAP = 1;
const STRUCT = 2;
const SCALAR = 3;
type Kind = typeof LIST | typeof MAP | typeof STRUCT | typeof SCALAR;

const NOT_SCALAR = 0;
const STRING = 1;
const BOOL = 2;
const INT32 = 3;
const INT64 = 4;
const FLOAT64 = 5;
const INTSTR = 6;
const QUANTITY = 7;
const ANY = 8;
/** A scalar type the decoder has no rule for: any value decodes into it. */
const UNCHECKED = 9;
const SCALAR_TYPES: { readonly [text: string]: number } = {
  string: STRING,
  bool: BOOL,
  int32: INT32,
  int64: INT64,
  float64: FLOAT64,
  intstr: INTSTR,
  quantity: QUANTITY,
  any: ANY,
};

/**
 * A field type read once from its text (`[]IoK8sApiCoreV1Container`), so decoding a value does no
 * string work. Every kind has the same fields, so that reading one is the same step whatever the type.
 */
interface TypeDescriptor {
  readonly kind: Kind;
  readonly text: string;
  /** The scalar type, or NOT_SCALAR. */
  readonly scalar: number;
  /** A list's elements' or a map's values' type. */
  readonly items: TypeDescriptor | undefined;
  /** A struct's fields, read from the generated table when a value of the struct is first decoded. */
  fields: ReadonlyMap<string, TypeDescriptor> | undefined;
}

const descriptors = new Map<string, TypeDescriptor>();

function descriptor(kind: Kind, text: string, scalar: number, items: TypeDescriptor | undefined): TypeDescriptor {
  return { kind, text, scalar, items, fields: undefined };
}

/**
 * The descriptor of a field type, built on first use. A struct's fields wait until a value of it
 * is decoded: a DaemonSet reaches some two hundred definitions, and a manifest uses a few dozen.
 */
function descriptorOf(text: string): TypeDescriptor {
  let type = descriptors.get(text);
  if (type) return type;
  if (text.startsWith('[]')) {
    type = descriptor(LIST, text, NOT_SCALAR, descriptorOf(text.slice(2)));
  } else if (text.startsWith('map[string]')) {
    type = descriptor(MAP, text, NOT_SCALAR, descriptorOf(text.slice('map[string]'.length)));
  } else if (Object.prototype.hasOwnProperty.call(KUBERNETES_TYPES, text)) {
    type = descriptor(STRUCT, text, NOT_SCALAR, undefined);
  } else {
    const scalar = Object.prototype.hasOwnProperty.call(SCALAR_TYPES, text) ? SCALAR_TYPES[text] : UNCHECKED;
    type = descriptor(SCALAR, text, scalar, undefined);
  }
  descriptors.set(text, type);
  return type;
}

/**
 * A struct's fields by name. They are own keys of the generated table only, so a field named
 * `__proto__` or `constructor` is just an unknown field.
 */
function fieldsOf(struct: TypeDescriptor): ReadonlyMap<string, TypeDescriptor> {
  if (struct.fields) return struct.fields;
  const fields = new Map<string, TypeDescriptor>();
  const definition = KUBERNETES_TYPES[struct.text];
  for (const name of Object.keys(definition)) fields.set(name, descriptorOf(definition[name]));
  struct.fields = fields;
  return fields;
}

function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text Quantity.UnmarshalJSON parses: a string's content, trimmed, or a number as written. */
function quantityText(value: string | number): string {
  return String(value).trim();
}

function isInt32(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
}

/**
 * A value that needs nothing more: absent (`null` decodes to the zero value of any field), or a
 * scalar that decodes into its field type as Go's decoder and apimachinery's unmarshalers decode
 * it. An `any` value is never settled, since its plainness is still to be seen.
 */
function isSettled(type: TypeDescriptor, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (type.scalar) {
    case STRING:
      return typeof value === 'string';
    case BOOL:
      return typeof value === 'boolean';
    case INT32:
      return isInt32(value);
    case INT64:
      return Number.isInteger(value);
    case FLOAT64:
      return typeof value === 'number';
    case INTSTR:
      // IntOrString reads a JSON string as text and anything else as an int32.
      return typeof value === 'string' || isInt32(value);
    case QUANTITY:
      // Quantity.UnmarshalJSON parses the text of a string or a number alike.
      return (typeof value === 'string' || typeof value === 'number') && typeof parseQuantity(quantityText(value)) !== 'string';
    case UNCHECKED:
      return true;
    default:
      // Lists, maps, structs and `any` values are walked.
      return false;
  }
}

/**
 * Walks a parsed object along its schema the way the API server's JSON decoder does
 * (sigs.k8s.io/json, strict mode, behind `runtime.Decode` in apimachinery's JSON serializer).
 * `null` decodes to the zero value of any field; a value of another JSON type is a decode error,
 * worded as the decoder's `UnmarshalTypeError`: `json: cannot unmarshal string into Go struct
 * field DaemonSetSpec.spec.minReadySeconds of type int32`. Every such value is reported, not
 * only the first one, so one run shows them all.
 *
 * The path to the value at hand is kept as segments, `depth` of them, and made into a FieldPath
 * only for a finding: nearly every value of nearly every manifest decodes.
 */
class Decoder implements DecodeFindings {
  readonly typeErrors: FieldError[] = [];
  readonly unknownFields: ValidationWarning[] = [];
  plainData = true;
  // Filled ahead, so that recording a segment replaces an element rather than growing the list.
  private readonly segments: Array<string | number> = new Array<string | number>(32).fill('');
  /** Whether each segment is a list index or map key (`[0]`, `[cpu]`) rather than a field name. */
  private readonly subscripts: boolean[] = new Array<boolean>(32).fill(false);

  decodeStruct(object: { readonly [key: string]: unknown }, type: TypeDescriptor, depth: number): void {
    this.notePlainness(object);
    const fields = fieldsOf(type);
    const segments = this.segments;
    const subscripts = this.subscripts;
    const keys = Object.keys(object);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const fieldType = fields.get(key);
      const value = object[key];
      segments[depth] = key;
      subscripts[depth] = false;
      if (fieldType === undefined) {
        const field = this.pathTo(depth + 1).toString();
        this.unknownFields.push({ code: 'UnknownField', field, message: `unknown field "${field}"` });
        // Dropped by the API server, but a framework writes it first, and may resolve it into anything.
        this.notePlainValue(value);
        continue;
      }
      if (!isSettled(fieldType, value)) this.decodeValue(value, fieldType, type, depth + 1);
    }
  }

  /**
   * A value that is not settled: one to walk, or one of the wrong type.
   *
   * @param struct the struct that holds the field, which the decoder's message names
   * @param depth how many segments lead to `value`
   */
  private decodeValue(value: unknown, type: TypeDescriptor, struct: TypeDescriptor, depth: number): void {
    switch (type.kind) {
      case LIST: {
        if (!Array.isArray(value)) return this.mismatch(value, type, depth, struct);
        const element = type.items!;
        for (let i = 0; i < value.length; i++) {
          if (isSettled(element, value[i])) continue;
          this.segments[depth] = i;
          this.subscripts[depth] = true;
          this.decodeValue(value[i], element, struct, depth + 1);
        }
        return;
      }
      case MAP: {
        if (!isPlainObject(value)) return this.mismatch(value, type, depth, struct);
        this.notePlainness(value);
        const valueType = type.items!;
        const keys = Object.keys(value);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (isSettled(valueType, value[key])) continue;
          this.segments[depth] = key;
          this.subscripts[depth] = true;
          this.decodeValue(value[key], valueType, struct, depth + 1);
        }
        return;
      }
      case STRUCT:
        if (!isPlainObject(value)) return this.mismatch(value, type, depth, struct);
        return this.decodeStruct(value, type, depth);
      default:
        // An `any` value decodes whatever it is; any other scalar is unsettled only when it does not decode.
        if (type.scalar === ANY) this.notePlainValue(value);
        else this.mismatch(value, type, depth, struct);
    }
  }

  /** The path of the first `depth` segments. */
  private pathTo(depth: number): FieldPath {
    let path = FieldPath.root(String(this.segments[0]));
    for (let i = 1; i < depth; i++) {
      const segment = this.segments[i];
      if (!this.subscripts[i]) path = path.child(String(segment));
      else path = typeof segment === 'number' ? path.index(segment) : path.key(segment);
    }
    return path;
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

  private mismatch(value: unknown, type: TypeDescriptor, depth: number, struct: TypeDescriptor): void {
    const path = this.pathTo(depth);
    const unparsable = type.scalar === QUANTITY && (typeof value === 'string' || typeof value === 'number')
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
  if (isPlainObject(object) && type.kind === STRUCT) decoder.decodeStruct(object, type, 0);
  return decoder;
}
