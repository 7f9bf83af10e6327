// Drives Chromium through the storyline web UI. Usage: node test.mjs BASE_URL
// Prints one line per check and ends with "N passed, M failed"; exits 1 on failure.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) throw new Error('usage: node test.mjs BASE_URL');
const artifacts = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`); }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const dialogs = [];
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', async d => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', e => errors.push(String(e)));
  const shot = name => page.screenshot({ path: join(artifacts, name + '.png'), fullPage: true });
  const text = sel => page.locator(sel).allTextContents();

  // Story list.
  await page.goto(base + '/#/');
  await page.waitForSelector('.story-card');
  const stories = await text('.story-card h3');
  check('story list shows both stories', stories.includes('Port Veland dock strike') && stories.includes('Sava rail bridge closure'), stories);
  await shot('1-stories');

  // Story page.
  await page.click('text=Port Veland dock strike');
  await page.waitForSelector('table.sources');
  const srcRows = await text('table.sources tbody tr');
  check('story lists four outlets', srcRows.length === 4, srcRows);
  check('wire copy counted as duplicate', srcRows.some(r => r.startsWith('Daily Ledger') && r.endsWith('01')), srcRows);
  const groups = await text('.claim-group h3');
  check('claims grouped and disagreement flagged', groups.some(g => g.includes('dockworkers on strike') && g.includes('sources disagree')), groups);
  check('disagreeing claim rows highlighted', await page.locator('tr.disagree').count() >= 2);
  check('timeline chart has three points', await page.locator('svg.timeline circle.tl-point').count() === 3);
  const speakers = await text('.speaker h3');
  check('quotes grouped by speaker', speakers.includes('Marta Ilves') && speakers.includes('Jonas Berg'), speakers);
  await shot('2-story');

  // Article page, reached by clicking.
  await page.click('ul.articles >> text=Dockworkers walk out at Port Veland');
  await page.waitForSelector('#article-text');
  const mention = (await page.locator('#article-text [data-ann~="mention:1"]').allTextContents()).join('');
  check('mention highlighted at the right place after an emoji', mention === 'Marta Ilves', mention);
  const tip = await page.locator('#article-text [data-ann~="mention:1"]').first().getAttribute('title');
  check('mention tooltip names its type and role', /PERSON: Marta Ilves/.test(tip || '') && /head of the Harbour Workers Union/.test(tip || ''), tip);
  const quote = (await page.locator('#article-text [data-ann~="quote:0"]').allTextContents()).join('');
  check('quote highlighted', quote === 'We will stay out until the night shifts are paid properly,', quote);
  const claim = (await page.locator('#article-text .hl.claim').allTextContents()).join('');
  check('claim highlighted', claim === 'About 2,500', claim);
  const timex = (await page.locator('#article-text .hl.timex').allTextContents()).join('');
  check('timex highlighted', timex === 'Monday', timex);
  const plain = await page.locator('#article-text').textContent();
  check('article text intact', plain.startsWith('🚢 PORT VELAND — About 2,500') && plain.endsWith('called the strike unlawful.'), plain.slice(0, 40));
  await shot('3-article');

  // Entity page, reached from the highlighted mention.
  await page.locator('#article-text a[data-ann~="mention:1"]').first().click();
  await page.waitForSelector('.entity-name');
  const aliases = await text('ul.aliases li');
  check('entity page lists aliases in every script', aliases.includes('Марта Ильвес') && aliases.includes('Ilves'), aliases);
  const roles = await text('ul.roles li');
  check('entity page lists roles', roles.includes('head of the Harbour Workers Union'), roles);
  check('entity page lists its quotes', (await page.locator('main blockquote').count()) >= 2);
  await shot('4-entity');

  // The hostile article renders as text.
  await page.goto(base + '/#/article/e2e-hostile');
  await page.waitForSelector('#article-text');
  await page.waitForTimeout(300);
  const body = await page.locator('#article-text').textContent();
  check('hostile script shown as text', body.includes('<script>window.__pwned = 1; alert("x")</script>'), body);
  check('hostile img shown as text', body.includes('<img src=x onerror="window.__pwned = 1; alert(1)">'), body);
  const title = await page.locator('h1.article-title').textContent();
  check('hostile title shown as text', title === 'Forum post <script>window.__pwned = 1; alert("title")</script>', title);
  check('no script or img element injected', (await page.locator('main script, main img, main b').count()) === 0);
  check('no injected code ran', (await page.evaluate(() => window.__pwned)) === undefined);
  await page.locator('#article-text [data-ann~="quote:0"]').first().hover();
  await shot('5-hostile');

  // The hostile plain article went through the pipeline and renders as text too.
  await page.goto(base + '/#/search?q=forum');
  await page.waitForSelector('.hit');
  const hits = await text('.hit h3');
  check('search finds both forum articles', hits.length === 2, hits);
  check('search highlights matched words', (await page.locator('.hit mark').count()) >= 1);
  await page.locator('.hit h3 a', { hasNotText: 'Forum post' }).first().click();
  await page.waitForSelector('#article-text');
  const plainBody = await page.locator('#article-text').textContent();
  check('plain hostile article shown as text', plainBody.includes('<img src=x onerror=alert(3)>'), plainBody);

  // Search with filters, through the form.
  await page.goto(base + '/#/search');
  await page.waitForSelector('form.search');
  await page.fill('input[name=q]', 'strike');
  await page.fill('input[name=source]', 'Nordic Wire');
  await page.click('form.search button');
  await page.waitForSelector('.hit');
  const filtered = await text('.hit h3');
  check('search filters by outlet', filtered.length === 1 && filtered[0] === 'Port strike spreads to night shift', filtered);
  await shot('6-search');

  // Lists.
  await page.goto(base + '/#/entities');
  await page.waitForSelector('table tbody tr');
  check('entity list', (await page.locator('table tbody tr').count()) === 6);
  await page.goto(base + '/#/articles');
  await page.waitForSelector('table tbody tr');
  check('article list', (await page.locator('table tbody tr').count()) === 7);
  await shot('7-articles');

  const api = await page.request.get(base + '/api/openapi.json');
  check('OpenAPI document served', api.ok() && (await api.json()).openapi === '3.0.3');
  check('no dialog fired anywhere', dialogs.length === 0, dialogs);
  check('no script errors', errors.length === 0, errors);
} catch (e) {
  check('run completed', false, String(e));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
