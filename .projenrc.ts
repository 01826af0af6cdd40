import { JsonFile, javascript, typescript } from 'projen';

const project = new typescript.TypeScriptProject({
  name: 'everynode',
  description:
    'Typed DaemonSets for node agents (cdk8s and Pulumi) that the API server accepts, and a placement evaluator that says on which nodes each pod lands, exactly as Kubernetes decides.',
  keywords: ['kubernetes', 'daemonset', 'cdk8s', 'pulumi', 'node-agent', 'scheduling', 'tolerations'],
  license: 'Apache-2.0',
  copyrightOwner: 'The everynode authors',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  typescriptVersion: '~5.9.3',
  tsconfig: {
    compilerOptions: {
      lib: ['es2022'],
      target: 'ES2022',
    },
  },

  // No hosted CI or release pipeline: `.ci/run` is the project's CI.
  github: false,
  release: false,
  buildWorkflow: false,
  pullRequestTemplate: false,
  depsUpgrade: false,
  package: false,

  // src/index.ts declares the core entry; src/main.ts is what `require('everynode')` runs: the same
  // exports, with the placement evaluator and the API server's rules loaded on first use.
  entrypoint: 'lib/main.js',
  entrypointTypes: 'lib/index.d.ts',

  deps: ['kubernetes-models@4.5.1', 'js-yaml@^4.3.2'],
  peerDeps: ['cdk8s@^2.70.0', 'constructs@^10.0.0', 'jest@>=29', '@pulumi/pulumi@^3.142.0', '@pulumi/kubernetes@^4.0.0'],
  bin: { everynode: 'lib/cli/bin.js' },
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    // The CLI tests write their YAML fixtures with it; the library reads YAML with js-yaml.
    'yaml@^2.8.0',
    'cdk8s@~2.70.98',
    'constructs@^10.8.1',
    '@kubernetes-models/validate@^4.0.0',
    'ts-jest@^29',
    // jest 30 resolves modules through unrs-resolver (see the eslint resolver below): 29 does not.
    'jest@^29',
    '@types/jest@^29',
    '@types/node@^20',
    'ts-node@^10',
    'typedoc@~0.28.20',
    'typedoc-plugin-markdown@~4.14.1',
    'fast-check@^4',
    // The last @pulumi/pulumi that accepts Node 20.
    '@pulumi/pulumi@3.248.0',
    '@pulumi/kubernetes@4.34.2',
    // Only for `npm run bench`: the cost of loading everynode is measured against cdk8s-plus.
    'cdk8s-plus-33@2.5.57',
    // Drives Debian's chromium (not a downloaded browser) in the HTML report's browser tests.
    'playwright-core@1.64.1',
  ],

  jest: true,
  jestOptions: {
    jestVersion: '^29',
    // Snapshots are reviewed artefacts: `npm test` never rewrites them; `npx projen test:update` does.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      // CI runs on two shared cores: a test that loads Pulumi or the JSON schemas can take more
      // than jest's default 5 s there without anything being wrong.
      testTimeout: 30_000,
      coverageProvider: 'v8',
      // jest's default is one worker less than the cores: on CI's two cores that is one, and one
      // worker runs every suite in band, one after the other. With two, jest may say at the end
      // that a worker "failed to exit gracefully": a worker holding ts-jest's TypeScript program
      // takes longer than the 500 ms jest waits to free its heap; nothing is left running.
      maxWorkers: '100%',
      // Collecting coverage took most of the run's time (V8's counters slow every suite down and
      // each suite's coverage is converted to istanbul), and nothing reads it: `npm test --
      // --coverage` writes the same reports to coverage/.
      collectCoverage: false,
    },
  },

  gitignore: ['examples/*/dist/', '/.api-docs/', '/.api-docs-check/'],
  // `npm test` runs the eslint task and changes nothing: `npx projen eslint:fix` fixes.
  eslintOptions: { dirs: ['src'], commandOptions: { fix: false } },
});

project.npmignore?.exclude('/examples/', '/.ci/', '/.api-docs-check/');

// Framework packages are optional: the core loads without them.
project.package.addField('peerDependenciesMeta', {
  'cdk8s': { optional: true },
  'constructs': { optional: true },
  'jest': { optional: true },
  '@pulumi/pulumi': { optional: true },
  '@pulumi/kubernetes': { optional: true },
});

// One entry per framework, so a Pulumi user never loads cdk8s and the core loads neither.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/main.js' },
  './cdk8s': { types: './lib/cdk8s/index.d.ts', default: './lib/cdk8s/index.js' },
  './pulumi': { types: './lib/pulumi/index.d.ts', default: './lib/pulumi/index.js' },
  './jest': { types: './lib/jest/index.d.ts', default: './lib/jest/index.js' },
  './jest/setup': { types: './lib/jest/setup.d.ts', default: './lib/jest/setup.js' },
  './package.json': './package.json',
});
// TypeScript's legacy `node` module resolution ignores `exports`.
project.package.addField('typesVersions', {
  '*': { 'cdk8s': ['lib/cdk8s/index.d.ts'], 'pulumi': ['lib/pulumi/index.d.ts'], 'jest': ['lib/jest/index.d.ts'], 'jest/setup': ['lib/jest/setup.d.ts'] },
});

// Comments inherited from Pulumi's classes link to Pulumi's own symbols: point them at its reference.
new JsonFile(project, 'typedoc.json', {
  marker: false,
  obj: {
    externalSymbolLinkMappings: {
      '@pulumi/pulumi': { '*': 'https://www.pulumi.com/docs/reference/pkg/nodejs/pulumi/pulumi/' },
    },
  },
});

// API.md is generated from the TSDoc comments; `npm test` fails when it is stale.
const typedocArgs = [
  'typedoc',
  // Members inherited from Construct, ComponentResource, Error or DaemonProps are documented where
  // they are declared, not again on every subtype.
  '--plugin typedoc-plugin-markdown --plugin ./projenrc/typedoc-own-members.mjs',
  '--entryPoints src/index.ts --entryPoints src/cdk8s/index.ts --entryPoints src/pulumi/index.ts --entryPoints src/jest/index.ts',
  '--tsconfig tsconfig.json',
  '--router module',
  '--hidePageHeader --hideBreadcrumbs --disableSources',
  '--readme none',
  '--excludePrivate --excludeInternal',
  // The value classes that everynode/cdk8s and everynode/pulumi re-export are documented once, in the core.
  '--excludeReferences',
  // Tables: one row per property or parameter keeps the reference short enough to read.
  '--parametersFormat table --interfacePropertiesFormat table --classPropertiesFormat table',
  '--enumMembersFormat table --typeDeclarationFormat table --propertyMembersFormat table',
  '--logLevel Warn',
  '--options typedoc.json',
].join(' ');
const docgen = project.addTask('docgen', {
  description: 'Generate API.md from the TSDoc comments',
  steps: [
    { exec: `${typedocArgs} --out .api-docs` },
    { exec: 'ts-node --project projenrc/tsconfig.json projenrc/join-api-docs.ts .api-docs API.md' },
    { exec: 'rm -rf .api-docs' },
  ],
});
project.postCompileTask.spawn(docgen);
project.addTask('docgen:check', {
  description: 'Fail when API.md does not match the TSDoc comments',
  steps: [
    { exec: `${typedocArgs} --out .api-docs-check/pages` },
    { exec: 'ts-node --project projenrc/tsconfig.json projenrc/join-api-docs.ts .api-docs-check/pages .api-docs-check/API.md' },
    {
      exec: 'diff -q API.md .api-docs-check/API.md > /dev/null || (echo "API.md is stale: run npx projen docgen and commit it" >&2; exit 1)',
    },
    { exec: 'rm -rf .api-docs-check' },
  ],
});
project.testTask.spawn(project.tasks.tryFind('docgen:check')!);

// The field types validation decodes against, generated from the schema kubernetes-models ships;
// test/validation/kubernetes-types.test.ts fails when they are stale.
project.addTask('kubernetes-types', {
  description: 'Regenerate src/validation/schema/kubernetes-types.generated.ts from kubernetes-models',
  exec: 'ts-node --project projenrc/tsconfig.json projenrc/kubernetes-types.ts src/validation/schema/kubernetes-types.generated.ts',
});

project.addTask('example', {
  description: 'Synthesize examples/cluster-agents into examples/cluster-agents/dist',
  exec: 'ts-node --project examples/tsconfig.json examples/cluster-agents/main.ts',
});

// The examples type-check (and lint) against the sources, as the tests do.
new javascript.TypescriptConfig(project, {
  fileName: 'examples/tsconfig.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
  include: ['**/*.ts'],
  compilerOptions: { noEmit: true, rootDir: '..' },
});
project.eslint?.addLintPattern('examples');

// The benchmark measures the compiled library, as users run it; the HTML benchmark also runs code
// in the browser page (the DOM's types).
new javascript.TypescriptConfig(project, {
  fileName: 'bench/tsconfig.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
  include: ['**/*.ts'],
  compilerOptions: { noEmit: true, rootDir: '..', lib: ['es2022', 'dom'] },
});
project.eslint?.addLintPattern('bench');
project.addTask('bench', {
  description:
    'Benchmark evaluatePlacement and the CLI against JSON.parse of the same inventory, require(\'everynode\') against require(\'cdk8s-plus-33\'), and cdk8s synth of the constructs against plain ApiObjects',
  steps: [
    { spawn: 'compile' },
    ...['placement-benchmark.ts', 'diff-benchmark.ts', 'require-benchmark.ts', 'synth-benchmark.ts'].map((script) => ({
      exec: `node --expose-gc -r ts-node/register/transpile-only bench/${script}`,
      env: { TS_NODE_PROJECT: 'bench/tsconfig.json' },
    })),
  ],
});

// The eslint component asks for the latest resolver; 4.x resolves through unrs-resolver, whose
// per-platform optional packages the registry here does not all serve, leaving a lockfile that
// `npm ci` refuses. 3.7 resolves in JavaScript.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.7.0');

// `npm test` runs every suite but the packaging tests, which compile and pack the library and
// install it into scratch projects (minutes): `npm run test:packaging` runs those, packing once
// for all of them (test/packaging/global-setup.ts).
project.package.file.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts', '!**/test/packaging/**']);
project.addTask('test:packaging', {
  description: 'Pack the library once; install it into scratch projects and check each entry point and the README\'s code there',
  // Its own report file, so that it does not replace the one `npm test` wrote.
  env: { JEST_JUNIT_OUTPUT_NAME: 'junit-packaging.xml' },
  steps: [{
    exec: [
      'jest',
      "--testMatch '<rootDir>/test/packaging/**/*.test.ts'",
      '--globalSetup ./test/packaging/global-setup.ts --globalTeardown ./test/packaging/global-teardown.ts',
      '--ci',
    ].join(' '),
    receiveArgs: true,
  }],
});

project.addTask('eslint:fix', {
  description: 'Run eslint and fix what it can',
  steps: [{ spawn: project.eslint!.eslintTask.name, args: ['--fix'], receiveArgs: true }],
});

project.synth();
