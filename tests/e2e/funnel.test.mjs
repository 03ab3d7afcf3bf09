// The desk's funnel and themes page, behind the helpdesk login: a database seeded by the
// real desk commands (import-feed, notify, verify) and the real collector; the page's
// numbers match what the database holds; the charts are SVG drawn by the server, with a
// title, text labels and a table beside them; the exports download; it reads on a phone.
// Screenshots of the charts land in tests/e2e/artifacts/funnel/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, PHONE, DESKTOP } from './browser.mjs';
import { startServer, ARTIFACTS } from './harness.mjs';
import { importFeed, notify, verify, finalReport, progressReport, postReport, sighting, countInDatabase, helpdeskPassword } from './desk-seed.mjs';

const DAY = 86400;
let server, browser;
const tokens = {};

before(async () => {
  server = await startServer();
  browser = await launch();
  const now = Math.floor(Date.now() / 1000);
  // Eight customers; notify writes their e-mails (this week) and mints their links.
  const rows = [];
  for (let i = 1; i <= 8; i++) rows.push(sighting({ customer: `K-${i}`, ticket: `CS-2026-900000${i}`, lang: i % 2 ? 'nl' : 'en', at: now - 5 * DAY }));
  importFeed(server, rows);
  notify(server);
  for (let i = 1; i <= 8; i++) tokens[i] = server.mint(`CS-2026-900000${i}`, 'nl', { tag: 'mirai', port: 23 }).split('#t=')[1];
  const id = i => `funnelJourney${i}abcdefgh`;
  // 1-2 opened and stopped on the welcome; 3 chose the device and stopped at the reset's
  // check; 4 got to the password step; 5-7 finished 'remediated'; 8 never opened the link.
  for (const i of [1, 2]) await postReport(server, progressReport(`CS-2026-900000${i}`, tokens[i], id(i), { screen: 'welcome', step: 'welcome', device_id: undefined }));
  await postReport(server, progressReport('CS-2026-9000003', tokens[3], id(3), { screen: 'verify_question', step: 'verify_reset' }));
  await postReport(server, progressReport('CS-2026-9000004', tokens[4], id(4), { screen: 'password_choose', step: 'password' }));
  for (const i of [5, 6, 7]) await postReport(server, finalReport(`CS-2026-900000${i}`, tokens[i], id(i)));
  // 6 is seen again tomorrow; a row a week on carries the feed past the quiet days.
  importFeed(server, [sighting({ customer: 'K-6', at: now + DAY }), sighting({ customer: 'K-9', at: now + 3 * DAY })]);
  verify(server, 2);
});
after(async () => { await browser?.close(); server?.stop(); });

async function loggedIn(device) {
  const context = await browser.newContext({ ...device, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.base}/helpdesk/`);
  await page.locator('#name').fill('helpdesk');
  await page.locator('#password').fill(helpdeskPassword(server));
  await page.locator('#login-form button[type=submit]').click();
  await page.locator('#logout').waitFor();
  return { context, page };
}

// The number in the weekly table's row for this week, in the column with this heading.
async function cell(page, heading) {
  const headings = await page.locator('#cohort-title ~ .table-wrap th[scope=col]').allInnerTexts();
  const column = headings.indexOf(heading);
  assert.ok(column >= 0, `no column ${heading} in ${headings}`);
  return Number(await page.locator('#cohort-title ~ .table-wrap tbody tr').last().locator('th, td').nth(column).innerText());
}

test('the funnel\'s counts match the database, with charts as pictures and tables beside them', async () => {
  const { context, page } = await loggedIn(DESKTOP);
  await page.goto(`${server.base}/helpdesk/funnel?weeks=4&lang=en`);
  await page.getByRole('heading', { name: 'Funnel and themes', level: 1 }).waitFor();

  const db = sql => countInDatabase(server, sql);
  assert.equal(await cell(page, 'Notified (e-mail written)'), db('SELECT count(*) FROM feed_cases WHERE notified_at > 0'));
  assert.equal(await cell(page, 'Notified (e-mail written)'), 8);
  assert.equal(await cell(page, 'Opened the link'), db('SELECT count(DISTINCT ticket) FROM reports'));
  assert.equal(await cell(page, 'Opened the link'), 7);
  assert.equal(await cell(page, 'Identified the device'), 5);
  assert.equal(await cell(page, 'Passed the reset check'), 4);
  assert.equal(await cell(page, 'Set a new password'), 3);
  assert.equal(await cell(page, 'Reported fixed'), db("SELECT count(DISTINCT ticket) FROM reports WHERE kind = 'final' AND outcome = 'remediated'"));
  assert.equal(await cell(page, 'No longer seen (verified)'), db("SELECT count(*) FROM feed_cases WHERE status = 'verified_clean'"));
  assert.equal(await cell(page, 'No longer seen (verified)'), 2);
  assert.equal(await cell(page, 'Reinfected'), db('SELECT count(*) FROM feed_cases WHERE reinfected_at > 0'));
  assert.equal(await cell(page, 'Reinfected'), 1);

  // The charts: SVG with an accessible name and description, every number as text.
  const funnel = page.locator('svg#chart-funnel');
  assert.equal(await funnel.getAttribute('role'), 'img');
  assert.match(await funnel.locator('title').textContent(), /Funnel/);
  assert.match(await funnel.locator('desc').textContent(), /8 cases were notified/);
  assert.deepEqual((await funnel.locator('text').allTextContents()).slice(0, 4), ['Notified (e-mail written)', '8 (100 %)', 'Opened the link', '7 (88 %)']);
  const stalls = await page.locator('svg#chart-stalls text').allTextContents();
  assert.ok(stalls.includes('Welcome') && stalls.includes('2 (50 %)'), stalls.join(' | '));
  assert.ok(await page.locator('svg#chart-themes-reset').count() === 1, 'themes of the reset step');
  await page.getByText('Ik kon het knopje eerst niet vinden', { exact: false }).first().waitFor({ state: 'attached' });

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(axe.violations.map(v => `${v.id}: ${v.nodes.length}`), []);

  const dir = join(ARTIFACTS, 'funnel');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'page-desktop.png'), fullPage: true });
  for (const chart of ['chart-funnel', 'chart-times', 'chart-stalls', 'chart-themes-reset'])
    await page.locator(`svg#${chart}`).screenshot({ path: join(dir, `${chart}.png`) });

  // The exports: the same numbers.
  const csv = await (await page.request.get(`${server.base}/api/helpdesk/funnel.csv?weeks=4`)).text();
  const [header, row] = csv.trim().split('\r\n');
  assert.equal(header, 'week,starts,notified,opened,identified,reset_verified,password_set,remediated,verified_clean,reinfected');
  assert.deepEqual(row.split(',').slice(2).map(Number), [8, 7, 5, 4, 3, 3, 2, 1]);
  const json = await (await page.request.get(`${server.base}/api/helpdesk/funnel.json?weeks=4`)).json();
  assert.deepEqual(json.total, { notified: 8, opened: 7, identified: 5, reset_verified: 4, password_set: 3, remediated: 3, verified_clean: 2, reinfected: 1 });
  await context.close();
});

test('the funnel page reads on a phone and in Dutch, and needs a login', async () => {
  const anonymous = await browser.newContext({ ...DESKTOP });
  const refused = await anonymous.request.get(`${server.base}/api/helpdesk/funnel.json`);
  assert.equal(refused.status(), 401);
  await anonymous.close();

  const { context, page } = await loggedIn(PHONE);
  await page.goto(`${server.base}/helpdesk/funnel?weeks=4&lang=nl`);
  await page.getByRole('heading', { name: 'Trechter en thema\'s', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  // No sideways scrolling of the page itself (tables scroll inside their own box).
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize));
  assert.ok(size >= 16, `body text ${size}px`);
  await page.screenshot({ path: join(ARTIFACTS, 'funnel', 'page-phone-nl.png'), fullPage: true });
  await context.close();
});
