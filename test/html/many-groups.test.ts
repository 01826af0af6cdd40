/// <reference lib="dom" />
/*
 * A report whose nodes split into more groups than the page writes out: the page holds the
 * largest groups, the script adds the others on request or when a search finds their nodes, and
 * those rows show the same verdicts as the report. The page reads the evaluator's verdict
 * tables, never the per-node placements, and writes what a report read back from JSON gives.
 */
import { gunzipSync } from 'zlib';
import { Browser } from 'playwright-core';
import { BROWSER_TIMEOUT, launchBrowser, OpenedPage, openHtml } from './browser';
import { DaemonSetPlacement, evaluatePlacement, node, PlacementReport, renderHtml, renderJson } from '../../src';
import { VERDICT_TABLE, WithVerdictTable } from '../../src/placement/verdict-table';

jest.setTimeout(BROWSER_TIMEOUT);

const SELECTORS = 8;

/** 8 DaemonSets, each for the nodes labelled `bN=yes`; 256 nodes, one per combination, and a few alike. */
function combinationsReport(): PlacementReport {
  const daemonSets = Array.from({ length: SELECTORS }, (_, b) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { namespace: 'agents', name: `agent-${b}` },
    spec: {
      selector: { matchLabels: { app: `agent-${b}` } },
      template: {
        metadata: { labels: { app: `agent-${b}` } },
        spec: { nodeSelector: { [`b${b}`]: 'yes' }, containers: [{ name: 'agent', image: 'agent:1' }] },
      },
    },
  }));
  const nodes = Array.from({ length: 2 ** SELECTORS + 4 }, (_, n) => {
    const combination = n % 2 ** SELECTORS;
    const labels = Object.fromEntries(Array.from({ length: SELECTORS }, (__, b) => [`b${b}`, Math.floor(combination / 2 ** b) % 2 === 1 ? 'yes' : 'no']));
    return node(`node-${String(n).padStart(3, '0')}`).labels(labels);
  });
  return evaluatePlacement(daemonSets, nodes);
}

/** What the page's popups say of each node and column: the reasons in its data, per column and node. */
function reasonsOnThePage(html: string): string[][][] {
  const packed = /<script type=text\/plain id=everynode-reasons>([^<]*)<\/script>/.exec(html)![1];
  const data = JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8'));
  const nodeCount = (JSON.parse(/<script type=application\/json id=everynode-meta>(.*?)<\/script>/s.exec(html)![1])).nodeCount;
  return data.columns.map((column: { index: number; of: number[]; verdicts: number[][] }) =>
    Array.from({ length: nodeCount }, (_, i) => column.verdicts[column.of[column.index < 0 ? i : data.indexes[column.index][i]]]
      .map((id) => `${data.reasons[id][0]}: ${data.reasons[id][1]}`)));
}

function stateOf(entry: DaemonSetPlacement, i: number): string {
  const placement = entry.placements[i];
  return placement.shouldRun ? 'r' : placement.shouldContinueRunning ? 'k' : 'n';
}

describe('a report of 256 groups', () => {
  let report: PlacementReport;
  let html: string;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    report = combinationsReport();
    html = renderHtml(report);
    browser = await launchBrowser();
    opened = await openHtml(browser, html);
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    expect({ requests: opened.requests, dialogs: opened.dialogs, errors: opened.errors }).toEqual({ requests: [], dialogs: [], errors: [] });
  });

  test('is read from the verdict tables: entries whose placements throw give the same page', () => {
    const guarded = report.daemonSets.map((entry) => {
      const { placements: _, ...rest } = entry;
      const copy = { ...rest };
      Object.defineProperty(copy, 'placements', { enumerable: true, get: () => { throw new Error('placements read'); } });
      Object.defineProperty(copy, VERDICT_TABLE, { value: (entry as WithVerdictTable)[VERDICT_TABLE] });
      return copy as unknown as DaemonSetPlacement;
    });
    expect(renderHtml({ ...report, daemonSets: guarded })).toBe(html);
  });

  test('is the page a report read back from JSON gives, whose entries have placements only', () => {
    const fromJson = renderHtml(JSON.parse(renderJson(report)));
    // The reasons' data differ in form only: per class of nodes from the tables, per node from JSON.
    const reasonsData = /<script type=text\/plain id=everynode-reasons>[^<]*<\/script>/;
    expect(fromJson.replace(reasonsData, '')).toBe(html.replace(reasonsData, ''));
    expect(reasonsOnThePage(fromJson)).toEqual(reasonsOnThePage(html));
    expect(reasonsOnThePage(html)[1][0]).toEqual(['NodeSelectorMismatch: nodeSelector b1=yes not matched (node: \'no\')']);
  });

  test('the page writes out the 100 largest groups, and says how many more there are', () => {
    expect(html.match(/<details class=g /g)).toHaveLength(100);
    expect(html).toContain('and 156 smaller groups of 156 nodes, which the page\'s script lists');
    expect(html).toContain('<b>2 nodes</b> <span class=n1>node-000</span>');
  });

  test('"Show more" adds the other groups, each with its nodes\' verdicts', async () => {
    const { page } = opened;
    expect(await page.locator('#matrix details.g').count()).toBe(100);
    await page.click('#more-groups button');
    expect(await page.locator('#matrix details.g').count()).toBe(200);
    await page.click('#more-groups button');
    expect(await page.locator('#matrix details.g:not([hidden])').count()).toBe(256);
    expect(await page.locator('#more-groups button').count()).toBe(0);
    const groups = await page.evaluate(() => Array.from(document.querySelectorAll('#matrix details.g')).map((group) => ({
      first: group.querySelector('summary .n1')!.textContent!,
      states: Array.from(group.querySelectorAll('summary > i')).map((cell) => cell.classList[0]).join(''),
    })));
    for (const group of groups) {
      const i = report.nodes.indexOf(group.first);
      expect([group.first, group.states]).toEqual([group.first, report.daemonSets.map((entry) => stateOf(entry, i)).join('')]);
    }
    expect(new Set(groups.map((group) => group.first)).size).toBe(256);
  });

  test('the search finds a node whose group the page did not write out', async () => {
    const { page } = opened;
    await page.reload();
    await page.waitForSelector('html[data-ready=""][data-reasons]');
    const last = report.nodes[255];
    expect(html).not.toContain(`>${last}<`);
    await page.fill('#search', last);
    await page.waitForSelector('#matrix .row.node[data-n="255"]');
    expect(await page.locator('#matrix details.g:not([hidden])').count()).toBe(1);
    const cells = await page.locator('#matrix .row.node[data-n="255"] > i').evaluateAll((all) => all.map((cell) => cell.classList[0]).join(''));
    expect(cells).toBe(report.daemonSets.map((entry) => stateOf(entry, 255)).join(''));
  });
});
