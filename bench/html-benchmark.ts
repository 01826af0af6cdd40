/*
 * The HTML page at scale: for 15,000 nodes and 100 DaemonSets, the size of the file that
 * `everynode place --output html` writes (target: under 5 MB) and how long Chromium takes until the
 * matrix is visible and the page answers (target: 2 s from the start of loading).
 *
 * Run after compiling the library (`npx tsc -p tsconfig.json`):
 *   TS_NODE_PROJECT=bench/tsconfig.json node -r ts-node/register/transpile-only bench/html-benchmark.ts
 * Chromium: /usr/bin/chromium, or the path in EVERYNODE_CHROMIUM.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance as clock } from 'perf_hooks';
import { pathToFileURL } from 'url';
// A tool of the benchmark, not of the library.
// eslint-disable-next-line import/no-extraneous-dependencies
import { chromium } from 'playwright-core';
import { fixedCluster } from './clusters/high-cardinality';
import { median, time } from './measure';
import { syntheticDaemonSets, syntheticInventoryJson } from './synthetic-cluster';
// The compiled library, as users run it.
// eslint-disable-next-line import/no-unresolved
import { evaluatePlacement, renderHtml } from '../lib';

const NODES = 15_000;
const DAEMON_SETS = 100;
const RUNS = 5;
const MAX_BYTES = 5 * 2 ** 20;
const MAX_READY_MS = 2_000;

const CLUSTERS = [
  { name: 'synthetic (bench/synthetic-cluster.ts)', daemonSets: () => syntheticDaemonSets(DAEMON_SETS), inventory: () => syntheticInventoryJson(NODES) },
  { name: 'high-cardinality (bench/clusters/high-cardinality.ts)', daemonSets: () => fixedCluster.daemonSets(DAEMON_SETS), inventory: () => fixedCluster.inventoryJson(NODES) },
];

const ms = (millis: number) => `${millis.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;

interface Load {
  /** From the start of navigation until the matrix's first rows are painted. */
  readonly firstPaint: number;
  /** From the start of navigation until the script has unpacked the data and the filters answer. */
  readonly ready: number;
  /** Expanding the largest group until its node rows are shown. */
  readonly expand: number;
  /** From the start of navigation until the reasons are unpacked too (popups show them). */
  readonly reasonsRead: number;
  /** Clicking a cell until its reasons are shown. */
  readonly reason: number;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.EVERYNODE_CHROMIUM ?? '/usr/bin/chromium' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'everynode-html-'));
  console.log(`everynode place --output html, ${NODES} nodes x ${DAEMON_SETS} DaemonSets; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
  try {
    for (const cluster of CLUSTERS) {
      const report = evaluatePlacement(cluster.daemonSets(), JSON.parse(cluster.inventory()));
      let html = '';
      const renderTime = time(() => { html = renderHtml(report); });
      const file = path.join(dir, 'placement.html');
      fs.writeFileSync(file, html);
      const bytes = Buffer.byteLength(html, 'utf8');
      const groups = /in ([\d,]+) groups? of nodes/.exec(html)?.[1];

      const loads: Load[] = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        const requests: string[] = [];
        page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
        await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
        const timing = await page.evaluate(() => ({
          ready: performance.getEntriesByName('everynode-ready')[0].startTime,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        }));
        let t = clock.now();
        await page.click('details.g[data-g="0"] > summary > .l');
        await page.waitForSelector('details.g[data-g="0"] .row.node');
        const expand = clock.now() - t;
        await page.waitForSelector('html[data-reasons]', { timeout: 60_000 });
        const reasonsRead = await page.evaluate(() => performance.getEntriesByName('everynode-reasons')[0].startTime);
        t = clock.now();
        await page.click('details.g[data-g="0"] .row.node i:nth-of-type(1)');
        await page.waitForSelector('#pop:not([hidden]) h3');
        const reason = clock.now() - t;
        if (requests.length > 0) throw new Error(`the page requested ${requests.join(', ')}`);
        loads.push({ firstPaint: timing.paint, ready: timing.ready, expand, reasonsRead, reason });
        await page.close();
      }
      const ready = median(loads.map((l) => l.ready));
      console.log(`\n${cluster.name}: ${groups} node groups`);
      console.log(`  file size      ${mb(bytes)}  (target < ${mb(MAX_BYTES)}: ${bytes < MAX_BYTES ? 'met' : 'MISSED'})`);
      console.log(`  renderHtml     ${ms(renderTime)}`);
      console.log(`  first paint    ${ms(median(loads.map((l) => l.firstPaint)))}  (median of ${RUNS} loads, from navigation start)`);
      console.log(`  ready          ${ms(ready)}  (data unpacked, filters answer; target < ${ms(MAX_READY_MS)}: ${ready < MAX_READY_MS ? 'met' : 'MISSED'}; `
        + `all runs: ${loads.map((l) => ms(l.ready)).join(', ')})`);
      console.log(`  reasons read   ${ms(median(loads.map((l) => l.reasonsRead)))}  (from navigation start; a popup before says it is reading them)`);
      console.log(`  expand a group ${ms(median(loads.map((l) => l.expand)))}  (the largest, until its node rows show)`);
      console.log(`  show a reason  ${ms(median(loads.map((l) => l.reason)))}  (click a cell until its popup shows)`);
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
