/// <reference lib="dom" />
/*
 * Names, labels and messages come from manifests and inventories nobody vetted: on the page they
 * are text, never markup or script, whether the server wrote them into the HTML, the page data
 * carried them in a <script> element, or the page's script put them into a popup.
 */
import { Browser } from 'playwright-core';
import { BROWSER_TIMEOUT, launchBrowser, OpenedPage, openHtml } from './browser';
import { evaluatePlacement, Finding, formatFieldError, formatWarning, node, PlacementReport, renderHtml } from '../../src';

jest.setTimeout(BROWSER_TIMEOUT);

const EVIL_NODE = '<img src=x onerror=alert(1)>';
const EVIL_NAME = '</script><script>alert(2)</script>\u2028';
const EVIL_LABEL = '<b onmouseover=alert(3)>bold</b>\u2028\u2029';

function daemonSet(namespace: string, name: string, spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { namespace, name },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent:1' }], ...podSpec } },
      ...spec,
    },
  };
}

function untrustedReport(): PlacementReport {
  const report = evaluatePlacement(
    [
      daemonSet('a&b', EVIL_NAME, {}, { nodeSelector: { team: EVIL_LABEL } }),
      daemonSet('default', 'surge', { 'updateStrategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } }, '<i>unknown</i>': 1 }, {
        containers: [{ name: 'agent', image: 'agent:1', resources: { requests: { cpu: '64' } } }],
      }),
    ],
    [node(EVIL_NODE).labels({ team: 'other' }).allocatable({ cpu: '2', memory: '4Gi', pods: '110' }), node('plain-node').labels({ team: EVIL_LABEL })],
  );
  const finding: Finding = { code: 'DuplicateObject', severity: 'error', objects: [`DaemonSet a&b/${EVIL_NAME}`], message: `defined twice: ${EVIL_NAME}` };
  return { ...report, findings: [finding] };
}

describe('untrusted text on the HTML page', () => {
  let browser: Browser;
  let report: PlacementReport;
  let html: string;
  let opened: OpenedPage;

  beforeAll(async () => {
    report = untrustedReport();
    html = renderHtml(report);
    browser = await launchBrowser();
    opened = await openHtml(browser, html);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the report under test carries the markup in a node name, a DaemonSet name, a reason, an error, an advisory and a finding', () => {
    expect(report.nodes).toContain(EVIL_NODE);
    expect(report.daemonSets[0].placements[0].reasons.map((reason) => reason.message).join()).toContain(EVIL_LABEL);
    expect(report.daemonSets[1].errors.length).toBeGreaterThan(0);
    expect(report.daemonSets[1].advisories.map((advisory) => advisory.node)).toEqual([EVIL_NODE]);
  });

  test('the HTML holds no markup of theirs: every < of a name is escaped, and only the page\'s own scripts close', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<\/script>/g)).toHaveLength(4);
    // Inside the JSON of the page data, as escapes: older script parsers read them as line ends.
    const json = /<script type=application\/json id=everynode-meta>(.*?)<\/script>/s.exec(html)![1];
    expect(json).not.toMatch(/[<\u2028\u2029]/);
    expect(json).toContain('\\u2028');
  });

  test('no script of theirs runs and no element of theirs exists; the page works and requested nothing', async () => {
    const { page } = opened;
    expect(await page.evaluate(() => document.querySelectorAll('img, b[onmouseover], script:not([id]):not(:last-of-type)').length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(4);
    expect({ dialogs: opened.dialogs, errors: opened.errors, requests: opened.requests }).toEqual({ dialogs: [], errors: [], requests: [] });
  });

  test('the names read as the text they are: in the matrix, the column titles, the filter and the page data', async () => {
    const { page } = opened;
    const labels = await page.locator('#matrix details.g > summary > .l').allInnerTexts();
    expect(labels.some((label) => label.includes(EVIL_NODE))).toBe(true);
    expect(await page.getAttribute('#matrix .hdr > a:nth-child(2)', 'title')).toBe(`a&b/${EVIL_NAME}`);
    expect(await page.textContent('#matrix .hdr > a:nth-child(2)')).toBe(EVIL_NAME);
    expect(await page.textContent('#ds-filter label:first-child')).toBe(` a&b/${EVIL_NAME}`);
    const ids = await page.evaluate(() => JSON.parse(document.getElementById('everynode-meta')!.textContent!).columns.map((c: { id: string }) => c.id));
    expect(ids).toEqual([`a&b/${EVIL_NAME}`, 'default/surge']);
  });

  test('a reason that prints a label value shows it as text in the popup', async () => {
    const { page } = opened;
    await page.click('#expand-all');
    const row = page.locator(`#matrix .row.node[data-n="${report.nodes.indexOf(EVIL_NODE)}"]`);
    expect(await row.locator('.l').textContent()).toBe(EVIL_NODE);
    await row.locator('i:nth-child(2)').click();
    await page.waitForSelector('#pop:not([hidden]) li');
    expect(await page.textContent('#pop h3')).toBe(`${EVIL_NODE} · a&b/${EVIL_NAME}`);
    const [reason] = report.daemonSets[0].placements[0].reasons;
    expect(await page.locator('#pop li').allTextContents()).toEqual([`${reason.code}: ${reason.message}`]);
    expect(reason.message).toContain(EVIL_LABEL);
    expect(await page.evaluate(() => document.querySelectorAll('#pop *:not(h3):not(p):not(ul):not(li):not(span)').length)).toBe(0);
    await page.keyboard.press('Escape');
  });

  test('validation errors, warnings, advisories and findings are listed under their DaemonSet, and across DaemonSets', async () => {
    const { page } = opened;
    const surge = page.locator('#ds-1');
    expect(await surge.locator('ul.errors li').allTextContents()).toEqual(report.daemonSets[1].errors.map(formatFieldError));
    expect(report.daemonSets[1].warnings.length).toBeGreaterThan(0);
    expect(await surge.locator('ul.warnings li').allTextContents()).toEqual(report.daemonSets[1].warnings.map(formatWarning));
    expect(await surge.locator('ul.warnings li').allTextContents()).toEqual([expect.stringContaining('<i>unknown</i>')]);
    const advisory = report.daemonSets[1].advisories[0];
    expect(await surge.locator('ul.advisories li').allTextContents()).toEqual([`${EVIL_NODE}: ${advisory.code}: ${advisory.message}`]);
    expect(await page.locator('#findings li').allInnerTexts()).toEqual([expect.stringContaining(`DuplicateObject: defined twice: ${EVIL_NAME}`)]);
    const errors = report.daemonSets.reduce((n, entry) => n + entry.errors.length, 0) + 1;
    expect(await page.textContent('header .summary')).toContain(`${errors} errors`);
  });
});
