// A team member's delegations for a period, on their home page: for each of their teams, the delegations for a period
// they made (in force, revoked or ended) with a control to take back one in force, those made to them, and a form to
// delegate their vote for a period (delegateVote with teamId). Every proposal of the team whose voting opens in the
// period carries the delegation in. Nothing is checked here: the API refuses oneself, chains, overlapping periods and
// past dates, and its words show beside the control.
import { day, el, gql, person, time } from './accord.js';
import { actionForm, field } from './action-form.js';

const PERSON = 'id displayName nameErased';

const QUERY = `{ me { teams { id name members { ${PERSON} }
  delegations { id delegator { ${PERSON} } delegate { ${PERSON} } from to status delegatedAt revokedAt } } } }`;

const DELEGATE = `mutation Delegate($input: DelegateVoteInput!) { delegateVote(input: $input) {
  delegation { id from to delegate { ${PERSON} } } } }`;
const REVOKE = `mutation Revoke($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { delegation { id status } } }`;

const STATUS = { IN_FORCE: 'in force', REVOKED: 'taken back', ENDED: 'ended: one of you left the team' };

// kept over redraws (the home page redraws on every decision of the trust)
let lastConfirmation = '';

/**
 * The section "Your votes while you are away", or null for someone in no team. done() redraws the page; the
 * confirmation of the reader's last action is kept and focused.
 */
export async function periodDelegations(me, done) {
  const teams = (await gql(QUERY)).me.teams;
  if (!teams.length) return null;
  const confirmed = el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }, lastConfirmation);
  const redraw = async message => {
    lastConfirmation = message;
    await done();
    const shown = document.getElementById('action-done');
    if (shown) shown.focus();
  };
  return el('section', { id: 'delegations', 'aria-labelledby': 'delegations-title' },
    el('h2', { id: 'delegations-title' }, 'Your votes while you are away'),
    el('p', { class: 'muted' }, 'Delegate your vote for a period: every proposal of the team whose voting opens in it ',
      'counts your delegate\'s vote for yours, unless you vote yourself. You can take it back on each proposal too.'),
    confirmed, teams.map(t => team(t, me, redraw)));
}

function team(t, me, redraw) {
  const key = t.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const mine = t.delegations.filter(d => d.delegator.id === me.id);
  const toMe = t.delegations.filter(d => d.delegate.id === me.id && d.status === 'IN_FORCE');
  const others = t.members.filter(m => m.id !== me.id);
  const delegate = el('select', { id: 'period-delegate-' + key }, others.map(m => el('option', { value: m.id }, person(m))));
  const from = el('input', { id: 'period-from-' + key, type: 'date' });
  const to = el('input', { id: 'period-to-' + key, type: 'date' });
  return el('div', { class: 'panel', id: 'team-delegations-' + key },
    el('h3', {}, t.name),
    mine.length ? el('ul', { id: 'my-delegations-' + key, 'aria-label': 'Your delegations in ' + t.name },
      mine.map(d => el('li', { 'data-delegation': d.id, 'data-status': d.status },
        'To ', el('strong', {}, person(d.delegate)), ', ', day(d.from), ' to ', day(d.to), ': ',
        STATUS[d.status] || 'in force', d.revokedAt ? [' ', time(d.revokedAt)] : null,
        d.status === 'IN_FORCE' ? revokeForm(t, d, redraw) : null)))
      : el('p', { class: 'muted' }, 'You have not delegated your vote in this team.'),
    toMe.length ? el('p', { id: 'delegated-to-me-' + key }, toMe.map(d => person(d.delegator) + ' (' + day(d.from)
      + ' to ' + day(d.to) + ')').join('; '), ': their votes go to you.') : null,
    actionForm('period-' + key, 'Delegate your vote in ' + t.name, null,
      [field('period-delegate-' + key, 'To', delegate),
        el('div', { class: 'pick' }, field('period-from-' + key, 'From (empty: today)', from),
          field('period-to-' + key, 'To, included', to))],
      el('button', { type: 'submit', id: 'period-button-' + key }, 'Delegate for the period'),
      () => gql(DELEGATE, { input: { teamId: t.id, delegateId: delegate.value, from: from.value || null,
        to: to.value || null } }),
      redraw, (submitter, result) => {
        const d = result.delegateVote.delegation;
        return 'Your votes in ' + t.name + ' go to ' + person(d.delegate) + ' from ' + day(d.from) + ' to ' + day(d.to) + '.';
      }));
}

function revokeForm(t, d, redraw) {
  const key = d.id.replace(/[^A-Za-z0-9_-]/g, '-');
  const form = actionForm('revoke-' + key, 'Take it back', null, null,
    el('button', { type: 'submit', id: 'revoke-' + key + '-button', class: 'secondary' }, 'Take back'),
    () => gql(REVOKE, { input: { teamId: t.id, delegationId: d.id } }), redraw,
    'Your delegation to ' + person(d.delegate) + ' was taken back: no proposal opened from now carries it.');
  form.classList.add('inline');
  return form;
}
