// Schools, people and teams: the trust's setup as anyone of the trust may read it (each school with its phase, each
// person with their role, school and teams, each team with its remit, chair and members), and, for the trust
// executive, the controls that change it: register a school or a person, form a team, add or remove a member, change
// a school's phase from a date, erase a person's name. Each control calls one GraphQL mutation; the API decides (a
// blank or duplicate name, a member who works at no school, the chair removed, anyone but an executive) and its
// refusal shows beside the control, in plain words. Anything recorded in the trust redraws the lists live.
import { $, day, el, gql, page, param, person, notFound } from './accord.js';
import { onDecision } from './live.js';
import { actionForm, field, said, text } from './action-form.js';
import { AREAS, plain, words } from './words.js';

const QUERY = `query Setup($id: ID!) { trust(id: $id) { id name
  schools { id name phase }
  people { id displayName nameErased roles school { id name } }
  teams { id name remit chair { id } members { id displayName nameErased } } } }`;

const WHO = '{ id displayName nameErased }';
const MUTATIONS = {
  registerSchool: `mutation School($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id name } } }`,
  registerPerson: `mutation Person($input: RegisterPersonInput!) { registerPerson(input: $input) { person ${WHO} } }`,
  formTeam: `mutation Team($input: FormTeamInput!) { formTeam(input: $input) { team { id name } } }`,
  addTeamMember: `mutation Add($input: AddTeamMemberInput!) { addTeamMember(input: $input) { team { id name } } }`,
  removeTeamMember: `mutation Remove($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { team { id name } } }`,
  changeSchoolPhase: `mutation Phase($input: ChangeSchoolPhaseInput!) { changeSchoolPhase(input: $input) { school { id name } } }`,
  erasePerson: `mutation Erase($input: ErasePersonInput!) { erasePerson(input: $input) { person ${WHO} } }`
};

const PHASES = ['PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SPECIAL', 'ALTERNATIVE'];
const ROLES = ['STAFF', 'HEADTEACHER', 'BOARD_MEMBER', 'TRUST_EXECUTIVE'];
const SCHOOL_ROLES = ['STAFF', 'HEADTEACHER'];

// the API's refusal, with any value it names (a phase, a role) in plain words like the rest of the page
const send = (mutation, input) => gql(MUTATIONS[mutation], { input })
  .then(data => data[mutation], error => { throw new Error(plain(error.message)); });

const select = (id, options) => el('select', { id }, options.map(([value, label]) => el('option', { value }, label)));
const value = id => document.getElementById(id).value || null;
const byName = (a, b) => person(a).localeCompare(person(b));

page('people.html', async (main, me) => {
  const trustId = param('trust') || me.trustId;
  // the executive changes the setup here (the API decides: anyone else is refused); others read it
  const executive = (me.roles || []).includes('TRUST_EXECUTIVE') && trustId === me.trustId;
  const first = await read(trustId);
  if (!first) {
    main.replaceChildren(el('h1', {}, 'Schools, people and teams'), notFound('The trust "' + trustId + '"'));
    return;
  }
  main.replaceChildren(el('h1', {}, 'Schools, people and teams: ', first.name),
    el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }),
    el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('div', { id: 'lists' }), el('div', { id: 'setup-actions' }));
  const done = async message => {
    await draw(await read(trustId), executive, true);
    $('action-done').textContent = message;
    $('action-done').focus();
  };
  draw(first, executive, true, done);
  live(trustId, executive, done);
});

async function read(trustId) {
  return (await gql(QUERY, { id: trustId })).trust;
}

let finish = null;

/**
 * The three lists, and for the executive the controls: built anew after the reader's own change; on a live update
 * only the choices in them are brought up to date, so that a form being filled in is never taken away.
 */
function draw(trust, executive, rebuild, done = finish) {
  finish = done;
  const teamsOf = new Map();
  for (const t of trust.teams) t.members.forEach(m => teamsOf.set(m.id, [...(teamsOf.get(m.id) || []), t.name]));
  const people = [...trust.people].sort(byName);
  const names = new Map(trust.people.map(p => [p.id, p]));
  const table = (id, title, heads, rows) => el('section', { 'aria-labelledby': id + '-title' },
    el('h2', { id: id + '-title' }, title, ' (', String(rows.length), ')'),
    el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': id + '-title' },
      el('table', { id: id + '-table' }, el('thead', {}, el('tr', {}, heads.map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))));
  $('lists').replaceChildren(
    table('schools', 'Schools', ['School', 'Phase'], trust.schools.map(s => el('tr', { id: 'school-' + s.id },
      el('td', {}, s.name), el('td', {}, words(s.phase))))),
    table('people', 'People', ['Name', 'Roles', 'School', 'Teams'], people.map(p => el('tr', { id: 'person-' + p.id },
      el('td', {}, person(p)), el('td', {}, p.roles.map(words).join(', ')),
      el('td', {}, p.school ? p.school.name : '—'), el('td', {}, (teamsOf.get(p.id) || []).join(', ') || '—')))),
    table('teams', 'Teams', ['Team', 'Remit', 'Chair', 'Members'], trust.teams.map(t => el('tr', { id: 'team-' + t.id },
      el('td', {}, t.name), el('td', {}, t.remit.map(words).join(', ')),
      el('td', {}, person(names.get(t.chair.id) || t.chair)),
      el('td', {}, [...t.members].sort(byName).map(person).join(', '))))));
  if (!executive) return;
  const fresh = forms(trust, people, finish);
  if (rebuild || !$('setup-work')) {
    $('setup-actions').replaceChildren(fresh);
    return;
  }
  for (const select of $('setup-work').querySelectorAll('select')) {
    const now = fresh.querySelector('#' + select.id);
    const list = sel => [...sel.options].map(o => o.value + '\t' + o.text).join('\n');
    if (list(now) === list(select)) continue; // nothing new: the reader's own change was drawn already
    const chosen = select.value;
    select.replaceChildren(...now.children);
    if ([...select.options].some(o => o.value === chosen)) select.value = chosen;
  }
}

/** The executive's seven controls, in a section of their own. */
function forms(trust, people, done) {
  const schools = trust.schools.map(s => [s.id, s.name]);
  const teams = trust.teams.map(t => [t.id, t.name]);
  const named = people.filter(p => p.displayName);
  // team members work at one of the trust's schools (the API refuses anyone else, beside the control)
  const staff = named.filter(p => p.roles.some(r => SCHOOL_ROLES.includes(r))).map(p => [p.id, person(p)]);
  // a member whose name was erased can still leave a team; only a name not yet erased can be erased
  const everyone = people.map(p => [p.id, person(p)]);
  const erasable = named.map(p => [p.id, person(p)]);
  const phases = PHASES.map(p => [p, words(p)]);
  const schoolName = el('input', { id: 'register-school-name' });
  const personName = el('input', { id: 'register-person-name' });
  const teamName = el('input', { id: 'form-team-name' });
  // a person may hold several roles at once (a headteacher who is also a trust executive): registration is the only
  // moment the API takes them, so the form offers every combination, staff ticked as the most common
  const roles = el('fieldset', { id: 'register-person-roles' }, el('legend', {}, 'Roles'),
    ROLES.map(r => el('div', { class: 'field check' },
      el('input', { type: 'checkbox', value: r, id: 'register-person-role-' + r, checked: r === 'STAFF' }),
      el('label', { for: 'register-person-role-' + r }, words(r)))));
  const remit = el('fieldset', { id: 'form-team-remit' }, el('legend', {}, 'Remit'),
    AREAS.map(a => el('div', { class: 'field check' },
      el('input', { type: 'checkbox', value: a, id: 'form-team-area-' + a }),
      el('label', { for: 'form-team-area-' + a }, words(a)))));
  const number = (id, v, step) => el('input', { id, type: 'number', value: v, step, min: '0' });
  const confirm = el('input', { id: 'erase-confirm', type: 'checkbox' });
  // what the executive chose, in words, as sent (a live redraw may rebuild the lists before the confirmation)
  let sentence = '';
  const chosen = id => { const s = $(id); return s.options[s.selectedIndex] ? s.options[s.selectedIndex].text : ''; };
  const saying = (words_said, sending) => { sentence = words_said; return sending; };
  return el('section', { id: 'setup-work', 'aria-labelledby': 'setup-work-title' },
    el('h2', { id: 'setup-work-title' }, 'Change the trust\'s setup'),
    el('p', { class: 'muted' }, 'Each change is recorded in the decision register under your name.'),
    el('div', { class: 'grid' },
      actionForm('register-school', 'Register a school', null,
        [field('register-school-name', 'Name', schoolName),
          field('register-school-phase', 'Phase', select('register-school-phase', phases))],
        el('button', { type: 'submit', id: 'register-school-button' }, 'Register the school'),
        () => send('registerSchool', { trustId: trust.id, name: said(schoolName.value),
          phase: value('register-school-phase') }),
        done, () => 'The school ' + said(schoolName.value) + ' was registered.'),
      actionForm('register-person', 'Register a person', 'A headteacher or member of staff works at a school.',
        [field('register-person-name', 'Name', personName),
          roles,
          field('register-person-school', 'School', select('register-person-school', [['', 'no school'], ...schools]))],
        el('button', { type: 'submit', id: 'register-person-button' }, 'Register the person'),
        () => send('registerPerson', { trustId: trust.id, displayName: said(personName.value),
          roles: [...roles.querySelectorAll('input:checked')].map(c => c.value),
          schoolId: value('register-person-school') }),
        done, () => said(personName.value) + ' was registered.'),
      actionForm('form-team', 'Form a team', 'The chair and members work at the trust\'s schools.',
        [field('form-team-name', 'Name', teamName), remit,
          field('form-team-chair', 'Chair', select('form-team-chair', staff)),
          field('form-team-mode', 'How it decides', select('form-team-mode',
            [['MAJORITY', 'by majority'], ['CONSENT', 'by consent (any objection blocks)']])),
          field('form-team-quorum', 'Quorum (share of members who must vote, 0 to 1)', number('form-team-quorum', '0.5', '0.05')),
          field('form-team-threshold', 'Threshold (share of approvals needed, above 0 up to 1)',
            number('form-team-threshold', '0.5', '0.05')),
          field('form-team-hours', 'Voting window (hours)', number('form-team-hours', '72', '1'))],
        el('button', { type: 'submit', id: 'form-team-button' }, 'Form the team'),
        () => send('formTeam', { trustId: trust.id, name: said(teamName.value),
          remit: [...remit.querySelectorAll('input:checked')].map(c => c.value), chairId: value('form-team-chair'),
          memberIds: [value('form-team-chair')], decisionRule: { mode: value('form-team-mode'), quorum: Number(value('form-team-quorum')),
            threshold: Number(value('form-team-threshold')), votingWindowHours: Number(value('form-team-hours')) } }),
        done, () => 'The team ' + said(teamName.value) + ' was formed.'),
      actionForm('add-member', 'Add a member to a team', null,
        [field('add-member-team', 'Team', select('add-member-team', teams)),
          field('add-member-person', 'Person', select('add-member-person', staff))],
        el('button', { type: 'submit', id: 'add-member-button' }, 'Add the member'),
        () => saying(chosen('add-member-person') + ' joined ' + chosen('add-member-team') + '.',
          send('addTeamMember', { teamId: value('add-member-team'), personId: value('add-member-person') })),
        done, () => sentence),
      actionForm('remove-member', 'Take a member off a team', 'The chair stays.',
        [field('remove-member-team', 'Team', select('remove-member-team', teams)),
          field('remove-member-person', 'Person', select('remove-member-person', everyone))],
        el('button', { type: 'submit', id: 'remove-member-button', class: 'secondary' }, 'Take them off'),
        () => saying(chosen('remove-member-person') + ' left ' + chosen('remove-member-team') + '.',
          send('removeTeamMember', { teamId: value('remove-member-team'), personId: value('remove-member-person') })),
        done, () => sentence),
      actionForm('change-phase', 'Change a school\'s phase',
        'From the date given, the standards for the new phase apply to the school.',
        [field('change-phase-school', 'School', select('change-phase-school', schools)),
          field('change-phase-phase', 'New phase', select('change-phase-phase', phases)),
          field('change-phase-from', 'From', el('input', { id: 'change-phase-from', type: 'date' })),
          field('change-phase-reason', 'Why (optional)', el('input', { id: 'change-phase-reason' }))],
        el('button', { type: 'submit', id: 'change-phase-button' }, 'Change the phase'),
        () => saying(chosen('change-phase-school') + ' is ' + chosen('change-phase-phase') + ' from '
          + day(value('change-phase-from')) + '.',
        send('changeSchoolPhase', { schoolId: value('change-phase-school'), phase: value('change-phase-phase'),
          effectiveFrom: value('change-phase-from'), reason: text($('change-phase-reason').value) })),
        done, () => sentence),
      actionForm('erase', 'Erase a person\'s name',
        'Erasure removes the person\'s name and contact details everywhere Accord keeps them, for good. Their ' +
        'decisions, votes and other records stay, under an id, and show as "name erased". Their roles and teams ' +
        'are unchanged.',
        [field('erase-person', 'Person', select('erase-person', erasable)),
          el('div', { class: 'field check' }, confirm,
            el('label', { for: 'erase-confirm' }, 'I understand the name cannot be brought back'))],
        el('button', { type: 'submit', id: 'erase-button', class: 'secondary' }, 'Erase the name'),
        () => {
          // the confirm step: nothing is sent until the executive has said they mean it
          if (!confirm.checked) return Promise.reject(new Error('Tick "I understand" to confirm the erasure first.'));
          return saying('The name of ' + chosen('erase-person') + ' was erased; their records stay.',
            send('erasePerson', { personId: value('erase-person') }));
        },
        done, () => sentence)));
}

/** Anything recorded in the trust redraws the lists and brings the controls' choices up to date. */
function live(trustId, executive) {
  let pending = null;
  onDecision(trustId, 'summary', record => {
    if (pending) return;
    pending = setTimeout(async () => {
      pending = null;
      const trust = await read(trustId).catch(() => null);
      if (!trust) return;
      const focused = document.activeElement ? document.activeElement.id : null;
      draw(trust, executive, false);
      $('live-status').textContent = 'Just recorded: ' + plain(record.summary);
      if (focused && $(focused)) $(focused).focus();
    }, 150);
  });
}
