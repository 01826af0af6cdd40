/// <reference lib="dom" />
/*
 * `everynode place --output html` on the README's example, in Chromium: what a person sees in
 * each cell is what `--output json` says, the filters and the search hide what they should, a
 * cell's reasons show on click and on hover, and the page requests nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { BROWSER_TIMEOUT, launchBrowser, OpenedPage, openHtml, REPORTS_DIR } from './browser';
import { EXAMPLE_INVENTORY, exampleManifestsDir } from './example-page';
import { PlacementReport } from '../../src';
import { everynode } from '../cli/cli-harness';

jest.setTimeout(BROWSER_TIMEOUT);

/** What a cell shows: the verdict's colour class and symbol, `s` for a static pod's column. */
interface SeenCell {
  readonly state: string;
  readonly symbol: string;
  readonly static: boolean;
}

function expectedCell(report: PlacementReport, d: number, node: number): SeenCell {
  const entry = report.daemonSets[d];
  const placement = entry.placements[node];
  const isStatic = entry.kind === 'StaticPod';
  if (isStatic) return placement.shouldRun ? { state: 'r', symbol: '◆', static: true } : { state: 'n', symbol: '·', static: true };
  if (placement.shouldRun) return { state: 'r', symbol: '✔', static: false };
  return placement.shouldContinueRunning ? { state: 'k', symbol: '◐', static: false } : { state: 'n', symbol: '✘', static: false };
}

/** A node's cells as `state + symbol`, as a group row shows them. */
function shownCells(report: PlacementReport, node: number): string[] {
  return report.daemonSets.map((_, d) => {
    const cell = expectedCell(report, d, node);
    return cell.state + cell.symbol;
  });
}

/** The node rows a person sees (in open groups), with their visible cells. */
function visibleNodeRows(page: Page): Promise<Array<{ node: string; cells: SeenCell[] }>> {
  return page.evaluate(() => Array.from(document.querySelectorAll('#matrix .row.node'))
    .filter((row) => row.getClientRects().length > 0)
    .map((row) => ({
      node: row.children[0].textContent!,
      cells: Array.from(row.children).slice(1)
        .filter((cell) => getComputedStyle(cell).display !== 'none')
        .map((cell) => ({ state: cell.classList[0], symbol: cell.textContent!, static: cell.classList.contains('s') })),
    })));
}

function visibleHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('#matrix .hdr > a'))
    .filter((a) => getComputedStyle(a).display !== 'none')
    .map((a) => a.getAttribute('title')!));
}

describe('everynode place --output html on examples/inventory.yaml', () => {
  let manifests: string;
  let html: string;
  let report: PlacementReport;
  let browser: Browser;
  let opened: OpenedPage[] = [];

  beforeAll(async () => {
    manifests = exampleManifestsDir();
    const htmlRun = await everynode(['place', '--inventory', EXAMPLE_INVENTORY, '--output', 'html', manifests]);
    const jsonRun = await everynode(['place', '--inventory', EXAMPLE_INVENTORY, '--output', 'json', manifests]);
    expect([htmlRun.code, htmlRun.stderr, jsonRun.code]).toEqual([0, '', 0]);
    html = htmlRun.stdout;
    report = JSON.parse(jsonRun.stdout);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(manifests, { recursive: true, force: true });
  });

  async function open(options?: { javaScriptEnabled?: boolean }): Promise<Page> {
    const page = await openHtml(browser, html, options);
    opened.push(page);
    return page.page;
  }

  // Whatever a test did on its pages, they requested nothing, opened no dialog and threw nothing.
  afterEach(async () => {
    for (const page of opened) {
      expect({ requests: page.requests, dialogs: page.dialogs, errors: page.errors }).toEqual({ requests: [], dialogs: [], errors: [] });
      await page.page.context().close();
    }
    opened = [];
  });

  test('the example has DaemonSets that run, keep a pod and run nowhere, and a static pod', () => {
    const states = report.daemonSets.flatMap((_, d) => report.nodes.map((__, i) => expectedCell(report, d, i).symbol));
    expect(new Set(states)).toEqual(new Set(['✔', '◐', '✘', '◆', '·']));
  });

  test('every cell shows the verdict of --output json, cell by cell, once every group is expanded', async () => {
    const page = await open();
    expect(await visibleHeaders(page)).toEqual(report.daemonSets.map((d) => `${d.namespace}/${d.name}${d.kind === 'StaticPod' ? ' (static pod)' : ''}`));
    await page.click('#expand-all');
    await page.waitForFunction((count) => document.querySelectorAll('#matrix .row.node').length === count, report.nodes.length);
    const rows = await visibleNodeRows(page);
    expect(rows.map((row) => row.node).sort()).toEqual([...report.nodes].sort());
    for (const row of rows) {
      const i = report.nodes.indexOf(row.node);
      expect([row.node, row.cells]).toEqual([row.node, report.daemonSets.map((_, d) => expectedCell(report, d, i))]);
    }
  });

  test('each group row shows the verdicts its nodes share', async () => {
    const page = await open();
    const groups = await page.evaluate(() => Array.from(document.querySelectorAll('#matrix details.g')).map((group) => ({
      g: Number(group.getAttribute('data-g')),
      cells: Array.from(group.querySelector('summary')!.children).slice(1).map((cell) => cell.classList[0] + cell.textContent),
    })));
    await page.click('#expand-all');
    const members = await page.evaluate(() => Array.from(document.querySelectorAll('#matrix details.g')).map((group) =>
      Array.from(group.querySelectorAll('.row.node > .l')).map((label) => label.textContent!)));
    expect(members.flat().sort()).toEqual([...report.nodes].sort());
    groups.forEach((group, g) => {
      for (const node of members[g]) {
        const i = report.nodes.indexOf(node);
        expect([node, group.cells]).toEqual([node, shownCells(report, i)]);
      }
    });
  });

  test('filtering to one DaemonSet and one verdict leaves the nodes with that verdict, and that column only', async () => {
    const page = await open();
    const d = report.daemonSets.findIndex((entry) => entry.name === 'fluent-bit');
    await page.click('#ds-filter > summary');
    await page.click('#ds-none');
    await page.check(`input[name=ds][value="${d}"]`);
    await page.click('#ds-filter > summary');
    expect(await visibleHeaders(page)).toEqual(['logging/fluent-bit']);
    for (const [state, others] of [['n', ['r', 'k']], ['k', ['r', 'n']]] as const) {
      await page.check(`input[name=verdict][value=${state}]`);
      for (const other of others) await page.uncheck(`input[name=verdict][value=${other}]`);
      await page.click('#expand-all');
      const expected = report.nodes.filter((_, i) => expectedCell(report, d, i).state === state);
      expect(expected.length).toBeGreaterThan(0);
      const rows = await visibleNodeRows(page);
      expect([state, rows.map((row) => row.node)]).toEqual([state, expected]);
      expect(rows.every((row) => row.cells.length === 1 && row.cells[0].state === state)).toBe(true);
      await page.click('#collapse-all');
    }
    await expect(page.textContent('#ds-count')).resolves.toBe(`1 of ${report.daemonSets.length}`);
  });

  test('the node search shows only the matching nodes, whatever their case', async () => {
    const page = await open();
    await page.fill('#search', 'CORDON');
    await page.waitForFunction(() => document.querySelectorAll('#matrix details.g:not([hidden])').length === 1);
    await page.waitForSelector('#matrix .row.node');
    expect((await visibleNodeRows(page)).map((row) => row.node)).toEqual(['worker-cordoned']);
    expect(await page.textContent('#matrix details.g:not([hidden]) summary .match')).toBe('1 matching: ');
    await page.fill('#search', '');
    await page.waitForFunction((count) => document.querySelectorAll('#matrix details.g:not([hidden])').length === count,
      await page.evaluate(() => document.querySelectorAll('#matrix details.g').length));
  });

  test('a click on a node\'s cell shows its reasons; hovering a group\'s cell shows the reasons its nodes share', async () => {
    const page = await open();
    await page.click('#expand-all');
    const d = report.daemonSets.findIndex((entry) => entry.name === 'fluent-bit');
    const win = report.nodes.indexOf('win-1');
    const reasons = report.daemonSets[d].placements[win].reasons.map((reason) => `${reason.code}: ${reason.message}`);
    expect(reasons.length).toBe(2);
    await page.click(`#matrix .row.node[data-n="${win}"] > i:nth-child(${d + 2})`);
    await page.waitForSelector('#pop:not([hidden]) h3');
    expect(await page.locator('#pop li').allTextContents()).toEqual(reasons);
    expect(await page.textContent('#pop h3')).toBe('win-1 · logging/fluent-bit');
    expect(await page.textContent('#pop p')).toContain('no pod');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#pop')).toBe(true);

    // The group of worker-1: every one of its nodes gets no device plugin, for the same reason.
    const plugin = report.daemonSets.findIndex((entry) => entry.name === 'nvidia-device-plugin');
    const worker = report.nodes.indexOf('worker-1');
    const group = page.locator('#matrix details.g', { has: page.locator(`.row.node[data-n="${worker}"]`) });
    const members = await group.locator('.row.node').count();
    await group.locator(`summary > i:nth-child(${plugin + 2})`).hover();
    await page.waitForSelector('#pop:not([hidden]) h3');
    const [reason] = report.daemonSets[plugin].placements[worker].reasons;
    expect(await page.locator('#pop li').allTextContents()).toEqual([`${reason.code}: ${reason.message} (${members} nodes)`]);
    expect(await page.textContent('#pop h3')).toBe(`${members} nodes · kube-system/nvidia-device-plugin`);
  });

  test('each DaemonSet\'s desired pods and rollout, and the static pod marked static', async () => {
    const page = await open();
    const summaries = await page.locator('#daemonsets details.ds > summary').allTextContents();
    expect(summaries).toHaveLength(report.daemonSets.length);
    report.daemonSets.forEach((entry, d) => {
      expect(summaries[d]).toContain(`${entry.namespace}/${entry.name}`);
      expect(summaries[d]).toContain(`runs on ${entry.desiredNumberScheduled} of ${report.nodes.length} nodes`);
      if (entry.rollout.strategy === 'RollingUpdate') {
        const { maxUnavailable, maxSurge, waves } = entry.rollout;
        expect(summaries[d]).toContain(`maxUnavailable ${maxUnavailable}, maxSurge ${maxSurge}, ${waves} wave`);
      }
      expect(summaries[d].includes('static pod')).toBe(entry.kind === 'StaticPod');
    });
    expect(report.daemonSets.some((entry) => entry.kind === 'StaticPod')).toBe(true);
  });

  test('without script: the grouped matrix, and each group\'s node names when expanded', async () => {
    const page = await open({ javaScriptEnabled: false });
    expect(await page.isHidden('#controls')).toBe(true);
    const groups = page.locator('#matrix details.g');
    const count = await groups.count();
    const listed: string[] = [];
    for (let g = 0; g < count; g++) {
      await groups.nth(g).locator('summary > .l').click();
      const names = (await groups.nth(g).locator('.names').innerText()).split('\n').filter((name) => name !== '');
      const cells = await groups.nth(g).locator('summary > i').evaluateAll((all) => all.map((cell) => cell.classList[0] + cell.textContent));
      for (const node of names) {
        const i = report.nodes.indexOf(node);
        expect([node, cells]).toEqual([node, shownCells(report, i)]);
      }
      listed.push(...names);
    }
    expect(listed.sort()).toEqual([...report.nodes].sort());
  });

  test('a screenshot of the page, every group expanded and a cell\'s reasons open, for people to look at', async () => {
    const page = await open();
    await page.click('#expand-all');
    const d = report.daemonSets.findIndex((entry) => entry.name === 'nvidia-device-plugin');
    await page.click(`#matrix .row.node[data-n="${report.nodes.indexOf('cp-1')}"] > i:nth-child(${d + 2})`);
    await page.waitForSelector('#pop:not([hidden]) h3');
    fs.mkdirSync(REPORTS_DIR, { recursive: true });
    const file = path.join(REPORTS_DIR, 'placement-page.png');
    fs.rmSync(file, { force: true });
    await page.screenshot({ path: file, fullPage: true });
    fs.writeFileSync(path.join(REPORTS_DIR, 'placement-page.html'), html);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
});
