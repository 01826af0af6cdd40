/*
 * How the API server names types and values in a decode error, so everynode's messages read as
 * the API server's do.
 */

/** `IoK8sApiCoreV1PodSpec` -> `v1.PodSpec`: Go's package-qualified name of a definition. */
export function goTypeName(fieldType: string): string {
  if (fieldType.startsWith('[]')) return `[]${goTypeName(fieldType.slice(2))}`;
  if (fieldType.startsWith('map[string]')) return `map[string]${goTypeName(fieldType.slice('map[string]'.length))}`;
  switch (fieldType) {
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'any':
      return 'interface {}';
  }
  const definition = /V(\d+(?:alpha\d+|beta\d+)?)([A-Z]\w*)$/.exec(fieldType);
  return definition ? `v${definition[1]}.${definition[2]}` : fieldType;
}

/** `PodSpec`: the struct name Go's decoder puts before the field path. */
export function goStructName(definition: string): string {
  const name = goTypeName(definition);
  return name.slice(name.indexOf('.') + 1);
}

/** `string`, `number 1.5`, `array`: how Go's JSON decoder names the value it could not store. */
export function jsonValueKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return `number ${value}`;
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}
