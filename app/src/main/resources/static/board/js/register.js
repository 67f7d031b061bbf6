// The decision register: the trust's decision log, filtered, in words, with links to each subject and new
// decisions arriving live over graphql-ws.
import { $, authorization, day, download, el, gql, nameless, page, param, person, time, when, notFound, trustOf } from './accord.js';
import { subscribe } from './graphql-ws.js';
import { AREA_WORDS, plain, words } from './words.js';

// every kind of decision in plain words, in the order the type filter offers them
const TYPES = {
  ProposalDrafted: 'Proposal drafted', ProposalRevised: 'Proposal revised', VotingOpened: 'Voting opened',
  VoteCast: 'Vote cast', VoterRecused: 'Voter declared an interest', VoteDelegated: 'Vote delegated',
  VoteDelegationRevoked: 'Vote delegation revoked', VotesDelegatedForPeriod: 'Votes delegated for a period',
  PeriodDelegationRevoked: 'Period delegation revoked', VotingClosed: 'Voting closed',
  ProposalWithdrawn: 'Proposal withdrawn', ProposalAdopted: 'Proposal adopted', AdoptionDeclined: 'Adoption declined',
  StandardVersionAdopted: 'Standard version in force', StandardRetired: 'Standard retired',
  ImplementationRecorded: 'Implementation recorded', ExceptionRequested: 'Exception requested',
  ExceptionApproved: 'Exception approved', ExceptionDeclined: 'Exception declined',
  VariationReaffirmed: 'Variation re-affirmed', VariationWithdrawn: 'Variation withdrawn',
  VariationRevoked: 'Variation revoked', VariationExpired: 'Variation expired', TrustRegistered: 'Trust set up',
  SchoolRegistered: 'School registered', PersonRegistered: 'Person registered', PersonErased: 'Person erased',
  TeamFormed: 'Team formed', TeamMemberAdded: 'Team member added', TeamMemberRemoved: 'Team member removed',
  ClusterFormed: 'Cluster formed', ClusterLeadNamed: 'Cluster lead named', SchoolJoinedCluster: 'School joined a cluster',
  SchoolMovedCluster: 'School moved cluster', SchoolLeftCluster: 'School left a cluster',
  DecisionRightsChanged: 'Decision rights changed', StandardVersionScopedToCluster: 'Standard scoped to a cluster',
  SchoolPhaseChanged: 'School phase changed'
};
/** Setting the trust up rather than deciding: folded into one line in the unfiltered register. */
const SETUP = new Set(['TrustRegistered', 'SchoolRegistered', 'PersonRegistered', 'TeamFormed', 'TeamMemberAdded',
  'TeamMemberRemoved', 'ClusterFormed', 'ClusterLeadNamed', 'SchoolJoinedCluster', 'SchoolMovedCluster',
  'SchoolLeftCluster']);
const AREAS = ['SAFEGUARDING', 'CURRICULUM', 'ASSESSMENT', 'TEACHING', 'BEHAVIOUR', 'ATTENDANCE', 'SEND',
  'PERSONAL_DEVELOPMENT', 'CPD', 'GOVERNANCE', 'FINANCE', 'HR', 'DATA_PROTECTION', 'ESTATES', 'IT', 'PUPIL_PREMIUM'];
/** The filters the address carries (?area=…&type=…), so that a view can be shared. */
const FILTER_FIELDS = ['area', 'team', 'person', 'type', 'from', 'to'];
const PAGE_SIZE = 50;

const RECORD = 'id position type occurredAt recordedAt actor { id displayName nameErased } subjectType subjectId area summary rationale';
const LOG = `query Log($trustId: ID!, $filter: DecisionLogFilterInput, $first: Int, $after: String) {
  decisionLog(trustId: $trustId, filter: $filter, first: $first, after: $after, newestFirst: true) {
    edges { node { ${RECORD} } } pageInfo { hasNextPage endCursor } } }`;
const TRUST_FIELDS = 'teams { id name chair { id displayName nameErased } members { id displayName nameErased } }';

const state = { trust: null, teamSubjects: null, after: null, more: false, filter: {}, shown: 0, generation: 0 };

page('index.html', async (main, me) => {
  const trust = await trustOf(me, TRUST_FIELDS);
  if (!trust) {
    main.replaceChildren(el('h1', {}, 'Decision register'), notFound('The trust "' + param('trust') + '"'));
    return;
  }
  state.trust = trust;
  const people = new Map();
  for (const team of trust.teams) {
    for (const p of [team.chair, ...team.members]) people.set(p.id, p.displayName || p.id);
  }
  main.replaceChildren(
    el('h1', {}, 'Decision register: ', trust.name),
    el('p', { class: 'muted' }, 'Every decision of the trust, newest first: who did what, when, and why. ',
      'New decisions appear at the top as they are recorded. Times are in your time zone (',
      Intl.DateTimeFormat().resolvedOptions().timeZone, ').'),
    el('div', { class: 'tools' }, boardPack(trust), integrity(trust)),
    filters(trust, people),
    el('p', { class: 'status', id: 'live-status', role: 'status', 'aria-live': 'polite' }),
    el('p', { class: 'muted', id: 'count', 'aria-live': 'polite' }),
    el('ol', { class: 'log', id: 'log', 'aria-label': 'Decisions' }),
    el('button', { type: 'button', id: 'more', class: 'secondary', hidden: true, onclick: () => load(false) },
      'Show older decisions'));
  fromAddress();
  await load(true);
  live(trust.id);
}, TRUST_FIELDS);

function filters(trust, people) {
  const select = (id, label, options) => el('div', {}, el('label', { for: id }, label),
    el('select', { id, name: id }, el('option', { value: '' }, 'Any'),
      options.map(([value, text]) => el('option', { value }, text))));
  const date = (id, label) => el('div', {}, el('label', { for: id }, label), el('input', { id, name: id, type: 'date' }));
  const form = el('form', { class: 'panel filters', id: 'filters', 'aria-label': 'Filter the decisions' },
    select('area', 'Area', AREAS.map(a => [a, areaWords(a)])),
    select('team', 'Team', trust.teams.map(t => [t.id, t.name])),
    select('person', 'Person', [...people].sort((a, b) => a[1].localeCompare(b[1])).concat([['system', 'Accord itself']])),
    select('type', 'Kind of decision', Object.entries(TYPES)),
    date('from', 'From'), date('to', 'To'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'apply' }, 'Apply'),
      el('button', { type: 'reset', class: 'secondary' }, 'Clear')));
  form.addEventListener('submit', event => { event.preventDefault(); toAddress(); load(true); });
  form.addEventListener('reset', () => setTimeout(() => { toAddress(); load(true); }));
  return form;
}

function areaWords(area) {
  return AREA_WORDS[area] || area.replaceAll('_', ' ').toLowerCase();
}

/** The filters of the address into the form (a person not yet in the list is added, to be named by the log). */
function fromAddress() {
  const query = new URLSearchParams(location.search);
  for (const name of FILTER_FIELDS) {
    const value = query.get(name);
    if (!value) continue;
    const field = $(name);
    if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) {
      field.append(el('option', { value }, value));
    }
    field.value = value;
  }
}

/** The form's filters into the address, beside what else it carries (?trust=…), without a new history entry. */
function toAddress() {
  const query = new URLSearchParams(location.search);
  for (const name of FILTER_FIELDS) {
    if ($(name).value) query.set(name, $(name).value); else query.delete(name);
  }
  const search = query.toString();
  history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
}

function currentFilter() {
  const filter = {};
  if ($('area').value) filter.area = $('area').value;
  if ($('person').value) filter.actorId = $('person').value;
  if ($('type').value) filter.types = [$('type').value];
  if ($('from').value) filter.from = $('from').value + 'T00:00:00Z';
  if ($('to').value) filter.to = $('to').value + 'T23:59:59.999Z';
  return filter;
}

/** A team's decisions: its own records and those of its proposals (the log has no team filter, so the page narrows). */
async function teamSubjects() {
  const teamId = $('team').value;
  if (!teamId) return null;
  const { team } = await gql('query T($id: ID!) { team(id: $id) { id proposals(first: 100) { edges { node { id } } } } }',
    { id: teamId });
  return new Set([teamId, ...(team ? team.proposals.edges.map(e => e.node.id) : [])]);
}

async function load(fresh) {
  const log = $('log');
  // a newer load (the filters changed meanwhile) wins; an older one's answers are dropped
  const generation = fresh ? ++state.generation : state.generation;
  if (fresh) {
    $('count').textContent = 'Loading…';
    state.after = null;
    state.shown = 0;
    state.filter = currentFilter();
    state.teamSubjects = await teamSubjects();
    if (generation !== state.generation) return;
    log.replaceChildren();
  }
  $('more').disabled = true;
  let found = 0;
  // with the team narrowed on the page, keep reading until a page's worth is found or the log ends
  do {
    const data = await gql(LOG, { trustId: state.trust.id, filter: state.filter,
      first: state.teamSubjects ? 100 : PAGE_SIZE, after: state.after });
    if (generation !== state.generation) return;
    const records = data.decisionLog.edges.map(e => e.node).filter(accepts);
    rememberActors(data.decisionLog.edges.map(e => e.node));
    const entries = records.map(record => entry(record));
    show(log, records, entries);
    // variations link to their standard's page once it is known: after the entries are shown, not before
    links(records).then(() => entries.forEach((node, k) => addVariationLink(node, records[k]))).catch(() => {});
    found += records.length;
    state.more = data.decisionLog.pageInfo.hasNextPage;
    state.after = data.decisionLog.pageInfo.endCursor || state.after;
  } while (state.teamSubjects && state.more && found < PAGE_SIZE);
  state.shown += found;
  $('more').hidden = !state.more;
  $('more').disabled = false;
  $('count').textContent = state.shown === 0 ? 'No decisions match.'
    : state.shown + (state.shown === 1 ? ' decision' : ' decisions') + ' shown' + (state.more ? '; older ones follow.' : '.');
}

/** People who acted but are in no team (the executive, heads) join the person filter as the log shows them. */
function rememberActors(records) {
  const select = $('person');
  const known = new Set([...select.options].map(o => o.value));
  for (const record of records) {
    const actor = record.actor;
    if (known.has(actor.id)) {
      // a person chosen from the address before the log named them: named now
      const option = select.querySelector(`option[value="${CSS.escape(actor.id)}"]`);
      if (option && option.text === actor.id && actor.displayName) option.text = actor.displayName;
      continue;
    }
    known.add(actor.id);
    const label = actor.displayName || actor.id + nameless(actor);
    const before = [...select.options].slice(1).find(o => o.value !== 'system' && o.text.localeCompare(label) > 0);
    select.insertBefore(el('option', { value: actor.id }, label), before || select.querySelector('option[value=system]'));
  }
}

function accepts(record) {
  return !state.teamSubjects || state.teamSubjects.has(record.subjectId);
}

const variationStandards = new Map();

/** Variations are shown on their standard's page: one request (aliases, at most 30) finds those standards. */
async function links(records) {
  const ids = [...new Set(records.filter(r => r.subjectType === 'variation' && r.subjectId
    && !variationStandards.has(r.subjectId)).map(r => r.subjectId))];
  for (let start = 0; start < ids.length; start += 30) {
    const chunk = ids.slice(start, start + 30);
    const query = '{ ' + chunk.map((id, i) => `v${i}: variation(id: ${JSON.stringify(id)}) { standard { id } }`)
      .join(' ') + ' }';
    const data = await gql(query);
    chunk.forEach((id, i) => variationStandards.set(id, data['v' + i] && data['v' + i].standard.id));
  }
}

function subjectLink(record) {
  const id = encodeURIComponent(record.subjectId || '');
  switch (record.subjectType) {
    case 'proposal': return el('a', { href: 'proposal.html?id=' + id }, 'Open the proposal');
    case 'standard': return el('a', { href: 'standard.html?id=' + id }, 'Open the standard');
    case 'request': return el('a', { href: 'request.html?id=' + id }, 'Open the request');
    case 'variation': {
      const standard = variationStandards.get(record.subjectId);
      return standard ? el('a', { href: 'standard.html?id=' + encodeURIComponent(standard) + '#variation-' + id },
        'Open the standard and its variations') : null;
    }
    default: return null;
  }
}

function addVariationLink(node, record) {
  if (record.subjectType !== 'variation') return;
  const link = subjectLink(record);
  if (link) node.querySelector('article').append(link);
}

/**
 * Appends a page's entries; in the unfiltered register a run of setup entries (schools, people, teams registered)
 * becomes one line that opens to show them, continued across pages.
 */
function show(log, records, entries) {
  const folding = !Object.keys(state.filter).length && !state.teamSubjects;
  records.forEach((record, k) => {
    if (!folding || !SETUP.has(record.type)) {
      log.append(entries[k]);
      return;
    }
    let fold = log.lastElementChild;
    if (!fold || !fold.classList.contains('setup')) {
      fold = el('li', { class: 'setup' }, el('details', {}, el('summary', {}), el('ol', { class: 'log' })));
      log.append(fold);
    }
    fold.querySelector('ol').append(entries[k]);
    const folded = fold.querySelectorAll('ol > li');
    const dates = [...folded].map(li => li.querySelector('time').getAttribute('datetime')).sort();
    fold.querySelector('summary').replaceChildren(folded.length === 1 ? '1 setup entry' : folded.length + ' setup entries',
      ' (schools, people and teams registered), ', when(dates[0]),
      dates.length > 1 && when(dates[0]) !== when(dates[dates.length - 1]) ? ' to ' + when(dates[dates.length - 1]) : '',
      '. Open to see them.');
  });
}

function entry(record, live = false) {
  return el('li', { class: live ? 'live' : null, id: 'record-' + record.position },
    el('article', { 'aria-label': 'Decision ' + record.position },
      el('div', { class: 'entry-head' }, el('span', {}, '#' + record.position), time(record.occurredAt),
        el('span', { class: 'badge kind', 'data-type': record.type }, TYPES[record.type] || record.type),
        record.area ? el('span', {}, areaWords(record.area)) : null),
      el('p', { class: 'entry-summary' }, plain(record.summary)),
      el('p', { class: 'muted' }, 'By ', el('strong', {}, record.actor.id === 'system' ? 'Accord' : person(record.actor)),
        record.recordedAt !== record.occurredAt ? ['; recorded ', time(record.recordedAt)] : null),
      record.rationale ? el('p', { class: 'why' }, el('strong', {}, 'Why: '), record.rationale) : null,
      record.subjectType === 'variation' ? null : subjectLink(record)));
}

function matchesFilter(record) {
  const f = state.filter;
  return (!f.area || f.area === record.area) && (!f.actorId || f.actorId === record.actor.id)
    && (!f.types || f.types.includes(record.type)) && (!f.from || record.occurredAt >= f.from)
    && (!f.to || record.occurredAt <= f.to) && accepts(record);
}

function live(trustId) {
  const status = $('live-status');
  subscribe({
    query: `subscription Live($trustId: ID!) { decisionRecorded(trustId: $trustId) { ${RECORD} } }`,
    variables: { trustId },
    authorization: authorization(),
    onState: (s, why) => {
      status.dataset.state = s;
      status.textContent = s === 'live' ? 'Live: new decisions appear as they are recorded.'
        : s === 'reconnecting' ? 'Live updates paused; reconnecting…' : 'Live updates refused: ' + why;
    },
    onNext: async data => {
      const record = data.decisionRecorded;
      if (!matchesFilter(record)) return;
      status.textContent = 'New decision recorded: ' + record.summary;
        if (!document.getElementById('record-' + record.position)) {
        const node = entry(record, true);
        $('log').prepend(node);
        links([record]).then(() => addVariationLink(node, record)).catch(() => {});
        state.shown++;
        $('count').textContent = state.shown + ' decisions shown' + (state.more ? '; older ones follow.' : '.');
      }
    }
  });
}

function boardPack(trust) {
  const form = el('form', { class: 'panel', id: 'board-pack', 'aria-labelledby': 'board-pack-title' },
    el('h2', { id: 'board-pack-title' }, 'Board pack'),
    el('p', { class: 'muted' }, 'The decisions of a period, with votes, dissent and rationales, and the variations ',
      'granted: a PDF to file, or a CSV of the same records. Leave a date empty for no bound.'),
    el('div', { class: 'pick' },
      el('div', {}, el('label', { for: 'pack-from' }, 'From'), el('input', { id: 'pack-from', type: 'date' })),
      el('div', {}, el('label', { for: 'pack-to' }, 'To'), el('input', { id: 'pack-to', type: 'date' })),
      el('button', { type: 'button', id: 'pack-pdf', onclick: () => exportPack(trust, 'pdf') }, 'Download PDF'),
      el('button', { type: 'button', id: 'pack-csv', class: 'secondary', onclick: () => exportPack(trust, 'csv') },
        'Download CSV')),
    el('p', { class: 'status', id: 'pack-status', role: 'status', 'aria-live': 'polite' }));
  return form;
}

// Whether the record is intact: verifyDecisionLog re-derives the trust's hash chain from the event store itself;
// the export verifies offline with the published key (docs/verifiable-log.md).
const VERIFY = `query Verify($trustId: ID!) { verifyDecisionLog(trustId: $trustId) {
  intact checkedEvents headHash lastCheckpoint { position signedAt } firstProblem { position eventId kind detail } } }`;

function integrity(trust) {
  return el('section', { class: 'panel', id: 'integrity', 'aria-labelledby': 'integrity-title' },
    el('h2', { id: 'integrity-title' }, 'Is the record intact?'),
    el('p', { class: 'muted' }, 'Every decision is linked to the one before it by a hash, and the chain is signed ',
      'at regular points. Checking re-reads every decision from the event store and names the first one that was ',
      'altered, removed, inserted or reordered. The export can be checked offline with the ',
      el('a', { href: '/.well-known/accord-ledger-key.pem' }, 'published key'), '.'),
    el('div', { class: 'pick' },
      el('button', { type: 'button', id: 'verify', onclick: () => verify(trust) }, 'Check the record'),
      el('button', { type: 'button', id: 'export-log', class: 'secondary',
        onclick: () => exportLog(trust) }, 'Export for offline checking')),
    el('p', { class: 'status', id: 'verify-status', role: 'status', 'aria-live': 'polite' }));
}

async function verify(trust) {
  const status = $('verify-status');
  neutral(status);
  status.textContent = 'Checking every decision against the event store…';
  try {
    const result = (await gql(VERIFY, { trustId: trust.id })).verifyDecisionLog;
    const checkpoint = result.lastCheckpoint
      ? ' Last signed checkpoint: decision ' + result.lastCheckpoint.position + ', ' + when(result.lastCheckpoint.signedAt) + '.'
      : ' No signed checkpoint yet.';
    // not intact is an alarm, not news: red, and read out at once
    status.className = result.intact ? 'status' : 'problem';
    status.setAttribute('role', result.intact ? 'status' : 'alert');
    status.textContent = result.intact
      ? 'Intact: all ' + result.checkedEvents + ' decisions match their hashes.' + checkpoint
      : 'NOT intact: ' + result.firstProblem.kind + ' at decision ' + result.firstProblem.position + '. '
        + result.firstProblem.detail.replace(/\.?$/, '. ')
        + 'Tell the operator; the warning at the top of the page says what that means.';
  } catch (error) {
    status.textContent = 'The record could not be checked: ' + error.message;
  }
}

function neutral(status) {
  status.className = 'status';
  status.setAttribute('role', 'status');
}

async function exportLog(trust) {
  const status = $('verify-status');
  neutral(status);
  try {
    const blob = await download('/decision-log/export?' + new URLSearchParams({ trustId: trust.id }));
    status.textContent = 'The export (' + Math.ceil(blob.size / 1024) + ' KB) has been downloaded. Check it with: '
      + 'java -jar accord.jar verify-export EXPORT.json accord-ledger-key.pem';
  } catch (error) {
    status.textContent = 'The export could not be made: ' + error.message;
  }
}

async function exportPack(trust, kind) {
  const query = new URLSearchParams({ trustId: trust.id });
  if ($('pack-from').value) query.set('from', $('pack-from').value);
  if ($('pack-to').value) query.set('to', $('pack-to').value);
  const status = $('pack-status');
  status.textContent = 'Preparing the ' + kind.toUpperCase() + '…';
  try {
    const blob = await download('/board-pack.' + kind + '?' + query);
    status.textContent = 'The board pack (' + kind.toUpperCase() + ', ' + Math.ceil(blob.size / 1024)
      + ' KB) has been downloaded.';
  } catch (error) {
    status.textContent = 'The board pack could not be made: ' + error.message;
  }
}
