// Writes the hostile fixture into the folder given as argument, to be ingested beside
// the example corpus:
//   hostile.json       a storyline/1 document annotated by hand: one article whose title,
//                      text, quote, entity alias and story title carry markup and script;
//   hostile-plain.txt  a plain article with markup that goes through the pipeline.
// Offsets are computed here, in Unicode scalar values, from the needles below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node make_hostile.mjs DIR');
mkdirSync(out, { recursive: true });

const TITLE = 'Forum post <script>window.__pwned = 1; alert("title")</script>';
const TEXT = '💬 Reader comment on the cable repairs: <script>window.__pwned = 1; alert("x")</script> ' +
  'and an image <img src=x onerror="window.__pwned = 1; alert(1)"> were pasted here. ' +
  'Marta Ilves said “<b onmouseover=alert(2)>nothing</b> will change” on Friday.';

const chars = s => Array.from(s).length;
function span(needle) {
  const at = TEXT.indexOf(needle);
  if (at < 0) throw new Error(`needle not in text: ${needle}`);
  const start = chars(TEXT.slice(0, at));
  return { text: needle, start, end: start + chars(needle) };
}

const doc = {
  schema: 'storyline/1',
  articles: [{
    id: 'e2e-hostile', path: 'e2e-hostile.txt', url: null, title: TITLE, date: '2024-11-22',
    date_source: 'metadata', lang: 'en', source: 'Open <i>Forum</i>', text: TEXT, duplicate_of: null,
    mentions: [{ ...span('Marta Ilves'), type: 'PERSON', entity: 'e2e-ilves', role: 'moderator <u>x</u>' }],
    quotes: [{ ...span('<b onmouseover=alert(2)>nothing</b> will change'), kind: 'direct', speaker: 'e2e-ilves',
      speaker_name: 'Marta Ilves', cue: 'said', via: [] }],
    claims: [],
    timexes: [{ ...span('Friday'), value: '2024-11-22', type: 'DATE' }],
  }],
  entities: [{
    id: 'e2e-ilves', name: 'Marta Ilves', type: 'PERSON',
    aliases: ['Marta Ilves', '<svg onload="window.__pwned = 1">Ilves</svg>'], roles: ['moderator <u>x</u>'],
    articles: ['e2e-hostile'],
  }],
  stories: [{
    id: 'e2e-forum', title: 'Forum thread <img src=x onerror="window.__pwned = 1; alert(4)">',
    articles: ['e2e-hostile'], claims: [],
    timeline: [{ date: '2024-11-22', article: 'e2e-hostile', text: '<script>alert(6)</script> posted' }],
  }],
};
writeFileSync(join(out, 'hostile.json'), JSON.stringify(doc, null, 1));
writeFileSync(join(out, 'hostile-plain.txt'),
  'Pasted from a forum: <script>alert("plain")</script> <img src=x onerror=alert(3)> ' +
  'The ferry timetable changes on Friday, the operator said.\n');
console.log(`wrote the hostile fixture to ${out}`);
