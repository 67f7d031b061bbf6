// One peer review: who reviewed which school, when and in which areas; its findings (a strength or an area for
// development), each with the request it was raised as and the standards it was noted against; the actions agreed and
// their follow-ups. Read only by the two schools (or the team) and the trust's leadership: to anyone else the API
// answers null, and the page says "not found". The controls call one mutation each; the API decides who may.
import { el, gql, page, param, person, day, time, notFound } from './accord.js';
import { onDecision, typingIn } from './live.js';
import { actionForm, field, said, text } from './action-form.js';
import { plain, statusBadge, words } from './words.js';

const PERSON = 'id displayName nameErased';
const REVIEW = `id areas reviewedOn recordedAt recordedBy { ${PERSON} }
  reviewedSchool { id name } reviewingSchool { id name } reviewingTeam { id name }
  findings { id area kind text addedAt addedBy { ${PERSON} } request { id title }
    standards { standard { id title } version notedAt notedBy { ${PERSON} } } }
  actions { id findingId action dueBy agreedAt agreedBy { ${PERSON} } progress overdue
    followUps { progress note at by { ${PERSON} } } }`;

const QUERY = `query Review($id: ID!) { peerReview(id: $id) { ${REVIEW} } }`;
const STANDARDS = `query Standards($id: ID!) { trust(id: $id) { standards { id title retiredOn } } }`;

const payload = name => `mutation M($input: ${name[0].toUpperCase() + name.slice(1)}Input!) { ${name}(input: $input) {
  peerReview { id } ${name === 'raiseRequestFromFinding' ? 'request { id title }' : ''} } }`;

const PROGRESS = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'];

// the confirmation of the reader's last action, kept over live redraws; one made on the list page comes as ?done=
let lastConfirmation = '';

page('peer-reviews.html', async (main, me) => {
  const id = param('id');
  if (await draw(main, me, id, param('done'))) live(main, me, id);
});

/**
 * What others record on this review (a finding, an action, a follow-up) redraws the page, unless the reader is
 * part-way through writing in one of its forms: then the page says so, and shows it after their own action.
 */
function live(main, me, id) {
  let drawing = Promise.resolve();
  onDecision(me.trustId, 'subjectId summary', record => {
    if (record.subjectId !== id) return;
    const typing = typingIn(main);
    const status = () => document.getElementById('live-status');
    if (typing) {
      if (status()) status().textContent = 'Just recorded: ' + plain(record.summary) + ' Your entries are kept; the page '
        + 'shows it after your next action.';
      return;
    }
    drawing = drawing.then(() => draw(main, me, id)).then(() => {
      if (status()) status().textContent = 'Just recorded: ' + plain(record.summary);
    }).catch(() => {});
  });
}

/** Reads the review and draws the page; after an action of the reader's, confirms it and moves the focus there. */
async function draw(main, me, id, confirmation) {
  const [data, trust] = await Promise.all([id ? gql(QUERY, { id }) : { peerReview: null },
    gql(STANDARDS, { id: me.trustId })]);
  const r = data.peerReview;
  if (!r) {
    main.replaceChildren(el('h1', {}, 'Peer review'), notFound('The peer review "' + (id || '') + '"'));
    return null;
  }
  const send = (mutation, input) => gql(payload(mutation), { input: { peerReviewId: r.id, ...input } });
  const done = message => draw(main, me, id, message);
  const standards = trust.trust ? trust.trust.standards.filter(s => !s.retiredOn) : [];
  // the board reads; reviewers, the reviewed school's head and executives act (the API decides either way)
  const acts = (me.roles || []).some(role => role !== 'BOARD_MEMBER');
  if (confirmation) lastConfirmation = confirmation;
  // a live redraw keeps the reader's place: the control they were on
  const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
  const confirmed = el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }, lastConfirmation);
  const reviewer = r.reviewingSchool ? r.reviewingSchool.name : r.reviewingTeam ? r.reviewingTeam.name : 'someone';
  main.replaceChildren(
    el('h1', {}, 'Peer review of ', r.reviewedSchool.name), confirmed,
    el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('p', {}, el('a', { href: 'peer-reviews.html' }, 'All peer reviews')),
    el('dl', { class: 'facts panel', id: 'review-facts' },
      el('dt', {}, 'Reviewed by'), el('dd', {}, reviewer, r.reviewingTeam ? ' (a team)' : ''),
      el('dt', {}, 'On'), el('dd', {}, day(r.reviewedOn)),
      el('dt', {}, 'Areas'), el('dd', {}, r.areas.map(words).join(', ')),
      el('dt', {}, 'Recorded by'), el('dd', {}, person(r.recordedBy), ', ', time(r.recordedAt))),
    el('h2', { id: 'findings-title' }, 'What it found'),
    r.findings.length ? el('ol', { id: 'findings', class: 'findings', 'aria-labelledby': 'findings-title' },
      r.findings.map(f => finding(f, standards, acts, send, done)))
      : el('p', { class: 'muted', id: 'no-findings' }, 'No findings recorded yet.'),
    acts ? findingForm(r, send, done) : '',
    el('h2', { id: 'actions-title' }, 'Actions agreed'),
    r.actions.length ? el('ol', { id: 'review-actions', 'aria-labelledby': 'actions-title' },
      r.actions.map(a => action(a, r, acts, send, done)))
      : el('p', { class: 'muted', id: 'no-actions' }, 'No actions agreed yet.'),
    acts ? agreeForm(r, send, done) : '');
  if (confirmation) confirmed.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  return r;
}

const key = id => id.replace(/[^A-Za-z0-9_-]/g, '-');

function finding(f, standards, acts, send, done) {
  const k = key(f.id);
  return el('li', { id: 'finding-' + k, 'data-kind': f.kind },
    el('p', {}, statusBadge(f.kind), ' ', el('strong', {}, words(f.area)), ': ', f.text),
    el('p', { class: 'muted' }, 'Added by ', person(f.addedBy), ', ', time(f.addedAt)),
    f.request ? el('p', { id: 'finding-request-' + k }, 'Raised as the request ',
      el('a', { href: 'request.html?id=' + encodeURIComponent(f.request.id) }, f.request.title)) : null,
    f.standards.length ? el('p', { id: 'finding-standards-' + k }, 'Noted against ', f.standards.flatMap((n, i) => [i ? ', ' : '',
      el('a', { href: 'standard.html?id=' + encodeURIComponent(n.standard.id) }, n.standard.title),
      ' (version ' + n.version + ', by ', person(n.notedBy), ')'])) : null,
    acts && !f.request ? raiseForm(f, k, send, done) : null,
    acts && standards.length ? noteForm(f, k, standards, send, done) : null);
}

function raiseForm(f, k, send, done) {
  const title = el('input', { id: 'raise-title-' + k });
  const reason = el('textarea', { id: 'raise-reason-' + k, rows: 2 });
  const executive = el('input', { type: 'checkbox', id: 'raise-executive-' + k });
  return actionForm('raise-' + k, 'Raise it as a request for standardisation',
    'The request goes to the teams whose remit covers ' + words(f.area) + '; the trust can read it.',
    [field('raise-title-' + k, 'What should be standardised', title),
      field('raise-reason-' + k, 'Why (empty: the finding\'s text)', reason),
      el('div', { class: 'field' }, el('label', { class: 'check' }, executive,
        ' If no team covers the area, send it to the trust executive'))],
    el('button', { type: 'submit', id: 'raise-button-' + k, class: 'secondary' }, 'Raise the request'),
    () => send('raiseRequestFromFinding', { findingId: f.id, title: said(title.value), reason: text(reason.value),
      routeToExecutive: executive.checked }),
    done, (submitter, result) => 'The finding was raised as the request "' + result.raiseRequestFromFinding.request.title + '".');
}

function noteForm(f, k, standards, send, done) {
  const standard = el('select', { id: 'note-standard-' + k }, standards.map(s => el('option', { value: s.id }, s.title)));
  return actionForm('note-' + k, 'Note it against a standard', null,
    field('note-standard-' + k, 'Standard', standard),
    el('button', { type: 'submit', id: 'note-button-' + k, class: 'secondary' }, 'Note it'),
    () => send('noteFindingAgainstStandard', { findingId: f.id, standardId: standard.value }),
    done, () => 'The finding was noted against ' + standard.selectedOptions[0].textContent + '.');
}

function findingForm(r, send, done) {
  const area = el('select', { id: 'finding-area' }, r.areas.map(a => el('option', { value: a }, words(a))));
  const kind = el('select', { id: 'finding-kind' }, ['STRENGTH', 'AREA_FOR_DEVELOPMENT'].map(v =>
    el('option', { value: v }, statusBadge(v).textContent)));
  const words_ = el('textarea', { id: 'finding-text', rows: 3 });
  return actionForm('finding', 'Add a finding', 'The reviewers record what they found, in one of the review\'s areas.',
    [el('div', { class: 'pick' }, field('finding-area', 'Area', area), field('finding-kind', 'Kind', kind)),
      field('finding-text', 'What was found', words_)],
    el('button', { type: 'submit', id: 'finding-button' }, 'Add the finding'),
    () => send('addPeerReviewFinding', { area: area.value, kind: kind.value, text: said(words_.value) }),
    done, 'The finding was added.');
}

function action(a, r, acts, send, done) {
  const k = key(a.id);
  const answers = r.findings.find(f => f.id === a.findingId);
  return el('li', { id: 'action-' + k, 'data-progress': a.progress },
    el('p', {}, a.action, ' ', statusBadge(a.progress), a.overdue ? [' ', el('strong', { class: 'overdue' }, 'overdue')] : null),
    el('p', { class: 'muted' }, 'Due by ', day(a.dueBy), '; agreed by ', person(a.agreedBy), ', ', time(a.agreedAt),
      answers ? '; answers: ' + answers.text : ''),
    a.followUps.length ? el('ul', { 'aria-label': 'Follow-ups' }, a.followUps.map(u => el('li', {},
      statusBadge(u.progress), ' ', u.note, el('span', { class: 'muted' }, ' (', person(u.by), ', ', time(u.at), ')')))) : null,
    acts && a.progress !== 'COMPLETED' ? followUpForm(a, k, send, done) : null);
}

function followUpForm(a, k, send, done) {
  const progress = el('select', { id: 'follow-up-progress-' + k }, PROGRESS.map(p =>
    el('option', { value: p, selected: p === a.progress }, statusBadge(p).textContent)));
  const note = el('textarea', { id: 'follow-up-note-' + k, rows: 2 });
  return actionForm('follow-up-' + k, 'Follow it up', null,
    [field('follow-up-progress-' + k, 'Where it stands', progress), field('follow-up-note-' + k, 'Note', note)],
    el('button', { type: 'submit', id: 'follow-up-button-' + k, class: 'secondary' }, 'Record the follow-up'),
    () => send('followUpPeerReviewAction', { actionId: a.id, progress: progress.value, note: said(note.value) }),
    done, () => 'The follow-up (' + progress.selectedOptions[0].textContent + ') was recorded.');
}

function agreeForm(r, send, done) {
  const finding = el('select', { id: 'agree-finding' }, el('option', { value: '' }, 'none in particular'),
    r.findings.map(f => el('option', { value: f.id }, f.text.length > 60 ? f.text.slice(0, 57) + '…' : f.text)));
  const what = el('textarea', { id: 'agree-action', rows: 2 });
  const due = el('input', { id: 'agree-due', type: 'date' });
  return actionForm('agree', 'Agree an action', 'Due by a date after today; followed up until completed.',
    [field('agree-finding', 'Answering the finding', finding), field('agree-action', 'The action', what),
      field('agree-due', 'Due by', due)],
    el('button', { type: 'submit', id: 'agree-button' }, 'Agree the action'),
    () => send('agreePeerReviewAction', { findingId: finding.value || null, action: said(what.value),
      dueBy: due.value || null }),
    done, 'The action was agreed.');
}
