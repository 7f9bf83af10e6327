// Drives Chromium through the storyline web UI over the example corpus plus the hostile
// fixture. Usage: node test.mjs BASE_URL
// What the pages show is checked against the JSON API of the same server (the API's own
// tests pin its content), and against facts of the example corpus that come from its
// input files: titles, outlets, languages, the wire copy reprinted by another outlet.
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
  else { failed++; console.log(`FAIL ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail).slice(0, 600)}`); }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sorted = a => [...a].sort();

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
  const api = async path => {
    const res = await page.request.get(base + '/api/' + path);
    if (!res.ok()) throw new Error(`GET /api/${path}: ${res.status()}`);
    return res.json();
  };
  // Checks that nothing on the page outside the article text reads null, undefined or NaN.
  const tidy = async name => {
    const t = await page.locator('main').evaluate(m => {
      const c = m.cloneNode(true);
      c.querySelector('#article-text')?.remove();
      return c.textContent;
    });
    check(`${name}: no null, undefined or NaN shown`, !/\b(null|undefined|NaN)\b/.test(t), t.match(/.{0,40}\b(null|undefined|NaN)\b.{0,40}/)?.[0]);
  };
  // Waits until the page shows the view whose h1 is `title`.
  const view = async (sel, title) => {
    await page.waitForSelector(sel);
    if (title !== undefined) await page.waitForFunction(t => document.querySelector('main h1')?.textContent.startsWith(t), title);
  };

  // ---- Stories -------------------------------------------------------------------
  const stories = (await api('stories?limit=100')).items;
  const details = await Promise.all(stories.map(s => api('stories/' + encodeURIComponent(s.id))));
  await page.goto(base + '/#/');
  await view('.story-card');
  const cards = await text('.story-card h3');
  check('story list shows every story by title', same(sorted(cards), sorted(stories.map(s => s.title))), cards);
  const corpusStories = stories.filter(s => s.id !== 'e2e-forum');
  check('the example corpus forms at least three stories, each titled', corpusStories.length >= 3 && corpusStories.every(s => s.title.trim()), stories);
  check('hostile story title shown as text', cards.includes('Forum thread <img src=x onerror="window.__pwned = 1; alert(4)">'), cards);
  await tidy('story list');
  await shot('1-stories');

  // The troops story holds the wire report and its reprint by The Harbour Herald.
  const wire = 'nws-2024-11-06-nk-troops';
  const troops = details.find(d => d.articles.some(a => a.id === wire));
  check('the wire report is in a story', !!troops, stories.map(s => s.title));
  const dups = troops ? troops.articles.filter(a => a.duplicate_of) : [];
  check('the reprint is marked as a duplicate of an article of the same story',
    dups.length >= 1 && dups.every(a => troops.articles.some(o => o.id === a.duplicate_of)), dups);
  check('the reprint pair spans two outlets', troops && new Set(dups.flatMap(a => [a.source,
    troops.articles.find(o => o.id === a.duplicate_of)?.source])).size === 2, dups);

  await page.click(`.story-card h3 a[href="#/story/${encodeURIComponent(troops.id)}"]`);
  await view('table.sources', troops.title);
  const summary = await page.locator('main > p.muted').first().textContent();
  const n = troops.articles.length, d = dups.length;
  check('story summary counts the duplicate once, as a duplicate',
    summary === `${n} articles: ${n - d} independent, ${d} duplicates`, summary);
  const rows = await page.locator('table.sources tbody tr').evaluateAll(trs => trs.map(tr => Array.from(tr.cells, c => c.textContent)));
  check('sources table lists every outlet with its counts',
    same(rows, troops.sources.map(s => [s.source, String(s.independent), String(s.duplicates)])), rows);
  check('sources table adds up to the articles, duplicates apart',
    rows.reduce((x, r) => x + Number(r[1]), 0) === n - d && rows.reduce((x, r) => x + Number(r[2]), 0) === d, rows);
  check('articles list flags the duplicate', (await page.locator('ul.articles .badge.dup').count()) === d);
  const groups = await page.locator('.claim-group').count();
  const claimRows = await page.locator('table.claims tbody tr').count();
  check('claim table has every group and value', groups === troops.claims.length &&
    claimRows === troops.claims.reduce((x, g) => x + g.values.length, 0), { groups, claimRows });
  const dated = troops.timeline.filter(e => /^\d{4}-\d{2}-\d{2}/.test(e.date || '')).length;
  check('timeline chart has a point per dated event', dated > 0 && (await page.locator('svg.timeline circle.tl-point').count()) === dated, dated);
  const speakers = await text('.speaker h3');
  check('quotes grouped by speaker', speakers.length > 0 &&
    same(speakers, troops.quotes.map(g => g.speaker_name || g.speaker || 'Unattributed')), speakers);
  const quoteTexts = await page.locator('.speaker').evaluateAll(ss => ss.map(s => Array.from(s.querySelectorAll('blockquote'), b => b.firstChild.textContent)));
  check('the reprint\'s quotes are listed once', quoteTexts.every(q => new Set(q).size === q.length), quoteTexts);
  await tidy('story page');
  await shot('2-story');

  // ---- Story → article → entity, by clicking -----------------------------------------
  const first = troops.articles.find(a => !a.duplicate_of && a.lang === 'en');
  await page.click(`ul.articles a[href="#/article/${encodeURIComponent(first.id)}"]`);
  await view('#article-text', first.title);
  check('article page reached from the story', (await page.locator('h1.article-title').textContent()) === first.title);
  await tidy('article page');
  await shot('3-article');
  const doc = await api('articles/' + encodeURIComponent(first.id));
  const linked = doc.mentions.find(m => m.entity && (doc.entities || []).some(e => e.id === m.entity));
  check('the article has a mention of a known entity', !!linked);
  const ent = await api('entities/' + encodeURIComponent(linked.entity));
  await page.locator(`#article-text a[href="#/entity/${encodeURIComponent(linked.entity)}"]`).first().click();
  await view('.entity-name', ent.name);
  check('entity page lists its aliases', same(await text('ul.aliases li'), ent.aliases), ent.aliases);
  check('entity page lists its articles', (await page.locator('ul.entity-articles li').count()) === ent.articles.length);
  await tidy('entity page');
  await shot('4-entity');

  // An entity known under several spellings across languages.
  const all = (await api('entities?limit=500')).items;
  const multi = all.filter(e => e.aliases.length >= 2).sort((a, b) => b.article_count - a.article_count)[0];
  check('some entity carries several aliases', !!multi, all.length);
  await page.goto(base + '/#/entity/' + encodeURIComponent(multi.id));
  await view('.entity-name', multi.name);
  check(`aliases of ${multi.name} shown`, same(await text('ul.aliases li'), multi.aliases), multi.aliases);

  // ---- Every highlighted span is the text at its offsets ------------------------------
  const articles = (await api('articles?limit=500')).items;
  check('all 13 example articles and 2 hostile ones stored', articles.length === 15, articles.length);
  const langs = new Set();
  let spans = 0, nonAscii = 0;
  for (const a of articles) {
    const full = await api('articles/' + encodeURIComponent(a.id));
    await page.goto(base + '/#/article/' + encodeURIComponent(a.id));
    await view('#article-text', full.title || full.id);
    const shown = await page.locator('#article-text').evaluate(n => {
      const by = {};
      n.querySelectorAll('[data-ann]').forEach(x => x.dataset.ann.split(' ').forEach(id => { by[id] = (by[id] || '') + x.textContent; }));
      return { text: n.textContent, by };
    });
    const chars = Array.from(full.text);
    const bad = [];
    let want = 0;
    for (const [key, kind] of [['mentions', 'mention'], ['quotes', 'quote'], ['claims', 'claim'], ['timexes', 'timex']]) {
      (full[key] || []).forEach((x, i) => {
        const at = chars.slice(x.start, x.end).join('');
        if (x.end <= x.start) return;
        want++;
        if (at !== x.text || shown.by[`${kind}:${i}`] !== at) bad.push({ kind, i, start: x.start, end: x.end, at, api: x.text, shown: shown.by[`${kind}:${i}`] });
        else if (/[^\x00-\x7f]/.test(at)) nonAscii++;
      });
    }
    spans += want;
    if (want) langs.add(full.lang);
    check(`${a.lang} article ${a.id}: text intact and ${want} highlights at their offsets`,
      shown.text === full.text && bad.length === 0 && Object.keys(shown.by).length === want, bad.slice(0, 3));
    if (full.lang === 'de' && !langs.has('de-shot')) { langs.add('de-shot'); await shot('5-article-de'); }
    if (full.lang === 'es' && !langs.has('es-shot')) { langs.add('es-shot'); await shot('5-article-es'); }
  }
  check('highlights checked in English, German and Spanish, some with non-ASCII text',
    ['en', 'de', 'es'].every(l => langs.has(l)) && nonAscii > 0 && spans > 100, { langs: [...langs], spans, nonAscii });

  // ---- The hostile article renders as text ------------------------------------------
  await page.goto(base + '/#/article/e2e-hostile');
  await view('#article-text', 'Forum post');
  await page.waitForTimeout(300);
  const body = await page.locator('#article-text').textContent();
  check('hostile script shown as text', body.includes('<script>window.__pwned = 1; alert("x")</script>'), body);
  check('hostile img shown as text', body.includes('<img src=x onerror="window.__pwned = 1; alert(1)">'), body);
  const title = await page.locator('h1.article-title').textContent();
  check('hostile title shown as text', title === 'Forum post <script>window.__pwned = 1; alert("title")</script>', title);
  check('no script, img, svg or b element injected', (await page.locator('main script, main img, main svg:not(.timeline), main b, main i, main u').count()) === 0);
  await page.locator('#article-text [data-ann~="quote:0"]').first().hover();
  await shot('6-hostile');
  await page.locator('#article-text a[data-ann~="mention:0"]').first().click();
  await view('.entity-name', 'Marta Ilves');
  check('hostile alias shown as text', (await text('ul.aliases li')).includes('<svg onload="window.__pwned = 1">Ilves</svg>'));
  await page.goto(base + '/#/story/e2e-forum');
  await view('table.sources', 'Forum thread');
  check('hostile outlet and timeline shown as text', (await text('table.sources td')).includes('Open <i>Forum</i>') &&
    (await page.locator('svg.timeline text').allTextContents()).includes('<script>alert(6)</script> posted'));
  check('no injected code ran', (await page.evaluate(() => window.__pwned)) === undefined);

  // The plain hostile article went through the pipeline.
  await page.goto(base + '/#/search?q=forum');
  await view('.hit', 'Search');
  const hits = await text('.hit h3');
  check('search finds both forum articles', hits.length === 2, hits);
  check('search highlights matched words', (await page.locator('.hit mark').count()) >= 1);
  await page.locator('.hit h3 a', { hasNotText: 'Forum post' }).first().click();
  await view('#article-text');
  check('plain hostile article shown as text', (await page.locator('#article-text').textContent()).includes('<img src=x onerror=alert(3)>'));
  await tidy('plain hostile article page');

  // ---- Search with filters, through the form ----------------------------------------
  await page.goto(base + '/#/search');
  await view('form.search', 'Search');
  await page.fill('input[name=q]', 'Kursk');
  await page.fill('input[name=lang]', 'de');
  await page.click('form.search button');
  await page.waitForSelector('.hit');
  const want = await api('search?q=Kursk&lang=de&limit=20');
  const got = await text('.hit h3');
  check('search filters by language', got.length >= 1 && same(got, want.items.map(h => h.title || h.id)) &&
    want.items.every(h => h.lang === 'de'), { got, want: want.items.map(h => [h.title, h.lang]) });
  const unfiltered = await api('search?q=Kursk&limit=20');
  check('the filter left out the articles in other languages', unfiltered.total > want.total, [unfiltered.total, want.total]);
  await page.fill('input[name=lang]', '');
  await page.fill('input[name=q]', 'cables');
  await page.fill('input[name=source]', 'Northern Wire Service');
  await page.evaluate(() => document.querySelectorAll('.hit').forEach(h => h.remove()));
  await page.click('form.search button');
  await page.waitForSelector('.hit');
  const bySource = await page.locator('.hit .muted').allTextContents();
  check('search filters by outlet', bySource.length >= 1 && bySource.every(m => m.startsWith('Northern Wire Service')), bySource);
  await shot('7-search');

  // ---- Lists ------------------------------------------------------------------------
  await page.goto(base + '/#/entities');
  await view('table tbody tr', 'Entities');
  check('entity list pages through entities', (await page.locator('table tbody tr').count()) === Math.min(50, all.length));
  await page.goto(base + '/#/articles');
  await view('table tbody tr', 'Articles');
  check('article list shows every article', (await page.locator('table tbody tr').count()) === articles.length);
  await shot('8-articles');

  const openapi = await page.request.get(base + '/api/openapi.json');
  check('OpenAPI document served', openapi.ok() && (await openapi.json()).openapi === '3.0.3');
  check('no dialog fired anywhere', dialogs.length === 0, dialogs);
  check('no script errors', errors.length === 0, errors);
} catch (e) {
  check('run completed', false, String(e && e.stack || e));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
