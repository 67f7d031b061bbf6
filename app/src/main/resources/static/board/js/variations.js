// The variation map: schools down, standards across, each cell the school's rule in force on a date, as the
// record stood at a moment. One request: rulesInForce for each school under an alias (at most 30 a request).
import { $, day, el, gql, page, param, notFound, trustOf, when } from './accord.js';
import { statusBadge, words } from './words.js';

const RULES = 'standard { id title } version { number effectiveFrom } alignment status '
  + 'variation { id kind status version description justification reviewBy expiresOn decidedBy { id displayName nameErased } }';

const TRUST_FIELDS = 'schools { id name phase }';
const SCHOOLS_PER_REQUEST = 20;

page('variations.html', async (main, me) => {
  const trust = await trustOf(me, TRUST_FIELDS);
  if (!trust) {
    main.replaceChildren(el('h1', {}, 'Variation map'), notFound('The trust "' + param('trust') + '"'));
    return;
  }
  const form = el('form', { class: 'panel pick', id: 'when', 'aria-label': 'Choose the date' },
    el('div', {}, el('label', { for: 'as-of' }, 'Rules in force on'),
      el('input', { id: 'as-of', type: 'date', value: param('asOf') || new Date().toISOString().slice(0, 10) })),
    el('div', {}, el('label', { for: 'known-at' }, 'As the record stood at (UTC; empty: now)'),
      el('input', { id: 'known-at', type: 'datetime-local', step: 1, value: param('knownAt') || '' })),
    el('button', { type: 'submit', id: 'show' }, 'Show'));
  form.addEventListener('submit', event => { event.preventDefault(); draw(trust); });
  main.replaceChildren(el('h1', {}, 'Variation map: ', trust.name),
    el('p', { class: 'muted' }, 'Each school against each standard in force: aligned, how it implements an adaptable ',
      'standard, or its approved exception. Open a cell for the justification.'),
    form, legend(), el('p', { class: 'status', id: 'map-status', role: 'status', 'aria-live': 'polite' }),
    el('div', { class: 'table-wrap', id: 'map' }));
  await draw(trust);
}, TRUST_FIELDS);

function legend() {
  return el('p', { class: 'muted', id: 'legend' }, 'Key: ',
    ['ALIGNED', 'IMPLEMENTED', 'EXCEPTION', 'NEEDS_REJUSTIFICATION', 'IMPLEMENTATION_MISSING']
      .flatMap(s => [statusBadge(s), ' ']));
}

async function draw(trust) {
  const asOf = $('as-of').value || null;
  const knownAtLocal = $('known-at').value;
  const knownAt = knownAtLocal ? new Date(knownAtLocal + (knownAtLocal.length === 16 ? ':00' : '') + 'Z').toISOString() : null;
  const status = $('map-status');
  status.textContent = 'Loading…';
  // Accord refuses a query of more than 500 fields (accord.graphql.max-complexity): each school's rules ask for 22,
  // so a request carries 20 schools, and the requests of a large trust go out together
  const chunks = [];
  for (let start = 0; start < trust.schools.length; start += SCHOOLS_PER_REQUEST) {
    chunks.push(trust.schools.slice(start, start + SCHOOLS_PER_REQUEST));
  }
  const rules = new Map();
  await Promise.all(chunks.map(async chunk => {
    const query = 'query Map($asOf: Date, $knownAt: DateTime) { ' + chunk.map((s, i) =>
      `s${i}: rulesInForce(schoolId: ${JSON.stringify(s.id)}, asOf: $asOf, knownAt: $knownAt) { ${RULES} }`).join(' ') + ' }';
    const data = await gql(query, { asOf, knownAt });
    chunk.forEach((s, i) => rules.set(s.id, data['s' + i]));
  }));
  const standards = new Map();
  for (const list of rules.values()) {
    for (const rule of list) standards.set(rule.standard.id, rule);
  }
  const columns = [...standards.values()].sort((a, b) => a.standard.title.localeCompare(b.standard.title));
  status.textContent = 'Rules in force on ' + day(asOf) + (knownAt ? ', as recorded at ' + when(knownAt) : '')
    + ': ' + columns.length + ' standards, ' + trust.schools.length + ' schools.';
  if (columns.length === 0) {
    $('map').replaceChildren(el('p', { id: 'map-empty' }, 'No standard was in force on that date.'));
    return;
  }
  const table = el('table', { class: 'map', id: 'map-table' },
    el('caption', { class: 'muted' }, 'Schools and the standards in force on ' + day(asOf)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'School'), columns.map(rule => el('th', { scope: 'col' },
      el('a', { href: 'standard.html?id=' + encodeURIComponent(rule.standard.id) }, rule.standard.title),
      el('br'), el('span', { class: 'muted' }, 'v' + rule.version.number + ' · ' + words(rule.alignment)))))),
    el('tbody', {}, trust.schools.map(school => el('tr', {},
      el('th', { scope: 'row' }, school.name),
      columns.map(column => cell(school, (rules.get(school.id) || []).find(r => r.standard.id === column.standard.id),
        column.standard.id))))));
  $('map').replaceChildren(table);
}

function cell(school, rule, standardId) {
  // every column is in force on the date: a school without the rule is one the standard does not apply to then
  if (!rule) return el('td', { 'data-school': school.id, 'data-standard': standardId, 'data-status': 'NOT_APPLICABLE' },
    el('span', { class: 'muted', title: 'The standard does not apply to this school on that date (its phase then)' },
      'does not apply'));
  const v = rule.variation;
  const explanation = v ? (v.kind === 'EXCEPTION' ? 'Exception' : 'Implementation') + ' (' + v.status.toLowerCase()
    + ', against version ' + v.version + '): ' + (v.justification || '') : explain(rule.status);
  return el('td', { 'data-school': school.id, 'data-standard': rule.standard.id, 'data-status': rule.status },
    el('details', {}, el('summary', { title: explanation }, statusBadge(rule.status)),
      v ? [
        v.description ? el('p', {}, el('strong', {}, 'What: '), v.description) : null,
        el('p', { class: 'justification' }, el('strong', {}, 'Why: '), v.justification || 'no justification recorded'),
        el('p', { class: 'muted' }, v.kind.toLowerCase() + ', ' + v.status.toLowerCase() + ', pinned to version '
          + v.version + (v.reviewBy ? '; review by ' + day(v.reviewBy) : '') + (v.expiresOn ? '; expires ' + day(v.expiresOn) : '')
          + (v.decidedBy ? '; decided by ' + (v.decidedBy.displayName || v.decidedBy.id) : '')),
        el('a', { href: 'standard.html?id=' + encodeURIComponent(rule.standard.id) + '#variation-' + encodeURIComponent(v.id) },
          'The variation on the standard\'s page')
      ] : el('p', {}, explanation)));
}

function explain(status) {
  switch (status) {
    case 'ALIGNED': return 'The school follows the standard as written.';
    case 'IMPLEMENTATION_MISSING': return 'An adaptable standard, and the school has not recorded how it meets it.';
    case 'NEEDS_REJUSTIFICATION': return 'The standard has changed since the school justified its variation.';
    default: return status;
  }
}
