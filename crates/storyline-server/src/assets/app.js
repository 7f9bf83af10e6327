// storyline web UI. Article data is untrusted: every node is built with
// createElement and textContent, never by parsing markup.
'use strict';

const main = () => document.getElementById('main');

// el('a', {href: '#/x', class: 'c', title: 't'}, 'text', child, ...)
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') n.className = v;
    else if (k === 'href') n.setAttribute('href', safeHref(v));
    else if (k === 'text') n.textContent = v;
    else n.setAttribute(k, String(v));
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    n.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return n;
}

// Only in-page routes and plain web links are ever put in an href.
function safeHref(v) {
  const s = String(v);
  if (s.startsWith('#/')) return s;
  if (/^https?:\/\//i.test(s)) return s;
  return '#/';
}

const enc = encodeURIComponent;
const link = (route, text) => el('a', { href: '#/' + route }, text);

async function api(path) {
  const res = await fetch('/api/' + path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

// Conditional parts of a page are null when absent; they are left out, not printed.
function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes.flat().filter(n => n !== null && n !== undefined && n !== false));
  window.scrollTo(0, 0);
}

function pager(page, route, params) {
  const p = new URLSearchParams(params || {});
  const go = (off) => { p.set('offset', off); return '#/' + route + '?' + p.toString(); };
  const end = Math.min(page.offset + page.items.length, page.total);
  return el('div', { class: 'pager' },
    page.offset > 0 ? el('a', { href: go(Math.max(0, page.offset - page.limit)) }, '← previous') : null,
    el('span', { class: 'muted' }, page.total ? `${page.offset + 1}–${end} of ${page.total}` : 'nothing yet'),
    end < page.total ? el('a', { href: go(page.offset + page.limit) }, 'next →') : null);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function fmtNum(x) {
  return x === null || x === undefined ? '–' : Number(x).toLocaleString('en-US');
}

// ---- pages ---------------------------------------------------------------

async function storiesPage(q) {
  const page = await api('stories?limit=20&offset=' + (Number(q.get('offset')) || 0));
  show(el('h1', {}, 'Stories'),
    page.items.length ? null : el('p', { class: 'muted' }, 'No stories in the store yet: ingest some articles with storyline ingest.'),
    ...page.items.map(s => el('div', { class: 'card story-card' },
      el('h3', {}, link('story/' + enc(s.id), s.title)),
      el('span', { class: 'muted' }, plural(s.articles, 'article'), s.first ? ` · ${s.first}` : '', s.last && s.last !== s.first ? ` to ${s.last}` : ''))),
    pager(page, '', {}));
}

function claimTable(groups) {
  if (!groups.length) return el('p', { class: 'muted' }, 'No quantitative claims found in this story.');
  const overlaps = (a, b) => (a.low ?? -Infinity) <= (b.high ?? Infinity) && (b.low ?? -Infinity) <= (a.high ?? Infinity);
  return el('div', {}, ...groups.map(g => {
    const vals = g.values || [];
    const rows = vals.map(v => {
      const odd = g.disagree && vals.some(o => o !== v && !overlaps(v, o));
      return el('tr', { class: odd ? 'disagree' : null, title: odd ? 'disagrees with another source' : null },
        el('td', {}, v.source_name || 'the outlet'),
        el('td', {}, v.text || ''),
        el('td', {}, fmtNum(v.low)), el('td', {}, fmtNum(v.high)),
        el('td', {}, v.hedge || ''), el('td', {}, v.date || ''),
        el('td', {}, link('article/' + enc(v.article), 'article')));
    });
    return el('div', { class: 'claim-group' },
      el('h3', {}, g.counted, g.disagree ? el('span', { class: 'badge warn' }, 'sources disagree') : el('span', { class: 'badge' }, 'consistent')),
      el('table', { class: 'claims' },
        el('thead', {}, el('tr', {}, ...['Source', 'As written', 'Low', 'High', 'Hedge', 'Date', ''].map(h => el('th', {}, h)))),
        el('tbody', {}, ...rows)));
  }));
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

function timelineChart(entries) {
  const dated = entries.filter(e => /^\d{4}-\d{2}-\d{2}/.test(e.date || ''))
    .map(e => ({ ...e, t: Date.parse(e.date.slice(0, 10) + 'T00:00:00Z') }))
    .sort((a, b) => a.t - b.t);
  if (!dated.length) return el('p', { class: 'muted' }, 'No dated events.');
  const W = 960, rowH = 26, top = 30, H = top + dated.length * rowH + 20, left = 110, right = 40;
  const t0 = dated[0].t, t1 = dated[dated.length - 1].t;
  const x = t => left + (t1 === t0 ? (W - left - right) / 2 : (t - t0) / (t1 - t0) * (W - left - right));
  const s = svg('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Timeline' });
  s.append(svg('line', { x1: left, y1: top - 10, x2: W - right, y2: top - 10, stroke: '#98a2b3' }));
  dated.forEach((e, i) => {
    const y = top + i * rowH + 8;
    const cx = x(e.t);
    s.append(svg('line', { x1: cx, y1: top - 10, x2: cx, y2: y, stroke: '#d0d5dd', 'stroke-dasharray': '2 3' }));
    const dot = svg('circle', { cx, cy: y, r: 5, fill: '#2f5bd3', class: 'tl-point' });
    dot.append(svg('title', {}, `${e.date}: ${e.text || ''}`));
    s.append(dot);
    s.append(svg('text', { x: 4, y: y + 4 }, e.date));
    const label = (e.text || '').length > 70 ? e.text.slice(0, 69) + '…' : (e.text || '');
    const anchorEnd = cx > W * 0.6;
    s.append(svg('text', { x: anchorEnd ? cx - 10 : cx + 10, y: y + 4, 'text-anchor': anchorEnd ? 'end' : 'start' }, label));
  });
  return s;
}

function quoteGroups(groups) {
  if (!groups.length) return el('p', { class: 'muted' }, 'No quotes found in this story.');
  return el('div', {}, ...groups.map(g => el('div', { class: 'card speaker' },
    el('h3', {}, g.speaker ? link('entity/' + enc(g.speaker), g.speaker_name || g.speaker) : (g.speaker_name || 'Unattributed')),
    ...g.quotes.map(q => el('blockquote', {},
      q.text, ' ', el('span', { class: 'muted' }, '— ', q.cue || '', q.date ? ` (${q.date}) ` : ' ', link('article/' + enc(q.article), 'source')))))));
}

async function storyPage(id) {
  const s = await api('stories/' + enc(id));
  show(el('h1', {}, s.title),
    el('p', { class: 'muted' }, `${s.articles.length} articles: ${s.independent} independent, ${s.duplicates} duplicates`),
    el('h2', {}, 'Sources'),
    el('table', { class: 'sources' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Outlet'), el('th', {}, 'Independent'), el('th', {}, 'Duplicates'))),
      el('tbody', {}, ...s.sources.map(c => el('tr', {}, el('td', {}, c.source), el('td', {}, c.independent), el('td', {}, c.duplicates))))),
    el('h2', {}, 'Articles'),
    el('ul', { class: 'plain articles' }, ...s.articles.map(a => el('li', {},
      link('article/' + enc(a.id), a.title || a.id), ' ',
      el('span', { class: 'muted' }, [a.source, a.date].filter(Boolean).join(' · ')),
      a.duplicate_of ? el('span', { class: 'badge dup' }, 'duplicate') : null))),
    el('h2', {}, 'Claims compared'), claimTable(s.claims),
    el('h2', {}, 'Timeline'), timelineChart(s.timeline),
    el('h2', {}, 'Quotes by speaker'), quoteGroups(s.quotes));
}

// Splits the text at every annotation boundary; each piece carries the classes and
// descriptions of the annotations covering it. Offsets count Unicode scalar values,
// so the text is indexed as Array.from(text), never by UTF-16 units.
function highlighted(a, names) {
  const chars = Array.from(a.text || '');
  const anns = [];
  const add = (list, kind, cls, describe) => (list || []).forEach((x, i) => {
    const s = Math.max(0, Math.min(chars.length, x.start | 0)), e = Math.max(s, Math.min(chars.length, x.end | 0));
    if (e > s) anns.push({ s, e, kind, cls: cls(x), tip: describe(x), id: `${kind}:${i}`, entity: kind === 'mention' ? x.entity : null });
  });
  add(a.quotes, 'quote', () => 'quote', q => `quote (${q.kind}) by ${q.speaker_name || 'unknown'}${q.cue ? ', cue “' + q.cue + '”' : ''}`);
  add(a.mentions, 'mention', m => 'mention ' + String(m.type).replace(/[^A-Z]/g, ''), m => `${m.type}${m.entity && names[m.entity] ? ': ' + names[m.entity] : ''}${m.role ? ' (' + m.role + ')' : ''}`);
  add(a.claims, 'claim', () => 'claim', c => `claim: ${c.hedge} ${fmtNum(c.low)}–${fmtNum(c.high)}${c.counted ? ' ' + c.counted : ''} (${c.source_name || 'the outlet'})`);
  add(a.timexes, 'timex', () => 'timex', t => `time: ${t.value}`);
  const cuts = new Set([0, chars.length]);
  anns.forEach(x => { cuts.add(x.s); cuts.add(x.e); });
  const pts = [...cuts].sort((p, q) => p - q);
  const out = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const s = pts[i], e = pts[i + 1];
    const piece = chars.slice(s, e).join('');
    const on = anns.filter(x => x.s <= s && e <= x.e);
    if (!on.length) { out.push(document.createTextNode(piece)); continue; }
    const ent = on.find(x => x.entity);
    const attrs = { class: 'hl ' + [...new Set(on.map(x => x.cls))].join(' '), title: on.map(x => x.tip).join('\n'), 'data-ann': on.map(x => x.id).join(' ') };
    out.push(ent ? el('a', { ...attrs, href: '#/entity/' + enc(ent.entity) }, piece) : el('span', attrs, piece));
  }
  return out;
}

async function articlePage(id) {
  const a = await api('articles/' + enc(id));
  const names = {};
  (a.entities || []).forEach(e => { names[e.id] = e.name; });
  const facts = (title, list, render) => el('div', { class: 'card' }, el('h3', {}, `${title} (${(list || []).length})`),
    el('ul', { class: 'plain' }, ...(list || []).map(x => el('li', {}, render(x)))));
  show(el('h1', { class: 'article-title' }, a.title || a.id),
    el('p', { class: 'muted' }, [a.source, a.date, a.lang, a.path].filter(Boolean).join(' · '),
      a.duplicate_of ? el('span', {}, ' · duplicate of ', link('article/' + enc(a.duplicate_of), a.duplicate_of)) : null),
    (a.stories || []).length ? el('p', {}, 'In stories: ', ...a.stories.map(s => link('story/' + enc(s.id), s.title))) : null,
    el('p', { class: 'legend' }, el('span', { class: 'hl mention PERSON' }, 'person'), el('span', { class: 'hl mention ORG' }, 'organisation'),
      el('span', { class: 'hl mention GPE' }, 'place'), el('span', { class: 'hl quote' }, 'quote'), el('span', { class: 'hl claim' }, 'claim'), el('span', { class: 'hl timex' }, 'time')),
    el('div', { class: 'cols' },
      el('div', { class: 'article-text', id: 'article-text' }, ...highlighted(a, names)),
      el('div', {},
        facts('Entities', a.entities, e => el('span', {}, link('entity/' + enc(e.id), e.name), ' ', el('span', { class: 'badge' }, e.type))),
        facts('Quotes', a.quotes, q => el('span', {}, '“', q.text, '” ', el('span', { class: 'muted' }, '— ', q.speaker_name || 'unknown'))),
        facts('Claims', a.claims, c => el('span', {}, c.text, ' ', el('span', { class: 'muted' }, c.counted || ''))),
        facts('Times', a.timexes, t => el('span', {}, t.text, ' → ', el('code', {}, t.value))))));
}

async function entityPage(id) {
  const e = await api('entities/' + enc(id));
  show(el('h1', { class: 'entity-name' }, e.name, el('span', { class: 'badge' }, e.type)),
    el('h2', {}, 'Aliases'), el('ul', { class: 'plain aliases' }, ...e.aliases.map(x => el('li', {}, x))),
    el('h2', {}, 'Roles'), e.roles.length ? el('ul', { class: 'plain roles' }, ...e.roles.map(x => el('li', {}, x))) : el('p', { class: 'muted' }, 'None seen.'),
    el('h2', {}, `Articles (${e.articles.length})`),
    el('ul', { class: 'plain entity-articles' }, ...e.articles.map(a => el('li', {}, link('article/' + enc(a.id), a.title || a.id), ' ',
      el('span', { class: 'muted' }, [a.source, a.date, `${a.mentions} mentions`].filter(Boolean).join(' · '))))),
    el('h2', {}, `Quotes (${e.quotes.total})`),
    ...e.quotes.items.map(q => el('blockquote', {}, q.text, ' ', link('article/' + enc(q.article), 'source'))));
}

async function articlesPage(q) {
  const page = await api('articles?limit=30&offset=' + (Number(q.get('offset')) || 0));
  show(el('h1', {}, 'Articles'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Title', 'Outlet', 'Date', 'Lang', 'Mentions', 'Quotes', 'Claims'].map(h => el('th', {}, h)))),
      el('tbody', {}, ...page.items.map(a => el('tr', {},
        el('td', {}, link('article/' + enc(a.id), a.title || a.id), a.duplicate_of ? el('span', { class: 'badge dup' }, 'duplicate') : null),
        el('td', {}, a.source || ''), el('td', {}, a.date || ''), el('td', {}, a.lang),
        el('td', {}, a.mentions), el('td', {}, a.quotes), el('td', {}, a.claims))))),
    pager(page, 'articles', {}));
}

async function entitiesPage(q) {
  const page = await api('entities?limit=50&offset=' + (Number(q.get('offset')) || 0));
  show(el('h1', {}, 'Entities'),
    el('table', {}, el('thead', {}, el('tr', {}, ...['Name', 'Type', 'Aliases', 'Articles'].map(h => el('th', {}, h)))),
      el('tbody', {}, ...page.items.map(e => el('tr', {},
        el('td', {}, link('entity/' + enc(e.id), e.name)), el('td', {}, e.type),
        el('td', {}, e.aliases.join(', ')), el('td', {}, e.article_count))))),
    pager(page, 'entities', {}));
}

function withMarks(text, ranges) {
  const chars = Array.from(text || '');
  const out = [];
  let at = 0;
  for (const [s, e] of ranges || []) {
    if (s < at || e > chars.length) continue;
    out.push(chars.slice(at, s).join(''), el('mark', {}, chars.slice(s, e).join('')));
    at = e;
  }
  out.push(chars.slice(at).join(''));
  return out;
}

async function searchPage(q) {
  const fields = ['q', 'from', 'to', 'lang', 'source'];
  const form = el('form', { class: 'search' },
    el('input', { name: 'q', placeholder: 'words, "a phrase", title:word', 'aria-label': 'query' }),
    el('input', { name: 'from', placeholder: 'from YYYY-MM-DD', size: 14 }), el('input', { name: 'to', placeholder: 'to YYYY-MM-DD', size: 14 }),
    el('input', { name: 'lang', placeholder: 'lang', size: 5 }), el('input', { name: 'source', placeholder: 'outlet', size: 14 }),
    el('button', { type: 'submit' }, 'Search'));
  fields.forEach(f => { form.elements[f].value = q.get(f) || ''; });
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    fields.forEach(f => { if (form.elements[f].value) p.set(f, form.elements[f].value); });
    location.hash = '#/search?' + p.toString();
  });
  const nodes = [el('h1', {}, 'Search'), form];
  if (fields.some(f => q.get(f))) {
    const p = new URLSearchParams();
    fields.forEach(f => { if (q.get(f)) p.set(f, q.get(f)); });
    p.set('limit', '20');
    p.set('offset', String(Number(q.get('offset')) || 0));
    const page = await api('search?' + p.toString());
    nodes.push(el('p', { class: 'muted' }, `${plural(page.total, 'matching article')}`),
      ...page.items.map(h => el('div', { class: 'card hit' },
        el('h3', {}, link('article/' + enc(h.id), h.title || h.id)),
        el('div', { class: 'muted' }, [h.source, h.date, h.lang].filter(Boolean).join(' · ')),
        el('p', {}, ...withMarks(h.snippet, h.highlights)))),
      pager(page, 'search', Object.fromEntries(fields.filter(f => q.get(f)).map(f => [f, q.get(f)]))));
  }
  show(...nodes);
}

async function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const q = new URLSearchParams(query || '');
  const [page, ...rest] = path.split('/');
  const id = decodeURIComponent(rest.join('/'));
  try {
    if (page === 'story' && id) await storyPage(id);
    else if (page === 'article' && id) await articlePage(id);
    else if (page === 'entity' && id) await entityPage(id);
    else if (page === 'articles') await articlesPage(q);
    else if (page === 'entities') await entitiesPage(q);
    else if (page === 'search') await searchPage(q);
    else await storiesPage(q);
    document.title = 'storyline · ' + (main().querySelector('h1')?.textContent || '');
  } catch (err) {
    show(el('h1', {}, 'Not available'), el('p', { class: 'error' }, String(err.message || err)));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', route);
