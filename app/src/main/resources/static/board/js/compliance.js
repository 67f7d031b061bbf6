// The compliance view: schools down, standards across, each cell whether the school has attested to the standard
// as its cadence asks, on a date, as the record stood at a moment. One request for the cells and the counts.
import { $, badge, day, el, gql, page, param, notFound, trustOf, when, person } from './accord.js';

const ENTRY = 'school { id } standard { id title } version cadence state periodStart dueBy '
  + 'attestation { id statement evidence attestedAt attestedBy { id displayName nameErased } '
  + 'latestFinding { outcome notes actions followUpBy visitedOn } }';

const TRUST_FIELDS = 'schools { id name phase }';

const STATES = ['ATTESTED', 'DUE', 'OVERDUE', 'CHALLENGED', 'EXCEPTION_IN_FORCE', 'NOT_REQUIRED', 'NOT_APPLICABLE'];

page('compliance.html', async (main, me) => {
  const trust = await trustOf(me, TRUST_FIELDS);
  if (!trust) {
    main.replaceChildren(el('h1', {}, 'Compliance'), notFound('The trust "' + param('trust') + '"'));
    return;
  }
  const form = el('form', { class: 'panel pick', id: 'when', 'aria-label': 'Choose the date' },
    el('div', {}, el('label', { for: 'as-of' }, 'Compliance on'),
      el('input', { id: 'as-of', type: 'date', value: param('asOf') || new Date().toISOString().slice(0, 10) })),
    el('div', {}, el('label', { for: 'known-at' }, 'As the record stood at (UTC; empty: now)'),
      el('input', { id: 'known-at', type: 'datetime-local', step: 1, value: param('knownAt') || '' })),
    el('button', { type: 'submit', id: 'show' }, 'Show'));
  form.addEventListener('submit', event => { event.preventDefault(); draw(trust); });
  main.replaceChildren(el('h1', {}, 'Compliance: ', trust.name),
    el('p', { class: 'muted' }, 'Each school against each standard in force: whether its headteacher has attested ',
      'that it meets it as often as the standard asks (each term or each year), and what the trust\'s quality-assurance ',
      'visits found. Open a cell for the statement, the evidence and the agreed actions.'),
    form, el('p', { class: 'muted', id: 'legend' }, 'Key: ', STATES.flatMap(s => [badge(s), ' '])),
    el('p', { class: 'status', id: 'compliance-status', role: 'status', 'aria-live': 'polite' }),
    el('dl', { class: 'counts', id: 'compliance-counts' }),
    el('div', { class: 'table-wrap', id: 'compliance' }));
  await draw(trust);
}, TRUST_FIELDS);

async function draw(trust) {
  const asOf = $('as-of').value || null;
  const knownAtLocal = $('known-at').value;
  const knownAt = knownAtLocal ? new Date(knownAtLocal + (knownAtLocal.length === 16 ? ':00' : '') + 'Z').toISOString() : null;
  const status = $('compliance-status');
  status.textContent = 'Loading…';
  const data = await gql(`query C($id: ID!, $asOf: Date, $knownAt: DateTime) {
    compliance(trustId: $id, asOf: $asOf, knownAt: $knownAt) { ${ENTRY} }
    complianceSummary(trustId: $id, asOf: $asOf, knownAt: $knownAt) { attested due overdue challenged exceptionInForce } }`,
  { id: trust.id, asOf, knownAt });
  const s = data.complianceSummary;
  $('compliance-counts').replaceChildren(...[['Attested', s.attested, 'attested'], ['Due', s.due, 'due'],
    ['Overdue', s.overdue, 'overdue'], ['Challenged', s.challenged, 'challenged'],
    ['Exception in force', s.exceptionInForce, 'exception']].flatMap(([label, n, id]) =>
    [el('dt', {}, label), el('dd', { id: 'count-' + id }, String(n))]));
  const cells = new Map(data.compliance.map(e => [e.school.id + '|' + e.standard.id, e]));
  const columns = new Map();
  data.compliance.forEach(e => columns.set(e.standard.id, e));
  const standards = [...columns.values()].sort((a, b) => a.standard.title.localeCompare(b.standard.title));
  status.textContent = 'Compliance on ' + day(asOf) + (knownAt ? ', as recorded at ' + when(knownAt) : '')
    + ': ' + standards.length + ' standards, ' + trust.schools.length + ' schools; ' + s.overdue + ' overdue, '
    + s.challenged + ' challenged.';
  if (standards.length === 0) {
    $('compliance').replaceChildren(el('p', { id: 'compliance-empty' }, 'No standard was in force on that date.'));
    return;
  }
  $('compliance').replaceChildren(el('table', { class: 'map', id: 'compliance-table' },
    el('caption', { class: 'muted' }, 'Schools and the standards in force on ' + day(asOf)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'School'), standards.map(e => el('th', { scope: 'col' },
      el('a', { href: 'standard.html?id=' + encodeURIComponent(e.standard.id) }, e.standard.title),
      el('br'), el('span', { class: 'muted' }, 'v' + e.version + ' · ' + e.cadence.toLowerCase()))))),
    el('tbody', {}, trust.schools.map(school => el('tr', {}, el('th', { scope: 'row' }, school.name),
      standards.map(column => cell(school, column.standard.id, cells.get(school.id + '|' + column.standard.id))))))));
}

function cell(school, standardId, entry) {
  const attributes = { 'data-school': school.id, 'data-standard': standardId, 'data-state': entry ? entry.state : '' };
  if (!entry) return el('td', attributes, el('span', { class: 'muted' }, 'not listed'));
  const a = entry.attestation;
  const f = a && a.latestFinding;
  const details = [
    el('p', {}, explain(entry)),
    a ? el('p', { class: 'statement' }, el('strong', {}, 'Attested ' + when(a.attestedAt) + ' by '
      + person(a.attestedBy) + ': '), a.statement) : null,
    a && a.evidence.length ? el('p', {}, el('strong', {}, 'Evidence: '), a.evidence.join('; ')) : null,
    f ? el('p', { class: 'finding' }, el('strong', {}, 'QA visit ' + day(f.visitedOn) + ': '),
      f.outcome.toLowerCase() + (f.notes ? ' — ' + f.notes : '')) : null,
    f && f.actions.length ? el('ul', { class: 'actions' }, f.actions.map(action => el('li', {}, action))) : null,
    f && f.followUpBy ? el('p', {}, el('strong', {}, 'Follow-up by '), day(f.followUpBy)) : null
  ];
  return el('td', attributes, el('details', {}, el('summary', { title: explain(entry) }, badge(entry.state)), details));
}

function explain(entry) {
  const due = entry.dueBy ? ' (this period runs ' + day(entry.periodStart) + ' to ' + day(entry.dueBy) + ')' : '';
  switch (entry.state) {
    case 'ATTESTED': return 'Attested in the current period' + due + '.';
    case 'DUE': return 'Not yet attested this period: due by ' + day(entry.dueBy) + '.';
    case 'OVERDUE': return 'The last period passed without an attestation, and none has been made since' + due + '.';
    case 'CHALLENGED': return 'A quality-assurance visit challenged the attestation; actions were agreed.';
    case 'EXCEPTION_IN_FORCE': return 'The school has an approved exception from this standard.';
    case 'NOT_REQUIRED': return 'The standard asks for no attestation.';
    case 'NOT_APPLICABLE': return 'The standard does not apply to this school on that date.';
    default: return entry.state;
  }
}
