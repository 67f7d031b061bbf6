// The compliance view: schools down, standards across, each cell whether the school has attested to the standard
// as its cadence asks, on a date, as the record stood at a moment. One request for the cells and the counts
// (complianceGrid: a state and an attestation id per cell, so 50 schools × 500 standards stay small); a cell's
// statement, evidence and findings, as they stood then, are fetched when it is opened.
import { $, day, el, gql, page, param, notFound, trustOf, when, person } from './accord.js';
import { actionForm, field, said, text } from './action-form.js';
import { inWords, statusBadge } from './words.js';

const ENTRY = 'school { id name } standard { id title } version cadence state periodStart dueBy '
  + 'attestation { id statement evidence attestedAt attestedBy { id displayName nameErased } '
  + 'latestFinding { outcome notes actions followUpBy visitedOn } }';

const TRUST_FIELDS = 'schools { id name phase }';

const STATES = ['ATTESTED', 'DUE', 'OVERDUE', 'CHALLENGED', 'EXCEPTION_IN_FORCE', 'NOT_REQUIRED', 'NOT_APPLICABLE'];

// the trust the table shows, for the QA form its cells open
let shown = null;

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
  form.addEventListener('submit', event => { event.preventDefault(); draw(trust, me); });
  main.replaceChildren(el('h1', {}, 'Compliance: ', trust.name),
    el('p', { class: 'muted' }, 'Each school against each standard in force: whether its headteacher has attested ',
      'that it meets it as often as the standard asks (each term or each year), and what the trust\'s quality-assurance ',
      'visits found. Open a cell for the statement, the evidence and the agreed actions.'),
    el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }),
    await attestSection(trust, me),
    form, el('p', { class: 'muted', id: 'legend' }, 'Key: ', STATES.flatMap(s => [statusBadge(s), ' '])),
    el('p', { class: 'status', id: 'compliance-status', role: 'status', 'aria-live': 'polite' }),
    el('dl', { class: 'counts', id: 'compliance-counts' }),
    el('div', { class: 'table-wrap', id: 'compliance' }),
    executive(me) ? el('section', { id: 'qa', class: 'panel', 'aria-labelledby': 'qa-title', tabindex: '-1' },
      el('h2', { id: 'qa-title' }, 'Record a quality-assurance finding'),
      el('p', { class: 'muted', id: 'qa-none' }, 'Open a school\'s cell that has an attestation and choose ',
        '"Record a finding".')) : '');
  await draw(trust, me);
  if (location.hash === '#attest' && $('attest-standard')) $('attest-standard').focus();
}, TRUST_FIELDS);

const executive = me => (me.roles || []).includes('TRUST_EXECUTIVE');

const GRID = `query C($id: ID!, $asOf: Date, $knownAt: DateTime) { complianceGrid(trustId: $id, asOf: $asOf, knownAt: $knownAt) {
  columns { standardId title version cadence periodStart dueBy }
  rows { school { id } states attestationIds }
  summary { attested due overdue challenged exceptionInForce } } }`;

const CELL = `query Cell($id: ID!, $school: ID!, $standard: ID!, $asOf: Date, $knownAt: DateTime) {
  compliance(trustId: $id, schoolId: $school, standardId: $standard, asOf: $asOf, knownAt: $knownAt) { ${ENTRY} } }`;

async function draw(trust, me) {
  shown = trust;
  const asOf = $('as-of').value || null;
  const knownAtLocal = $('known-at').value;
  const knownAt = knownAtLocal ? new Date(knownAtLocal + (knownAtLocal.length === 16 ? ':00' : '') + 'Z').toISOString() : null;
  const status = $('compliance-status');
  status.textContent = 'Loading…';
  const grid = (await gql(GRID, { id: trust.id, asOf, knownAt })).complianceGrid;
  const s = grid.summary;
  $('compliance-counts').replaceChildren(...[['Attested', s.attested, 'attested'], ['Due', s.due, 'due'],
    ['Overdue', s.overdue, 'overdue'], ['Challenged', s.challenged, 'challenged'],
    ['Exception in force', s.exceptionInForce, 'exception']].flatMap(([label, n, id]) =>
    [el('dt', {}, label), el('dd', { id: 'count-' + id }, String(n))]));
  const rows = new Map(grid.rows.map(row => [row.school.id, row]));
  const standards = grid.columns;
  status.textContent = 'Compliance on ' + day(asOf) + (knownAt ? ', as recorded at ' + when(knownAt) : '')
    + ': ' + standards.length + ' standards, ' + trust.schools.length + ' schools; ' + s.overdue + ' overdue, '
    + s.challenged + ' challenged.';
  if (standards.length === 0) {
    $('compliance').replaceChildren(el('p', { id: 'compliance-empty' }, 'No standard was in force on that date.'));
    return;
  }
  const when_ = { trustId: trust.id, asOf, knownAt };
  $('compliance').replaceChildren(el('table', { class: 'map', id: 'compliance-table' },
    el('caption', { class: 'muted' }, 'Schools and the standards in force on ' + day(asOf)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'School'), standards.map(c => el('th', { scope: 'col' },
      el('a', { href: 'standard.html?id=' + encodeURIComponent(c.standardId) }, c.title),
      el('br'), el('span', { class: 'muted' }, 'version ' + c.version + ', ' + inWords(c.cadence)))))),
    el('tbody', {}, trust.schools.map(school => {
      const row = rows.get(school.id);
      return el('tr', {}, el('th', { scope: 'row' }, school.name),
        standards.map((column, i) => cell(school, column, row ? row.states[i] : null, when_, me)));
    }))));
}

function cell(school, column, state, when_, me) {
  const attributes = { 'data-school': school.id, 'data-standard': column.standardId, 'data-state': state || '' };
  if (!state) return el('td', attributes, el('span', { class: 'muted' }, 'not listed'));
  const summary = el('summary', { title: explain({ state, periodStart: column.periodStart, dueBy: column.dueBy }) },
    statusBadge(state));
  const details = el('details', {}, summary, el('p', { class: 'muted', role: 'status' }, 'Loading…'));
  details.addEventListener('toggle', () => {
    if (details.open && !details.dataset.loaded) {
      details.dataset.loaded = 'yes';
      openCell(details, summary, school, column, when_, me);
    }
  });
  return el('td', attributes, details);
}

/** A cell's words, as the record stood at the moment the table shows: its entry, fetched when it is opened. */
async function openCell(details, summary, school, column, when_, me) {
  try {
    const found = (await gql(CELL, { id: when_.trustId, school: school.id, standard: column.standardId,
      asOf: when_.asOf, knownAt: when_.knownAt })).compliance;
    if (!found.length) throw new Error('This cell is no longer in the view: show the table again.');
    details.replaceChildren(summary, ...cellWords(school, found[0], me).filter(Boolean));
  } catch (e) {
    details.dataset.loaded = '';
    details.replaceChildren(summary, el('p', { class: 'problem', role: 'alert' }, e.message || String(e)));
  }
}

function cellWords(school, entry, me) {
  const a = entry.attestation;
  const f = a && a.latestFinding;
  return [
    el('p', {}, explain(entry)),
    a ? el('p', { class: 'statement' }, el('strong', {}, 'Attested ' + when(a.attestedAt) + ' by '
      + person(a.attestedBy) + ': '), a.statement) : null,
    a && a.evidence.length ? el('p', {}, el('strong', {}, 'Evidence: '), a.evidence.join('; ')) : null,
    f ? el('p', { class: 'finding' }, el('strong', {}, 'QA visit ' + day(f.visitedOn) + ': '),
      inWords(f.outcome) + (f.notes ? ' — ' + f.notes : '')) : null,
    f && f.actions.length ? el('ul', { class: 'actions' }, f.actions.map(action => el('li', {}, action))) : null,
    f && f.followUpBy ? el('p', {}, el('strong', {}, 'Follow-up by '), day(f.followUpBy)) : null,
    a && executive(me) ? el('p', {}, el('button', { type: 'button', class: 'secondary', 'data-attestation': a.id,
      'aria-label': 'Record a finding on ' + school.name + '\'s attestation of ' + entry.standard.title,
      onclick: () => qaForm(entry, me) }, 'Record a finding')) : null
  ];
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

const ATTEST = `mutation Attest($input: AttestInput!) { attest(input: $input) { attestation { id } } }`;
const FINDING = `mutation Finding($input: RecordQaFindingInput!) { recordQaFinding(input: $input) { attestation { id } } }`;

// owed first, then what may be attested again (a new attestation replaces the one that counts)
const ORDER = ['OVERDUE', 'CHALLENGED', 'DUE', 'ATTESTED', 'EXCEPTION_IN_FORCE'];

const lines = value => value.split('\n').map(line => line.trim()).filter(Boolean);

/** After an action: the confirmation in words, the table drawn again, the focus on the confirmation. */
async function recorded(message, trust, me) {
  await draw(trust, me);
  // once the table shows it: what the reader is told is what they see
  const done = $('action-done');
  done.textContent = message;
  done.focus();
}

/**
 * A head's part: attest that their school meets a standard, against the version in force today (whatever date the
 * table shows), with a statement and optional evidence references. Empty for everyone else.
 */
async function attestSection(trust, me) {
  if (trust.id !== me.trustId || !(me.roles || []).includes('HEADTEACHER')) return '';
  const school = (await gql('{ me { school { id name } } }')).me.school;
  if (!school) return '';
  const today = (await gql(`query Owed($id: ID!, $school: ID!) { compliance(trustId: $id, schoolId: $school) { ${ENTRY} } }`,
    { id: trust.id, school: school.id })).compliance
    .filter(e => e.cadence !== 'NONE' && ORDER.includes(e.state))
    .sort((x, y) => ORDER.indexOf(x.state) - ORDER.indexOf(y.state) || x.standard.title.localeCompare(y.standard.title));
  const section = el('section', { id: 'attest', class: 'panel', 'aria-labelledby': 'attest-title', tabindex: '-1' },
    el('h2', { id: 'attest-title' }, 'Attest for ', school.name));
  if (!today.length) {
    section.append(el('p', { id: 'attest-none' }, 'No standard in force asks your school to attest.'));
    return section;
  }
  const wanted = param('attest');
  const standard = el('select', { id: 'attest-standard' }, today.map(e => el('option', { value: e.standard.id,
    selected: e.standard.id === wanted }, e.standard.title + ' (' + inWords(e.state) + ', version ' + e.version + ')')));
  const statement = el('textarea', { id: 'attest-statement', rows: 3 });
  const evidence = el('textarea', { id: 'attest-evidence', rows: 2 });
  section.append(actionForm('attest', 'Attest that your school meets a standard',
    'Against the version in force today. The trust\'s quality-assurance visits may confirm or challenge it.',
    [field('attest-standard', 'Standard', standard),
      field('attest-statement', 'Your statement', statement, 'How your school meets it, in a sentence or two.'),
      field('attest-evidence', 'Evidence (optional)', evidence, 'One per line: a link or a document\'s name. Nothing is uploaded.')],
    el('button', { type: 'submit', id: 'attest-button' }, 'Attest'),
    () => {
      const entry = today.find(e => e.standard.id === standard.value);
      return gql(ATTEST, { input: { schoolId: school.id, standardId: standard.value, version: entry.version,
        statement: said(statement.value), evidence: lines(evidence.value) } });
    },
    async message => {
      // the section anew: the states in the choice have changed, and the form's buttons are enabled again
      section.replaceWith(await attestSection(trust, me));
      await recorded(message, trust, me);
    },
    'Your attestation was recorded.'));
  return section;
}

/** A trust executive's finding on one attestation, in the QA section under the table. */
function qaForm(entry, me) {
  const a = entry.attestation;
  const trust = shown;
  const outcome = el('select', { id: 'qa-outcome' },
    el('option', { value: 'CONFIRMED' }, 'Confirmed: the school meets it'),
    el('option', { value: 'CHALLENGED' }, 'Challenged: actions are agreed'));
  const notes = el('textarea', { id: 'qa-notes', rows: 2 });
  const actions = el('textarea', { id: 'qa-actions', rows: 3 });
  const followUp = el('input', { id: 'qa-follow-up', type: 'date' });
  const visited = el('input', { id: 'qa-visited-on', type: 'date' });
  const form = actionForm('qa', 'Finding on ' + entry.school.name + '\'s attestation of ' + entry.standard.title,
    'Attested ' + when(a.attestedAt) + ' by ' + person(a.attestedBy) + ': "' + a.statement + '"',
    [field('qa-outcome', 'Outcome', outcome), field('qa-notes', 'Notes (optional)', notes),
      field('qa-actions', 'Agreed actions (a challenge)', actions, 'One per line; at least one for a challenge, none to confirm.'),
      el('div', { class: 'pick' }, field('qa-follow-up', 'Follow-up by (a challenge)', followUp),
        field('qa-visited-on', 'Visited on (empty: today)', visited))],
    el('button', { type: 'submit', id: 'qa-button' }, 'Record the finding'),
    () => gql(FINDING, { input: { attestationId: a.id, outcome: outcome.value, notes: text(notes.value),
      actions: lines(actions.value), followUpBy: followUp.value || null, visitedOn: visited.value || null } }),
    async message => {
      $('qa').replaceChildren(el('h2', { id: 'qa-title' }, 'Record a quality-assurance finding'),
        el('p', { class: 'muted', id: 'qa-none' }, 'Open a school\'s cell that has an attestation and choose ',
          '"Record a finding".'));
      await recorded(message, trust, me);
    },
    'The finding was recorded.');
  form.dataset.attestation = a.id;
  $('qa').replaceChildren(el('h2', { id: 'qa-title' }, 'Record a quality-assurance finding'), form);
  outcome.focus();
}
