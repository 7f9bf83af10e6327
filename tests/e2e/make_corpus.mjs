// Writes the end-to-end corpus into the folder given as argument:
//   story.json  an `analyze --json` document (schema storyline/1) annotated by hand,
//   *.txt       plain articles that go through the pipeline.
// Offsets are computed here, in Unicode scalar values, from the needles below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node make_corpus.mjs DIR');
mkdirSync(out, { recursive: true });

const HOSTILE_TITLE = 'Forum post <script>window.__pwned = 1; alert("title")</script>';
const HOSTILE_TEXT = 'Reader comment on the strike: <script>window.__pwned = 1; alert("x")</script> ' +
  'and an image <img src=x onerror="window.__pwned = 1; alert(1)"> were pasted here. ' +
  'Marta Ilves said “<b onmouseover=alert(2)>nothing</b> will change”.';

const articles = [
  {
    id: 'e2e-herald', title: 'Dockworkers walk out at Port Veland', date: '2025-02-10', source: 'Coastal Herald',
    text: '🚢 PORT VELAND — About 2,500 dockworkers stopped work on Monday, leaving container ships idle in the outer harbour. ' +
      '“We will stay out until the night shifts are paid properly,” said Marta Ilves, head of the Harbour Workers Union. ' +
      'The Port Veland Authority called the strike unlawful.',
    mentions: [['PORT VELAND', 'GPE', 'ent-veland'], ['Marta Ilves', 'PERSON', 'ent-ilves', 'head of the Harbour Workers Union'],
      ['Harbour Workers Union', 'ORG', 'ent-union'], ['Port Veland Authority', 'ORG', 'ent-authority']],
    quotes: [['We will stay out until the night shifts are paid properly,', 'ent-ilves', 'Marta Ilves', 'said']],
    claims: [['About 2,500', 2400, 2600, 'approx', 'dockworkers on strike', 'the outlet']],
    timexes: [['Monday', '2025-02-10']],
  },
  {
    id: 'e2e-wire', title: 'Port strike spreads to night shift', date: '2025-02-11', source: 'Nordic Wire',
    text: 'As many as 2,000 workers have now joined the strike at Port Veland, the union said on Tuesday. ' +
      'Jonas Berg, a spokesman for the Port Veland Authority, said “talks can resume tomorrow”.',
    mentions: [['Port Veland', 'GPE', 'ent-veland'], ['Jonas Berg', 'PERSON', 'ent-berg', 'spokesman'],
      ['Port Veland Authority', 'ORG', 'ent-authority']],
    quotes: [['talks can resume tomorrow', 'ent-berg', 'Jonas Berg', 'said']],
    claims: [['As many as 2,000', 0, 2000, 'up_to', 'dockworkers on strike', 'the union']],
    timexes: [['Tuesday', '2025-02-11'], ['tomorrow', '2025-02-12']],
  },
  {
    id: 'e2e-ledger', title: 'Port strike spreads to night shift', date: '2025-02-11', source: 'Daily Ledger', duplicate_of: 'e2e-wire',
    text: 'As many as 2,000 workers have now joined the strike at Port Veland, the union said on Tuesday. ' +
      'Jonas Berg, a spokesman for the Port Veland Authority, said “talks can resume tomorrow”.',
    mentions: [['Port Veland', 'GPE', 'ent-veland'], ['Jonas Berg', 'PERSON', 'ent-berg']],
    quotes: [['talks can resume tomorrow', 'ent-berg', 'Jonas Berg', 'said']],
    claims: [['As many as 2,000', 0, 2000, 'up_to', 'dockworkers on strike', 'the union']],
    timexes: [['Tuesday', '2025-02-11']],
  },
  {
    id: 'e2e-hostile', title: HOSTILE_TITLE, date: '2025-02-12', source: 'Open Forum', text: HOSTILE_TEXT,
    mentions: [['Marta Ilves', 'PERSON', 'ent-ilves']],
    quotes: [['<b onmouseover=alert(2)>nothing</b> will change', 'ent-ilves', 'Marta Ilves', 'said']],
    claims: [], timexes: [],
  },
  {
    id: 'e2e-bridge', title: 'Rail bridge over the Sava closed for repairs', date: '2025-02-09', source: 'Coastal Herald',
    text: 'Engineers closed the Sava rail bridge on Sunday after finding cracks in two of its 14 piers. ' +
      'Repairs will take at least three weeks, the rail operator said.',
    mentions: [['Sava', 'LOC', 'ent-sava']],
    quotes: [], claims: [['two', 2, 2, 'exact', 'cracked piers', 'the outlet']], timexes: [['Sunday', '2025-02-09']],
  },
];

const chars = s => Array.from(s).length;
function span(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`needle not in text: ${needle}`);
  const start = chars(text.slice(0, at));
  return { text: needle, start, end: start + chars(needle) };
}

const docArticles = articles.map(a => ({
  id: a.id, path: `${a.id}.txt`, url: null, title: a.title, date: a.date, date_source: 'metadata', lang: 'en',
  source: a.source, text: a.text, duplicate_of: a.duplicate_of || null,
  mentions: a.mentions.map(([n, type, entity, role]) => ({ ...span(a.text, n), type, entity, ...(role ? { role } : {}) })),
  quotes: a.quotes.map(([n, speaker, speaker_name, cue]) => ({ ...span(a.text, n), kind: 'direct', speaker, speaker_name, cue, via: [] })),
  claims: a.claims.map(([n, low, high, hedge, counted, source_name]) => ({ ...span(a.text, n), low, high, hedge, counted, where: 'Port Veland', source: null, source_name, date: a.date })),
  timexes: a.timexes.map(([n, value]) => ({ ...span(a.text, n), value, type: 'DATE' })),
}));

const entity = (id, name, type, aliases, roles) => ({
  id, name, type, aliases, roles,
  articles: docArticles.filter(a => a.mentions.some(m => m.entity === id)).map(a => a.id),
});

const doc = {
  schema: 'storyline/1',
  articles: docArticles,
  entities: [
    entity('ent-ilves', 'Marta Ilves', 'PERSON', ['Marta Ilves', 'Ilves', 'Марта Ильвес'], ['head of the Harbour Workers Union']),
    entity('ent-berg', 'Jonas Berg', 'PERSON', ['Jonas Berg', 'Berg'], ['spokesman for the Port Veland Authority']),
    entity('ent-veland', 'Port Veland', 'GPE', ['Port Veland', 'PORT VELAND'], []),
    entity('ent-union', 'Harbour Workers Union', 'ORG', ['Harbour Workers Union'], []),
    entity('ent-authority', 'Port Veland Authority', 'ORG', ['Port Veland Authority'], []),
    entity('ent-sava', 'Sava', 'LOC', ['Sava'], []),
  ],
  stories: [
    {
      id: 'story-port-strike', title: 'Port Veland dock strike',
      articles: ['e2e-herald', 'e2e-wire', 'e2e-ledger', 'e2e-hostile'], claims: [],
      timeline: [
        { date: '2025-02-10', article: 'e2e-herald', text: 'About 2,500 dockworkers stop work' },
        { date: '2025-02-11', article: 'e2e-wire', text: 'Strike spreads to the night shift' },
        { date: '2025-02-12', article: 'e2e-wire', text: 'Talks expected to resume' },
      ],
    },
    { id: 'story-sava-bridge', title: 'Sava rail bridge closure', articles: ['e2e-bridge'], claims: [], timeline: [] },
  ],
};
writeFileSync(join(out, 'story.json'), JSON.stringify(doc, null, 1));
writeFileSync(join(out, 'hostile-plain.txt'),
  'Pasted from a forum: <script>alert("plain")</script> <img src=x onerror=alert(3)> The ferry timetable changes on Friday.\n');
writeFileSync(join(out, 'ferry.txt'),
  'The island ferry will run an extra evening crossing from Friday, the operator said, after complaints from commuters.\n');
console.log(`wrote ${docArticles.length} annotated articles and 2 plain ones to ${out}`);
