/*
 * The TypeScript blocks of README.md as the files a reader would save them as. The README states
 * the only context they share, and so does this reading of it:
 * - a block whose first line is a comment naming a file (`// index.ts`, `// agents.test.ts`) is
 *   that file;
 * - a block that uses the `chart` an earlier block declared, without declaring its own, continues
 *   that block (the README says so before such blocks): the two are one file, their imports merged;
 * - every other block is a file of its own.
 */

/** One file made of README blocks. */
export interface ReadmeFile {
  readonly name: string;
  readonly text: string;
  /** The README lines its blocks start on, for messages. */
  readonly lines: readonly number[];
}

interface Block {
  readonly code: string;
  readonly line: number;
}

const FILE_NAME = /^\/\/ ([\w.-]+\.ts)\b/;
const NAMED_IMPORT = /^import \{([^}]*)\} from '([^']+)';$/;

function tsBlocks(readme: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(readme); match; match = fence.exec(readme)) {
    blocks.push({ code: match[1], line: readme.slice(0, match.index).split('\n').length + 1 });
  }
  return blocks;
}

const declaresChart = (code: string) => /\bconst chart\b/.test(code);
const usesChart = (code: string) => /\bchart\b/.test(code);

/**
 * One module from blocks that continue each other: each module's named imports once, in the order
 * first seen, then the other lines of every block in order.
 */
function joined(blocks: readonly Block[]): string {
  const imports = new Map<string, string[]>();
  const otherImports: string[] = [];
  const body: string[] = [];
  for (const block of blocks) {
    for (const line of block.code.split('\n')) {
      const named = NAMED_IMPORT.exec(line);
      if (named) {
        const names = imports.get(named[2]) ?? [];
        for (const name of named[1].split(',').map((n) => n.trim()).filter(Boolean)) if (!names.includes(name)) names.push(name);
        imports.set(named[2], names);
      } else if (line.startsWith('import ')) {
        if (!otherImports.includes(line)) otherImports.push(line);
      } else {
        body.push(line);
      }
    }
  }
  const importLines = [...otherImports, ...[...imports].map(([from, names]) => `import { ${names.join(', ')} } from '${from}';`)];
  return `${[...importLines, ...body].join('\n').trim()}\n`;
}

/** README.md's TypeScript blocks as files, in the order they appear. */
export function readmeFiles(readme: string): ReadmeFile[] {
  const groups: Array<{ name?: string; blocks: Block[] }> = [];
  let chartGroup: { name?: string; blocks: Block[] } | undefined;
  for (const block of tsBlocks(readme)) {
    const name = FILE_NAME.exec(block.code)?.[1];
    if (!name && chartGroup && usesChart(block.code) && !declaresChart(block.code)) {
      chartGroup.blocks.push(block);
      continue;
    }
    const group = { name, blocks: [block] };
    groups.push(group);
    if (declaresChart(block.code)) chartGroup = group;
  }
  return groups.map((group, i) => ({
    name: group.name ?? `readme-block-${i + 1}.ts`,
    text: group.blocks.length === 1 ? group.blocks[0].code : joined(group.blocks),
    lines: group.blocks.map((b) => b.line),
  }));
}
