/*
 * Joins the per-module Markdown pages that typedoc writes into one API.md, so the API reference
 * is one file beside README.md. Usage: join-api-docs.ts PAGES_DIR OUTPUT_FILE
 */
import * as fs from 'fs';
import * as path from 'path';

const MODULES: Array<{ page: string; entryPoint: string }> = [
  { page: 'index.md', entryPoint: 'everynode' },
  { page: 'cdk8s.md', entryPoint: 'everynode/cdk8s' },
  { page: 'pulumi.md', entryPoint: 'everynode/pulumi' },
  { page: 'jest.md', entryPoint: 'everynode/jest' },
];

function sectionFor(pagesDir: string, module: { page: string; entryPoint: string }): string {
  const text = fs.readFileSync(path.join(pagesDir, module.page), 'utf8');
  const body = text
    .replace(/^# .*\n/, '')
    .replace(/^(#{1,5}) /gm, '#$1 ')
    .replace(/\]\((?:index|cdk8s|pulumi|jest)\.md#/g, '](#');
  return `## \`${module.entryPoint}\`\n${body.trimEnd()}\n`;
}

const [pagesDir, output] = process.argv.slice(2);
if (!pagesDir || !output) {
  console.error('usage: join-api-docs.ts PAGES_DIR OUTPUT_FILE');
  process.exit(2);
}
const header = [
  '# API reference',
  '',
  '<!-- Generated from the TSDoc comments by `npx projen docgen`. Do not edit. -->',
  '',
  ...MODULES.map((m) => `- [\`${m.entryPoint}\`](#${m.entryPoint.replace(/[^a-z0-9]/g, '')})`),
  '',
].join('\n');
fs.writeFileSync(output, [header, ...MODULES.map((m) => sectionFor(pagesDir, m))].join('\n'));
