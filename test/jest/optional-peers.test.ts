/*
 * jest is an optional peer dependency of everynode, and so are cdk8s and constructs: the
 * everynode/jest entry point must load without any of them; its types only borrow their shapes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SOURCES = path.join(__dirname, '../../src/jest');

/** What a compiled file requires: TypeScript drops the imports that only bring types. */
function runtimeRequires(file: string): string[] {
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  return [...outputText.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
}

describe('the everynode/jest entry point', () => {
  afterEach(() => jest.resetModules());

  test.each(fs.readdirSync(SOURCES).filter((file) => file.endsWith('.ts')))('src/jest/%s requires only files of everynode at runtime', (file) => {
    const required = runtimeRequires(path.join(SOURCES, file));
    expect(required.filter((module) => !module.startsWith('./') && !module.startsWith('../'))).toEqual([]);
  });

  test('loads and works when neither jest nor cdk8s can be required', () => {
    // @jest/globals is left out: jest serves it whatever the mocks say.
    const peers = ['jest', '@jest/expect', 'expect', 'jest-matcher-utils', 'pretty-format', 'jest-snapshot', 'cdk8s', 'constructs'];
    jest.isolateModules(() => {
      for (const peer of peers) {
        jest.doMock(peer, () => {
          throw new Error(`Cannot find module '${peer}'`);
        }, { virtual: true });
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        expect(() => require(peer)).toThrow(`Cannot find module '${peer}'`);
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const everynodeJest = require('../../src/jest');
      expect(Object.keys(everynodeJest).sort()).toEqual(['evaluateChart', 'isPlacementReport', 'placementMatchers', 'placementSerializer']);
      const chart = {
        toJson: () => [{
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          metadata: { name: 'agent' },
          spec: {
            selector: { matchLabels: { app: 'agent' } },
            template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox' }] } },
          },
        }],
      };
      const report = everynodeJest.evaluateChart(chart, [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1' } }]);
      expect(everynodeJest.placementSerializer.test(report)).toBe(true);
      expect(everynodeJest.placementSerializer.serialize(report, {}, '')).toContain('default/agent');
    });
  });
});
