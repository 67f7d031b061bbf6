// One request from a school: what it asks and why, who supports it, where it was routed and what became of it (the
// draft proposal it was taken up into, the standard it became, or why it was declined); and the controls of whoever
// might act on it: support it (someone of another school), take it up into a draft proposal or decline it (a member
// of a team it was routed to; the trust executive declines one sent to the executive). Which controls show is a guess
// from `me` and the request; the API decides, and its refusal shows beside the control.
import { el, gql, page, param, notFound, person, time } from './accord.js';
import { onDecision, typingIn } from './live.js';
import { actionForm, field, said, text } from './action-form.js';
import { plain, statusBadge, words } from './words.js';

const REQUEST = `query Request($id: ID!) { request(id: $id) {
  id status area title reason raisedAt routedToExecutive
  school { id name } raisedBy { id displayName nameErased }
  routedTo { id name members { id } }
  supports { supporter { id displayName nameErased } school { name } reason supportedAt }
  decidedBy { id displayName nameErased } decidedAt declineReason
  team { name } proposal { id title status } standard { id title } } }`;

const PAYLOAD = 'request { id status }';
const MUTATIONS = {
  supportRequest: `mutation Support($input: SupportRequestInput!) { supportRequest(input: $input) { ${PAYLOAD} } }`,
  takeUpRequest: `mutation TakeUp($input: TakeUpRequestInput!) { takeUpRequest(input: $input) { ${PAYLOAD} proposal { id } } }`,
  declineRequest: `mutation Decline($input: DeclineRequestInput!) { declineRequest(input: $input) { ${PAYLOAD} } }`
};

const ALIGNMENTS = { ADAPTABLE: 'Adaptable: each school says how', REQUIRED: 'Required: the same in every school',
  GUIDANCE: 'Guidance: schools are free' };

// the confirmation of the reader's last action, kept over redraws; one made on the requests page comes as ?done=
let lastConfirmation = param('done') || '';

page('requests.html', async (main, me) => {
  const extra = (await gql('{ me { school { id } teams { id name } } }')).me;
  me.school = extra.school;
  me.teams = extra.teams;
  await draw(main, me, param('id'));
  live(main, me, param('id'));
});

/**
 * Support, a take-up or a decline recorded elsewhere draws the page again, unless the reader is writing in one of its
 * forms (their entries are kept; the page says what happened).
 */
function live(main, me, id) {
  let pending = null;
  onDecision(me.trustId, 'subjectId summary', record => {
    if (record.subjectId !== id || pending) return;
    pending = setTimeout(async () => {
      pending = null;
      const status = () => document.getElementById('live-status');
      const typing = typingIn(main, '#actions textarea, #actions input');
      if (!typing) {
        // the reader keeps their place: the control they were on, or the confirmation of their last action
        const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
        await draw(main, me, id).catch(() => {});
        if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
      }
      if (status()) status().textContent = 'Just recorded: ' + plain(record.summary)
        + (typing ? ' Your entries are kept; the page shows it after your next action.' : '');
    }, 150);
  });
}

async function draw(main, me, id, confirmation) {
  const r = id ? (await gql(REQUEST, { id })).request : null;
  if (confirmation) lastConfirmation = confirmation;
  if (!r) {
    main.replaceChildren(el('h1', {}, 'Request'), notFound('The request "' + (id || '') + '"'));
    return;
  }
  const confirmed = el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }, lastConfirmation);
  main.replaceChildren(
    el('p', {}, el('a', { href: 'requests.html' }, 'All requests from schools')),
    el('h1', {}, r.title), confirmed, el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('dl', { class: 'facts panel' },
      el('dt', {}, 'Status'), el('dd', { id: 'request-status' }, statusBadge(r.status)),
      el('dt', {}, 'Area'), el('dd', {}, words(r.area)),
      el('dt', {}, 'Raised by'), el('dd', {}, person(r.raisedBy), ' of ', r.school.name, ', ', time(r.raisedAt)),
      el('dt', {}, 'Sent to'), el('dd', { id: 'routed-to' }, r.routedToExecutive ? 'the trust executive (no team\'s remit covered the area)'
        : r.routedTo.map(t => t.name).join(', ')),
      el('dt', {}, 'Why'), el('dd', {}, el('p', {}, r.reason)),
      outcome(r)),
    el('h2', { id: 'supports-title' }, 'Support from other schools (' + r.supports.length + ')'),
    r.supports.length ? el('ul', { id: 'supports', 'aria-labelledby': 'supports-title' }, r.supports.map(s => el('li', {},
      el('strong', {}, s.school.name), ', ', person(s.supporter), ' (', time(s.supportedAt), '): ', el('q', {}, s.reason))))
      : el('p', { class: 'muted', id: 'supports' }, 'None yet.'),
    actions(r, me, message => draw(main, me, id, message)) || '');
  if (confirmation) confirmed.focus();
}

/** What became of it: the proposal and standard it led to, or who declined it and why. */
function outcome(r) {
  const parts = [];
  if (r.proposal) {
    parts.push(el('dt', {}, 'Taken up'), el('dd', { id: 'request-proposal' }, 'by ', person(r.decidedBy),
      r.team ? ' in ' + r.team.name : '', ', ', time(r.decidedAt), ', as the proposal ',
      el('a', { href: 'proposal.html?id=' + encodeURIComponent(r.proposal.id) }, r.proposal.title),
      ' (', statusBadge(r.proposal.status), ')'));
  }
  if (r.standard) {
    parts.push(el('dt', {}, 'Became'), el('dd', {}, 'the standard ',
      el('a', { href: 'standard.html?id=' + encodeURIComponent(r.standard.id) }, r.standard.title)));
  }
  if (r.status === 'DECLINED') {
    parts.push(el('dt', {}, 'Declined'), el('dd', { id: 'request-declined' }, 'by ', person(r.decidedBy), ', ',
      time(r.decidedAt), ': ', el('q', {}, r.declineReason || '')));
  }
  return parts;
}

/** The controls this person could plausibly use on an open request; null when none. */
function actions(r, me, done) {
  if (r.status !== 'OPEN') return null;
  const mine = new Set((me.teams || []).map(t => t.id));
  const teams = r.routedToExecutive ? me.teams || [] : r.routedTo.filter(t => mine.has(t.id));
  const executive = (me.roles || []).includes('TRUST_EXECUTIVE');
  const forms = [];
  if (me.school && me.school.id !== r.school.id && !r.supports.some(s => s.supporter.id === me.id)) {
    forms.push(supportForm(r, done));
  }
  if (teams.length) forms.push(takeUpForm(r, teams));
  if (teams.length && !r.routedToExecutive || r.routedToExecutive && executive) forms.push(declineForm(r, done));
  if (!forms.length) return null;
  return el('section', { id: 'actions', 'aria-labelledby': 'actions-title' },
    el('h2', { id: 'actions-title' }, 'What you can do'), forms);
}

const send = (mutation, input) => gql(MUTATIONS[mutation], { input }).then(data => data[mutation]);

function supportForm(r, done) {
  const reason = el('textarea', { id: 'support-reason', rows: 2 });
  return actionForm('support', 'Support it for your school', 'Say why your school would want it too; support is '
    + 'given once, and is in the record.',
    field('support-reason', 'Why your school supports it', reason),
    el('button', { type: 'submit', id: 'support-button' }, 'Support the request'),
    () => send('supportRequest', { requestId: r.id, reason: said(reason.value) }), done, 'Your support was recorded.');
}

function takeUpForm(r, teams) {
  const team = el('select', { id: 'take-up-team' }, teams.map(t => el('option', { value: t.id }, t.name)));
  const title = el('input', { id: 'take-up-proposal-title', value: r.title });
  const alignment = el('select', { id: 'take-up-alignment' }, Object.entries(ALIGNMENTS).map(([value, label]) =>
    el('option', { value }, label)));
  const statement = el('textarea', { id: 'take-up-statement', rows: 4 });
  const rationale = el('textarea', { id: 'take-up-rationale', rows: 2 });
  return actionForm('take-up', 'Take it up into a draft proposal',
    'A new standard, drafted in your team from this request (linked both ways); the team then revises it and votes.',
    [teams.length > 1 ? field('take-up-team', 'Team', team) : el('p', {}, 'In ', el('strong', {}, teams[0].name), '.'),
      field('take-up-proposal-title', 'Title', title), field('take-up-alignment', 'Alignment', alignment),
      field('take-up-statement', 'Statement', statement, 'The expectation, as schools will read it.'),
      field('take-up-rationale', 'Rationale (optional)', rationale)],
    el('button', { type: 'submit', id: 'take-up-button' }, 'Draft the proposal'),
    () => send('takeUpRequest', { requestId: r.id, teamId: teams.length > 1 ? team.value : teams[0].id,
      title: text(title.value), alignment: alignment.value, statement: said(statement.value),
      rationale: text(rationale.value) }),
    // the draft has a page of its own, which links back here: go there, saying so
    (message, result) => { location.href = 'proposal.html?id=' + encodeURIComponent(result.proposal.id)
      + '&done=' + encodeURIComponent(message); },
    'The request was taken up into a draft proposal.');
}

function declineForm(r, done) {
  const reason = el('textarea', { id: 'decline-request-reason', rows: 2 });
  return actionForm('decline-request', 'Decline it', 'The school and its supporters see your reason.',
    field('decline-request-reason', 'Reason', reason),
    el('button', { type: 'submit', id: 'decline-request-button', class: 'secondary' }, 'Decline the request'),
    () => send('declineRequest', { requestId: r.id, reason: said(reason.value) }), done, 'The request was declined.');
}
