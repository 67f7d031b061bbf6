// The trust executive's controls on "Who decides": forming clusters, naming their leads, schools joining, moving and
// leaving (each from a date), and the next version of the decision-rights map, set whole with a rationale. Each form
// calls one GraphQL mutation; the API decides (a school in two clusters, dates in the wrong order, a blank rationale,
// anyone but an executive) and its refusal shows beside the control. Shown only to executives; others read the map.
import { el, gql, person } from './accord.js';
import { actionForm, field, said, text } from './action-form.js';
import { words } from './words.js';

const CLUSTER = 'cluster { id name }';
const MUTATIONS = {
  formCluster: `mutation Form($input: FormClusterInput!) { formCluster(input: $input) { ${CLUSTER} } }`,
  nameClusterLead: `mutation Lead($input: NameClusterLeadInput!) { nameClusterLead(input: $input) { ${CLUSTER} } }`,
  addSchoolToCluster: `mutation Add($input: AddSchoolToClusterInput!) { addSchoolToCluster(input: $input) { ${CLUSTER} } }`,
  moveSchoolToCluster: `mutation Move($input: MoveSchoolToClusterInput!) { moveSchoolToCluster(input: $input) { ${CLUSTER} } }`,
  removeSchoolFromCluster: `mutation Remove($input: RemoveSchoolFromClusterInput!) { removeSchoolFromCluster(input: $input) { ${CLUSTER} } }`,
  changeDecisionRights: `mutation Map($input: ChangeDecisionRightsInput!) { changeDecisionRights(input: $input) {
    decisionRightsMap { version effectiveFrom } } }`
};

const send = (mutation, input) => gql(MUTATIONS[mutation], { input });

/** Every area of the schema's Area, in its order: for the pickers of the map and of peer reviews. */
export const AREAS = ['SAFEGUARDING', 'CURRICULUM', 'ASSESSMENT', 'TEACHING', 'BEHAVIOUR', 'ATTENDANCE', 'SEND',
  'PERSONAL_DEVELOPMENT', 'CPD', 'GOVERNANCE', 'FINANCE', 'HR', 'DATA_PROTECTION', 'ESTATES', 'IT', 'PUPIL_PREMIUM'];

const LEVELS = { TRUST: 'the trust', CLUSTER: 'each cluster', SCHOOL: 'each school' };

/** People who could lead a cluster, as far as the page knows them: the teams' chairs and members, and past leads. */
function people(trust, data) {
  const all = new Map();
  for (const t of trust.teams || []) [t.chair, ...t.members].forEach(p => p && all.set(p.id, p));
  for (const c of data.clusters) c.leads.forEach(l => all.set(l.lead.id, l.lead));
  return [...all.values()].sort((a, b) => person(a).localeCompare(person(b)));
}

const select = (id, options) => el('select', { id }, options.map(([value, label]) => el('option', { value }, label)));
const date = id => el('input', { id, type: 'date' });
const fromField = (id, label = 'From (empty: today)') => field(id, label, date(id));
const value = id => document.getElementById(id).value || null;

/** The five cluster controls, in a section of their own. */
export function clusterForms(trust, data, done) {
  const who = people(trust, data).map(p => [p.id, person(p)]);
  const clusters = data.clusters.map(c => [c.id, c.name]);
  const schools = trust.schools.map(s => [s.id, s.name]);
  const name = el('input', { id: 'form-cluster-name' });
  return el('section', { id: 'cluster-work', 'aria-labelledby': 'cluster-work-title' },
    el('h3', { id: 'cluster-work-title' }, 'Change the clusters'),
    el('p', { class: 'muted' }, 'A school is in at most one cluster at a time; each change takes effect on its date.'),
    el('div', { class: 'grid' },
      actionForm('form-cluster', 'Form a cluster', null,
        [field('form-cluster-name', 'Name', name), field('form-cluster-lead', 'Lead', select('form-cluster-lead', who)),
          fromField('form-cluster-from')],
        el('button', { type: 'submit', id: 'form-cluster-button' }, 'Form the cluster'),
        () => send('formCluster', { trustId: trust.id, name: said(name.value), leadId: value('form-cluster-lead'),
          effectiveFrom: value('form-cluster-from') }),
        done, () => 'The cluster ' + said(name.value) + ' was formed.'),
      actionForm('name-lead', 'Name a new lead', null,
        [field('name-lead-cluster', 'Cluster', select('name-lead-cluster', clusters)),
          field('name-lead-person', 'Lead', select('name-lead-person', who)), fromField('name-lead-from')],
        el('button', { type: 'submit', id: 'name-lead-button' }, 'Name the lead'),
        () => send('nameClusterLead', { clusterId: value('name-lead-cluster'), leadId: value('name-lead-person'),
          effectiveFrom: value('name-lead-from') }),
        done, 'The new lead was recorded.'),
      actionForm('add-school', 'Add a school to a cluster', 'For a school in no cluster; one in a cluster moves.',
        [field('add-school-school', 'School', select('add-school-school', schools)),
          field('add-school-cluster', 'Cluster', select('add-school-cluster', clusters)), fromField('add-school-from')],
        el('button', { type: 'submit', id: 'add-school-button' }, 'Add the school'),
        () => send('addSchoolToCluster', { schoolId: value('add-school-school'), clusterId: value('add-school-cluster'),
          effectiveFrom: value('add-school-from') }),
        done, 'The school was added to the cluster.'),
      actionForm('move-school', 'Move a school to another cluster', null,
        [field('move-school-school', 'School', select('move-school-school', schools)),
          field('move-school-cluster', 'To the cluster', select('move-school-cluster', clusters)),
          fromField('move-school-from')],
        el('button', { type: 'submit', id: 'move-school-button' }, 'Move the school'),
        () => send('moveSchoolToCluster', { schoolId: value('move-school-school'),
          clusterId: value('move-school-cluster'), effectiveFrom: value('move-school-from') }),
        done, 'The school was moved.'),
      actionForm('remove-school', 'Take a school out of its cluster', 'It is then in no cluster.',
        [field('remove-school-school', 'School', select('remove-school-school', schools)),
          fromField('remove-school-from')],
        el('button', { type: 'submit', id: 'remove-school-button', class: 'secondary' }, 'Take it out'),
        () => send('removeSchoolFromCluster', { schoolId: value('remove-school-school'),
          effectiveFrom: value('remove-school-from') }),
        done, 'The school left its cluster.')));
}

/**
 * The next version of the map, set whole: the lines of the version shown to start with, each editable or removable,
 * lines added, a date and a rationale. The API checks every line (a team whose remit lacks the area, a date before
 * the current version's, a blank rationale).
 */
export function mapForm(trust, data, done) {
  const teams = [['', 'no team'], ...(trust.teams || []).map(t => [t.id, t.name])];
  const body = el('tbody', { id: 'map-lines' });
  let count = 0;
  const line = r => {
    const n = ++count;
    const cell = (name, control) => { control.setAttribute('aria-label', name + ', line ' + n); return el('td', {}, control); };
    const area = select('line-area-' + n, AREAS.map(a => [a, words(a)]));
    area.value = r.area || 'CURRICULUM';
    const level = select('line-level-' + n, Object.entries(LEVELS));
    level.value = r.level || 'TRUST';
    const team = select('line-team-' + n, teams);
    team.value = r.team ? r.team.id : '';
    const row = el('tr', { 'data-line': n },
      cell('Area', area), cell('Topic', el('input', { id: 'line-topic-' + n, value: r.topic || '', size: 12 })),
      cell('Decided by', level), cell('Team', team),
      cell('Note', el('input', { id: 'line-note-' + n, value: r.note || '' })),
      el('td', {}, el('button', { type: 'button', class: 'secondary', id: 'line-remove-' + n,
        'aria-label': 'Remove line ' + n, onclick: () => row.remove() }, 'Remove')));
    return row;
  };
  const current = data.decisionRights ? data.decisionRights.rights : [];
  body.append(...[...current].sort((a, b) => a.area.localeCompare(b.area)).map(line));
  const rationale = el('textarea', { id: 'map-rationale', rows: 3 });
  const lines = () => [...body.querySelectorAll('tr')].map(tr => {
    const n = tr.dataset.line;
    const get = id => document.getElementById(id + n).value;
    return { area: get('line-area-'), topic: text(get('line-topic-')), level: get('line-level-'),
      teamId: get('line-team-') || null, note: text(get('line-note-')) };
  });
  return actionForm('map', 'Set the next version of the map',
    'The map is set whole: the lines below become the new version from its date. Lines start as the version shown.',
    [el('div', { class: 'table-wrap' }, el('table', { id: 'map-editor' },
      el('thead', {}, el('tr', {}, ['Area', 'Topic (optional)', 'Decided by', 'Team', 'Note', ''].map(h =>
        el('th', { scope: 'col' }, h)))), body)),
    el('p', {}, el('button', { type: 'button', class: 'secondary', id: 'map-add-line',
      onclick: () => body.append(line({})) }, 'Add a line')),
    fromField('map-from', 'In force from (empty: today)'),
    field('map-rationale', 'Why the map changes', rationale)],
    el('button', { type: 'submit', id: 'map-button' }, 'Record the new version'),
    () => send('changeDecisionRights', { trustId: trust.id, rights: lines(), effectiveFrom: value('map-from'),
      rationale: said(rationale.value) }),
    done, (submitter, result) => 'Version ' + result.changeDecisionRights.decisionRightsMap.version
      + ' of the map was recorded.');
}
