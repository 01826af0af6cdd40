/*
 * Generates src/validation/schema/kubernetes-types.generated.ts: the field types of the Kubernetes
 * kinds everynode reads and writes, as the API server decodes them, from the OpenAPI schema that
 * kubernetes-models ships. kubernetes-models ships that schema twice, and each half answers one
 * question: the TypeScript declarations say which fields a type has and what they hold (a
 * string, a list, a map, another type), and the compiled validators say which numbers are
 * integers and of what width (the declarations only say `number`).
 *
 * Usage: kubernetes-types.ts [OUTPUT_FILE]   (prints the file when no OUTPUT_FILE is given)
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The kinds whose types are generated, by the kubernetes-models declaration that holds each. */
const ROOTS: Readonly<Record<string, string>> = {
  'apps/v1 DaemonSet': 'kubernetes-models/apps/v1/DaemonSet',
  'v1 Node': 'kubernetes-models/v1/Node',
  'v1 Pod': 'kubernetes-models/v1/Pod',
  'v1 Service': 'kubernetes-models/v1/Service',
};

/** Definitions that the declarations give as aliases of primitive types, by how Go decodes them. */
const SCALAR_DEFINITIONS: Readonly<Record<string, string>> = {
  IoK8sApimachineryPkgUtilIntstrIntOrString: 'intstr',
  IoK8sApimachineryPkgApiResourceQuantity: 'quantity',
};

type FieldTypes = Record<string, string>;

interface Declaration {
  readonly file: string;
  readonly source: ts.SourceFile;
}

/** The folder of an installed package; its `exports` do not list the declarations and schemas. */
function packageDir(name: string, fromDir: string = __dirname): string {
  for (const modules of require.resolve.paths(name) ?? []) {
    if (!modules.startsWith(path.parse(fromDir).root)) continue;
    const dir = path.join(modules, name);
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`cannot find the package ${name}`);
}

/** A declaration file by module name: `kubernetes-models/v1/Node`, `@kubernetes-models/apimachinery/...`, or a path. */
function declarationOf(moduleName: string): Declaration {
  let file: string;
  if (path.isAbsolute(moduleName)) {
    file = `${moduleName}.d.ts`;
  } else {
    const parts = moduleName.split('/');
    const name = moduleName.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    file = `${path.join(packageDir(name), moduleName.slice(name.length))}.d.ts`;
  }
  return { file, source: ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true) };
}

/** `IIoK8sApiCoreV1PodSpec` imported from './PodSpec': the definition id and where it is declared. */
function importsOf(declaration: Declaration): Map<string, string> {
  const imports = new Map<string, string>();
  for (const statement of declaration.source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) imports.set(element.name.text, statement.moduleSpecifier.text);
  }
  return imports;
}

/** The definition id a declaration file exports its type under (`export { IPodSpec as IIoK8sApiCoreV1PodSpec }`). */
function definitionIdOf(declaration: Declaration): string {
  for (const statement of declaration.source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    const exported = statement.exportClause.elements.find((e) => e.name.text.startsWith('IIoK8s'));
    if (exported) return exported.name.text.slice(1);
  }
  throw new Error(`${declaration.file}: exports no IIoK8s* definition`);
}

function mainTypeOf(declaration: Declaration): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  for (const statement of declaration.source.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text.startsWith('I')) {
      return statement;
    }
  }
  throw new Error(`${declaration.file}: declares no interface`);
}

function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw new Error(`unexpected property name ${name.getText()}`);
}

class Generator {
  readonly types = new Map<string, FieldTypes>();
  private readonly pending: Array<{ id: string; declaration: Declaration }> = [];

  addRoot(moduleName: string): string {
    return this.reference(declarationOf(moduleName));
  }

  run(): void {
    for (let next = this.pending.shift(); next; next = this.pending.shift()) {
      const fields: FieldTypes = {};
      this.types.set(next.id, fields);
      const main = mainTypeOf(next.declaration);
      if (!ts.isInterfaceDeclaration(main)) continue;
      for (const member of main.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        fields[propertyName(member.name)] = this.typeOf(member.type, next.declaration);
      }
    }
    for (const [id, fields] of this.types) this.refineNumbers(id, fields);
  }

  /** The field type string of a declared type: a scalar, `[]T`, `map[string]T` or a definition id. */
  private typeOf(node: ts.TypeNode, declaration: Declaration): string {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return 'string';
      case ts.SyntaxKind.NumberKeyword:
        return 'number';
      case ts.SyntaxKind.BooleanKeyword:
        return 'bool';
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return 'any';
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string';
    if (ts.isUnionTypeNode(node) && node.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))) return 'string';
    if (ts.isArrayTypeNode(node)) return `[]${this.typeOf(node.elementType, declaration)}`;
    if (ts.isParenthesizedTypeNode(node)) return this.typeOf(node.type, declaration);
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index && node.members.length === 1) return `map[string]${this.typeOf(index.type, declaration)}`;
      if (node.members.length === 0) return 'any';
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      if (name === 'Array' && node.typeArguments?.length === 1) return `[]${this.typeOf(node.typeArguments[0], declaration)}`;
      const from = importsOf(declaration).get(name);
      if (from && name.startsWith('IIoK8s')) {
        const target = declarationOf(from.startsWith('.') ? path.resolve(path.dirname(declaration.file), from) : from);
        return this.reference(target);
      }
    }
    throw new Error(`${declaration.file}: cannot read the type ${node.getText()}`);
  }

  private reference(declaration: Declaration): string {
    const id = definitionIdOf(declaration);
    const scalar = SCALAR_DEFINITIONS[id];
    if (scalar) return scalar;
    const main = mainTypeOf(declaration);
    if (ts.isTypeAliasDeclaration(main)) {
      // Time, MicroTime, RawExtension, JSON: aliases of `string` or of an open object.
      return this.typeOf(main.type, declaration);
    }
    // FieldsV1 and its kind hold free-form JSON: the schema declares no fields to check.
    if (main.members.length === 0) return 'any';
    if (!this.types.has(id) && !this.pending.some((p) => p.id === id)) this.pending.push({ id, declaration });
    return id;
  }

  /**
   * The declarations say `number` for int32, int64 and float64 alike: ask the compiled validator
   * of the type what it accepts in that field. A fraction is refused by an integer field, and
   * 2^40 by an int32 one.
   */
  private refineNumbers(id: string, fields: FieldTypes): void {
    const names = Object.keys(fields).filter((name) => /^(\[\]|map\[string\])*number$/.test(fields[name]));
    if (names.length === 0) return;
    const validate = validatorOf(id);
    for (const name of names) {
      const prefix = fields[name].slice(0, -'number'.length);
      const sample = (value: number): unknown => ({ [name]: wrap(prefix, value) });
      const errorAt = (value: number) => {
        validate(sample(value));
        return (validate.errors ?? []).find((e) => e.instancePath.startsWith(`/${name}`) && (e.keyword === 'type' || e.keyword === 'format'));
      };
      const fraction = errorAt(0.5);
      if (!fraction) {
        fields[name] = `${prefix}float64`;
        continue;
      }
      fields[name] = `${prefix}${errorAt(2 ** 40) ? 'int32' : 'int64'}`;
    }
  }
}

/** `{ name: [[0.5]] }` for `[][]number`, so the probe reaches the number where it sits. */
function wrap(prefix: string, value: number): unknown {
  let sample: unknown = value;
  for (const layer of (prefix.match(/\[\]|map\[string\]/g) ?? []).reverse()) {
    sample = layer === '[]' ? [sample] : { probe: sample };
  }
  return sample;
}

type CompiledValidator = ((data: unknown) => boolean) & { errors?: Array<{ instancePath: string; keyword: string }> | null };

function validatorOf(id: string): CompiledValidator {
  const name = id.startsWith('IoK8sApimachinery') ? '@kubernetes-models/apimachinery' : 'kubernetes-models';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = require(path.join(packageDir(name), '_schemas', `${id}.js`)) as { validate: CompiledValidator };
  return compiled.validate;
}

/** The generated module's text. */
export function kubernetesTypesModule(): string {
  const generator = new Generator();
  const roots: Record<string, string> = {};
  for (const [kind, moduleName] of Object.entries(ROOTS)) roots[kind] = generator.addRoot(moduleName);
  generator.run();
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir('kubernetes-models'), 'package.json'), 'utf8')) as { version: string }).version;
  const lines = [
    `// Generated by projenrc/kubernetes-types.ts from kubernetes-models ${version}: do not edit, run \`npx projen kubernetes-types\`.`,
    '',
    '/** Field types by definition: a scalar (string, bool, int32, int64, float64, intstr, quantity, any), []T, map[string]T or a definition. */',
    'export const KUBERNETES_TYPES: { readonly [definition: string]: { readonly [field: string]: string } } = {',
    ...[...generator.types.keys()].sort().map((id) => `  ${JSON.stringify(id)}: ${JSON.stringify(sortedFields(generator.types.get(id)!))},`),
    '};',
    '',
    '/** The definition of each kind, by `apiVersion kind`. */',
    `export const KIND_DEFINITIONS: { readonly [kind: string]: string } = ${JSON.stringify(roots)};`,
    '',
  ];
  return lines.join('\n');
}

function sortedFields(fields: FieldTypes): FieldTypes {
  const sorted: FieldTypes = {};
  for (const name of Object.keys(fields).sort()) sorted[name] = fields[name];
  return sorted;
}

if (require.main === module) {
  const output = process.argv[2];
  const text = kubernetesTypesModule();
  if (output) fs.writeFileSync(output, text);
  else process.stdout.write(text);
}
