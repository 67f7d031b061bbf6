// Peer reviews between schools: the ones the reader may read (all of the trust's for its executives and board, their
// own school's or team's for anyone else: the API answers only those), narrowed to one school with ?school= (kept in
// the address, so a view can be shared), and for a reviewing head, a team member or an executive, a form to record a
// review that has taken place (recordPeerReview). The API decides who may; its refusal shows beside the control.
import { day, el, gql, page, param } from './accord.js';
import { actionForm, field } from './action-form.js';
import { AREAS } from './rights-actions.js';
import { words } from './words.js';

const TRUST_FIELDS = 'schools { id name } teams { id name }';

const QUERY = `query Reviews($trustId: ID!, $schoolId: ID) { me { school { id } teams { id } }
  peerReviews(trustId: $trustId, schoolId: $schoolId, first: 100) { edges { node { id reviewedOn areas
    reviewedSchool { id name } reviewingSchool { id name } reviewingTeam { id name }
    findings { kind } actions { progress overdue } } } } }`;

const RECORD = `mutation Record($input: RecordPeerReviewInput!) { recordPeerReview(input: $input) { peerReview { id } } }`;

page('peer-reviews.html', async (main, me) => {
  const trust = me.trust;
  const school = param('school') || '';
  const data = await gql(QUERY, { trustId: me.trustId, schoolId: school || null });
  const reviews = data.peerReviews.edges.map(e => e.node);
  const schoolName = (trust.schools.find(s => s.id === school) || {}).name;
  const pick = el('form', { class: 'panel pick', id: 'school-filter', 'aria-label': 'Choose a school', method: 'get' },
    el('div', {}, el('label', { for: 'school' }, 'School'),
      el('select', { id: 'school', name: 'school' }, el('option', { value: '' }, 'Every school'),
        trust.schools.map(s => el('option', { value: s.id, selected: s.id === school }, s.name)))),
    el('button', { type: 'submit', id: 'show' }, 'Show'));
  // reviewing heads, team members and executives may record; the board reads (the API decides either way)
  const roles = me.roles || [];
  const mayRecord = roles.includes('TRUST_EXECUTIVE') || roles.includes('HEADTEACHER') || data.me.teams.length > 0;
  main.replaceChildren(el('h1', {}, 'Peer reviews', schoolName ? ': ' + schoolName : ''),
    el('p', { class: 'muted' }, 'A school (or a team) reviews another school in some areas: what it found, the actions ',
      'agreed and how they are going. A review is read by the two schools (or the team) and the trust\'s leadership only.'),
    pick,
    reviews.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'peer-review-table' },
      el('thead', {}, el('tr', {}, ['Review', 'Reviewed on', 'Areas', 'Found', 'Actions'].map(h =>
        el('th', { scope: 'col' }, h)))),
      el('tbody', {}, reviews.map(r => el('tr', { 'data-review': r.id },
        el('td', {}, el('a', { href: 'peer-review.html?id=' + encodeURIComponent(r.id) },
          r.reviewedSchool.name, ' by ', by(r))),
        el('td', {}, day(r.reviewedOn)), el('td', {}, r.areas.map(words).join(', ')),
        el('td', {}, found(r.findings)), el('td', {}, actions(r.actions)))))))
      : el('p', { id: 'no-reviews' }, 'No peer review you may read', schoolName ? ' for ' + schoolName : '', '.'),
    mayRecord ? recordForm(trust, data.me) : '');
}, TRUST_FIELDS);

const by = r => r.reviewingSchool ? r.reviewingSchool.name : r.reviewingTeam ? r.reviewingTeam.name : 'someone';

function found(findings) {
  const strengths = findings.filter(f => f.kind === 'STRENGTH').length;
  const areas = findings.length - strengths;
  return plural(strengths, 'strength') + ', ' + plural(areas, 'area for development', 'areas for development');
}

function actions(list) {
  if (!list.length) return 'none agreed';
  const done = list.filter(a => a.progress === 'COMPLETED').length;
  const overdue = list.filter(a => a.overdue).length;
  return list.length + ' agreed, ' + done + ' completed' + (overdue ? ', ' + overdue + ' overdue' : '');
}

const plural = (n, one, many = one + 's') => n + ' ' + (n === 1 ? one : many);

function recordForm(trust, me) {
  const options = (list, none) => [el('option', { value: '' }, none), ...list.map(x => el('option', { value: x.id }, x.name))];
  const reviewed = el('select', { id: 'record-reviewed' }, trust.schools.map(s => el('option', { value: s.id }, s.name)));
  const reviewing = el('select', { id: 'record-reviewing-school' }, options(trust.schools, 'not a school: a team'));
  if (me.school) reviewing.value = me.school.id;
  const team = el('select', { id: 'record-reviewing-team' }, options(trust.teams, 'not a team: a school'));
  const on = el('input', { id: 'record-on', type: 'date', value: new Date().toISOString().slice(0, 10) });
  const areas = el('fieldset', { id: 'record-areas' }, el('legend', {}, 'Areas reviewed'),
    el('div', { class: 'checks' }, AREAS.map(a => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: a, id: 'record-area-' + a }), ' ', words(a)))));
  return actionForm('record', 'Record a peer review that has taken place',
    'By one school or one team, of another school, on a day that has passed.',
    [field('record-reviewed', 'School reviewed', reviewed),
      el('div', { class: 'pick' }, field('record-reviewing-school', 'Reviewed by the school', reviewing),
        field('record-reviewing-team', 'or by the team', team)),
      areas, field('record-on', 'Reviewed on', on)],
    el('button', { type: 'submit', id: 'record-button' }, 'Record the review'),
    () => gql(RECORD, { input: { trustId: trust.id, reviewedSchoolId: reviewed.value,
      reviewingSchoolId: reviewing.value || null, reviewingTeamId: team.value || null,
      areas: [...areas.querySelectorAll('input:checked')].map(c => c.value), reviewedOn: on.value || null } }),
    (message, result) => {
      location.assign('peer-review.html?id=' + encodeURIComponent(result.recordPeerReview.peerReview.id)
        + '&done=' + encodeURIComponent(message));
    }, 'The review was recorded: add what it found and the actions agreed.');
}
