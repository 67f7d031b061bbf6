// Who decides what: the trust's clusters with their leads and schools on a date, the decision-rights map in force
// then (each area at trust, cluster or school level, with the team that leads it) and its versions, and an answer to
// "who decides this area for this school on that date".
import { $, day, el, gql, page, param, person, notFound, trustOf, when } from './accord.js';
import { clusterForms, mapForm } from './rights-actions.js';

const TRUST_FIELDS = 'schools { id name } teams { id name chair { id displayName nameErased } members { id displayName nameErased } }';

const QUERY = `query Rights($id: ID!, $asOf: Date) { trust(id: $id) {
  clusters { id name formedOn lead(asOf: $asOf) { id displayName nameErased } schools(asOf: $asOf) { id name }
    leads { lead { id displayName nameErased } } }
  decisionRights(asOf: $asOf) { version effectiveFrom rationale recordedAt changedBy { id displayName nameErased }
    rights { area topic level note team { id name } } }
  decisionRightsHistory { version effectiveFrom rationale recordedAt } } }`;

const AREAS = ['SAFEGUARDING', 'CURRICULUM', 'ASSESSMENT', 'TEACHING', 'BEHAVIOUR', 'ATTENDANCE', 'SEND',
  'PERSONAL_DEVELOPMENT', 'CPD', 'GOVERNANCE', 'FINANCE', 'HR', 'DATA_PROTECTION', 'ESTATES', 'IT', 'PUPIL_PREMIUM'];

const words = value => value.replaceAll('_', ' ').toLowerCase();

page('rights.html', async (main, me) => {
  const trust = await trustOf(me, TRUST_FIELDS);
  if (!trust) {
    main.replaceChildren(el('h1', {}, 'Who decides'), notFound('The trust "' + param('trust') + '"'));
    return;
  }
  const today = new Date().toISOString().slice(0, 10);
  const dateForm = el('form', { class: 'panel pick', id: 'when', 'aria-label': 'Choose the date' },
    el('div', {}, el('label', { for: 'as-of' }, 'On'),
      el('input', { id: 'as-of', type: 'date', value: param('asOf') || today })),
    el('button', { type: 'submit', id: 'show' }, 'Show'));
  // the trust executive changes clusters and the map here (the API decides: anyone else is refused); others read
  const executive = (me.roles || []).includes('TRUST_EXECUTIVE');
  const redraw = () => draw(trust, executive);
  dateForm.addEventListener('submit', event => { event.preventDefault(); redraw(); });
  const askForm = el('form', { class: 'panel pick', id: 'ask', 'aria-labelledby': 'ask-title' },
    el('div', {}, el('label', { for: 'ask-school' }, 'School'),
      el('select', { id: 'ask-school' }, trust.schools.map(s => el('option', { value: s.id }, s.name)))),
    el('div', {}, el('label', { for: 'ask-area' }, 'Area'),
      el('select', { id: 'ask-area' }, AREAS.map(a => el('option', { value: a }, words(a))))),
    el('div', {}, el('label', { for: 'ask-topic' }, 'Topic (optional)'), el('input', { id: 'ask-topic', type: 'text' })),
    el('button', { type: 'submit', id: 'ask-go' }, 'Who decides?'));
  askForm.addEventListener('submit', event => { event.preventDefault(); ask(); });
  main.replaceChildren(el('h1', {}, 'Who decides: ', trust.name),
    el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }),
    el('p', { class: 'muted' }, 'Each area is decided by the trust, by each cluster (its lead, for its schools) or by ',
      'each school (its headteacher), as the trust\'s decision-rights map says.'),
    dateForm, el('p', { class: 'status', id: 'rights-status', role: 'status', 'aria-live': 'polite' }),
    el('h2', { id: 'ask-title' }, 'Who decides this for a school?'), askForm,
    el('div', { id: 'answer', 'aria-live': 'polite' }),
    el('h2', { id: 'clusters-title' }, 'Clusters'), el('div', { id: 'clusters' }), el('div', { id: 'cluster-actions' }),
    el('h2', { id: 'map-title' }, 'The decision-rights map'), el('div', { id: 'map' }), el('div', { id: 'map-actions' }),
    el('h2', { id: 'history-title' }, 'Versions of the map'), el('div', { id: 'history' }));
  await redraw();
}, TRUST_FIELDS);

async function draw(trust, executive) {
  const asOf = $('as-of').value || null;
  $('rights-status').textContent = 'Loading…';
  const data = (await gql(QUERY, { id: trust.id, asOf })).trust;
  $('rights-status').textContent = 'As on ' + day(asOf) + ': ' + data.clusters.length + ' clusters'
    + (data.decisionRights ? ', decision-rights map version ' + data.decisionRights.version + '.' : ', no map (the trust decides everything).');
  $('clusters').replaceChildren(data.clusters.length ? el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'clusters-title' }, el('table', { id: 'cluster-table' },
    el('thead', {}, el('tr', {}, ['Cluster', 'Lead', 'Schools', 'Formed'].map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, data.clusters.map(c => el('tr', { id: 'cluster-' + c.id },
      el('td', {}, c.name), el('td', {}, c.lead ? person(c.lead) : '—'),
      el('td', {}, c.schools.map(s => s.name).join(', ') || 'none'), el('td', {}, day(c.formedOn)))))))
    : el('p', { class: 'muted' }, 'No clusters.'));
  const map = data.decisionRights;
  $('map').replaceChildren(map ? el('section', { class: 'panel', 'aria-labelledby': 'map-title' },
    el('p', {}, 'Version ' + map.version + ', in force from ', el('strong', {}, day(map.effectiveFrom)), ', set by ',
      el('strong', {}, person(map.changedBy)), ' on ' + when(map.recordedAt) + '. Why: ' + map.rationale),
    // focusable, so that a keyboard can scroll it on a narrow screen (it holds no control of its own)
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'map-title' }, el('table', { id: 'map-table' },
      el('thead', {}, el('tr', {}, ['Area', 'Decided by', 'Led by', 'Note'].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, [...map.rights].sort((a, b) => a.area.localeCompare(b.area)).map(r => el('tr', {},
        el('td', {}, words(r.area) + (r.topic ? ' (' + r.topic + ')' : '')),
        el('td', {}, { TRUST: 'the trust', CLUSTER: 'each cluster', SCHOOL: 'each school' }[r.level]),
        el('td', {}, r.team ? r.team.name : r.level === 'CLUSTER' ? 'the cluster\'s lead'
          : r.level === 'SCHOOL' ? 'the headteacher' : 'the trust executive'),
        el('td', {}, r.note || '')))))))
    : el('p', { class: 'muted', id: 'no-map' }, 'The trust had no decision-rights map on that date: it decided every area.'));
  if (executive) {
    // after a change: the page reads the trust again, confirms in words and moves the focus to the confirmation
    const done = async message => {
      await draw(trust, executive);
      $('action-done').textContent = message;
      $('action-done').focus();
    };
    $('cluster-actions').replaceChildren(clusterForms(trust, data, done));
    $('map-actions').replaceChildren(mapForm(trust, data, done));
  }
  $('history').replaceChildren(el('ol', { id: 'map-history' }, data.decisionRightsHistory.map(v => el('li', {},
    'Version ' + v.version + ' from ' + day(v.effectiveFrom) + ' (recorded ' + when(v.recordedAt) + '): ' + v.rationale))));
}

async function ask() {
  const topic = $('ask-topic').value.trim();
  const data = await gql(`query Who($school: ID!, $area: Area!, $topic: String, $asOf: Date) {
    whoDecides(schoolId: $school, area: $area, topic: $topic, asOf: $asOf) {
      level mapVersion school { name } cluster { name } deciders { id displayName nameErased } right { note team { name } } } }`,
  { school: $('ask-school').value, area: $('ask-area').value, topic: topic || null, asOf: $('as-of').value || null });
  const w = data.whoDecides;
  if (!w) {
    $('answer').replaceChildren(notFound('The school'));
    return;
  }
  const who = w.deciders.length ? w.deciders.map(person).join(', ') : 'nobody yet';
  const where = w.level === 'CLUSTER' ? (w.cluster ? 'the lead of ' + w.cluster.name : 'a cluster, but the school is in none')
    : w.level === 'SCHOOL' ? 'the school itself' : 'the trust';
  $('answer').replaceChildren(el('p', { class: 'panel', id: 'who-decides' },
    'For ', el('strong', {}, w.school.name), ', ', words($('ask-area').value) + (topic ? ' (' + topic + ')' : ''),
    ' is decided by ', el('strong', {}, where), ': ', el('strong', {}, who),
    w.right && w.right.team ? ', with ' + w.right.team.name : '', '.',
    w.right && w.right.note ? ' ' + w.right.note : '',
    w.mapVersion ? ' (map version ' + w.mapVersion + ')' : ' (no map: the trust decides)'));
}
