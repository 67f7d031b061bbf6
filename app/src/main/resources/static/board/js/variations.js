// The variation map: schools down, standards across, each cell the school's rule in force on a date, as the
// record stood at a moment. One request (variationMap: a status and a variation id per cell, so 50 schools × 500
// standards stay a few hundred kilobytes); a cell's words are fetched when it is opened.
import { $, day, el, gql, page, param, notFound, trustOf, when } from './accord.js';
import { statusBadge, words } from './words.js';

const MAP = 'query Map($trustId: ID!, $asOf: Date, $knownAt: DateTime) { variationMap(trustId: $trustId, asOf: $asOf, '
  + 'knownAt: $knownAt) { columns { standardId title version alignment } rows { school { id } statuses variationIds } } }';

const VARIATION = 'query Cell($id: ID!) { variation(id: $id) { id kind status version description justification '
  + 'reviewBy expiresOn decidedBy { id displayName nameErased } } }';

const TRUST_FIELDS = 'schools { id name phase }';

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
  const { variationMap: map } = await gql(MAP, { trustId: trust.id, asOf, knownAt });
  const rows = new Map(map.rows.map(row => [row.school.id, row]));
  const columns = map.columns;
  status.textContent = 'Rules in force on ' + day(asOf) + (knownAt ? ', as recorded at ' + when(knownAt) : '')
    + ': ' + columns.length + ' standards, ' + trust.schools.length + ' schools.';
  if (columns.length === 0) {
    $('map').replaceChildren(el('p', { id: 'map-empty' }, 'No standard was in force on that date.'));
    return;
  }
  const table = el('table', { class: 'map', id: 'map-table' },
    el('caption', { class: 'muted' }, 'Schools and the standards in force on ' + day(asOf)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'School'), columns.map(column => el('th', { scope: 'col' },
      el('a', { href: 'standard.html?id=' + encodeURIComponent(column.standardId) }, column.title),
      el('br'), el('span', { class: 'muted' }, 'v' + column.version + ' · ' + words(column.alignment)))))),
    el('tbody', {}, trust.schools.map(school => {
      const row = rows.get(school.id);
      return el('tr', {}, el('th', { scope: 'row' }, school.name),
        columns.map((column, i) => cell(school, column.standardId, row ? row.statuses[i] : null,
          row ? row.variationIds[i] : null)));
    })));
  $('map').replaceChildren(table);
}

function cell(school, standardId, ruleStatus, variationId) {
  // every column is in force on the date: a school without a status is one the standard does not apply to then
  if (!ruleStatus) return el('td', { 'data-school': school.id, 'data-standard': standardId, 'data-status': 'NOT_APPLICABLE' },
    el('span', { class: 'muted', title: 'The standard does not apply to this school on that date (its phase then)' },
      'does not apply'));
  const details = el('details', {}, el('summary', { title: variationId ? words(ruleStatus) + ': open for what and why'
    : explain(ruleStatus) }, statusBadge(ruleStatus)),
    variationId ? el('p', { class: 'muted', role: 'status' }, 'Loading…') : el('p', {}, explain(ruleStatus)));
  if (variationId) {
    details.addEventListener('toggle', () => {
      if (details.open && !details.dataset.loaded) {
        details.dataset.loaded = 'yes';
        explainVariation(details, standardId, variationId);
      }
    });
  }
  return el('td', { 'data-school': school.id, 'data-standard': standardId, 'data-status': ruleStatus }, details);
}

async function explainVariation(details, standardId, variationId) {
  const summary = details.querySelector('summary');
  try {
    const { variation: v } = await gql(VARIATION, { id: variationId });
    if (!v) throw new Error('The variation is no longer readable.');
    const parts = [
      v.description ? el('p', {}, el('strong', {}, 'What: '), v.description) : null,
      el('p', { class: 'justification' }, el('strong', {}, 'Why: '), v.justification || 'no justification recorded'),
      el('p', { class: 'muted' }, words(v.kind) + ', ' + words(v.status) + ', pinned to version '
        + v.version + (v.reviewBy ? '; review by ' + day(v.reviewBy) : '') + (v.expiresOn ? '; expires ' + day(v.expiresOn) : '')
        + (v.decidedBy ? '; decided by ' + (v.decidedBy.displayName || v.decidedBy.id) : '')),
      el('a', { href: 'standard.html?id=' + encodeURIComponent(standardId) + '#variation-' + encodeURIComponent(v.id) },
        'The variation on the standard\'s page')
    ];
    details.replaceChildren(summary, ...parts.filter(Boolean));
    summary.title = words(v.kind) + ' (' + words(v.status) + '): ' + (v.justification || '');
  } catch (e) {
    details.dataset.loaded = '';
    details.replaceChildren(summary, el('p', { class: 'problem', role: 'alert' }, e.message || String(e)));
  }
}

function explain(status) {
  switch (status) {
    case 'ALIGNED': return 'The school follows the standard as written.';
    case 'IMPLEMENTATION_MISSING': return 'An adaptable standard, and the school has not recorded how it meets it.';
    case 'NEEDS_REJUSTIFICATION': return 'The standard has changed since the school justified its variation.';
    default: return status;
  }
}
