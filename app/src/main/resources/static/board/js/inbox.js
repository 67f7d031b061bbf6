// The caller's inbox: what needs them (votes to cast, exceptions to decide, requests for their team), newest first,
// with the unread count; new items arrive live over the subscription. Marking read is the caller's own, per person.
import { $, authorization, el, gql, page, when } from './accord.js';
import { subscribe } from './graphql-ws.js';
import { actionForm, field, text } from './action-form.js';

const PAGE_SIZE = 20;
const FIELDS = 'id kind subjectType subjectId title createdAt dueAt read';
const INBOX = `query Inbox($first: Int, $after: String) { inbox(first: $first, after: $after) {
  unreadCount totalCount edges { cursor node { ${FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const MARK = `mutation Mark($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) {
  unreadCount notifications { id read } } }`;

const KIND_IN_WORDS = {
  VOTE_OPENED: 'Vote opened',
  VOTE_CLOSING_SOON: 'Vote closing soon',
  EXCEPTION_AWAITING_APPROVAL: 'Exception to decide',
  REQUEST_ROUTED: 'Request for your team',
  ATTESTATION_DUE: 'Attestation due',
  REVIEW_DUE: 'Review due'
};

page('inbox.html', async (main, me) => {
  main.replaceChildren(el('h1', {}, 'Inbox'),
    el('p', { class: 'muted' }, 'What needs you: votes in your teams, exceptions awaiting approval, requests routed to ',
      'your team, attestations your school owes, standards due for review. Only you see your inbox.'),
    el('p', { class: 'status', id: 'inbox-status', role: 'status', 'aria-live': 'polite' }),
    el('p', {}, el('button', { type: 'button', id: 'mark-all', onclick: markAll }, 'Mark all read')),
    el('ul', { class: 'inbox', id: 'inbox' }),
    el('p', {}, el('button', { type: 'button', class: 'secondary', id: 'more', hidden: true }, 'Older')),
    await emailSection(me));
  await load(null);
  subscribe({
    query: `subscription { notificationReceived { ${FIELDS} } }`,
    authorization: authorization(),
    onState: (s, why) => {
      const status = $('inbox-status');
      if (status && s !== 'live') status.textContent = s === 'reconnecting'
        ? 'Live updates paused; reconnecting…' : 'Live updates refused: ' + why;
    },
    onNext: data => {
      $('inbox').prepend(item(data.notificationReceived));
      count(Number($('inbox').dataset.unread || 0) + 1);
    }
  });
});

async function load(after) {
  const inbox = (await gql(INBOX, { first: PAGE_SIZE, after })).inbox;
  const list = $('inbox');
  if (!after) list.replaceChildren();
  inbox.edges.forEach(edge => list.append(item(edge.node)));
  if (inbox.totalCount === 0) list.replaceChildren(el('li', { id: 'inbox-empty' }, 'Nothing needs you.'));
  count(inbox.unreadCount);
  const more = $('more');
  more.hidden = !inbox.pageInfo.hasNextPage;
  more.onclick = () => load(inbox.pageInfo.endCursor);
}

function count(unread) {
  $('inbox').dataset.unread = String(unread);
  $('inbox-status').textContent = unread === 0 ? 'No unread notifications.'
    : unread === 1 ? '1 unread notification.' : unread + ' unread notifications.';
}

function item(n) {
  const li = el('li', { class: n.read ? 'read' : 'unread', id: 'n-' + n.id, 'data-kind': n.kind },
    el('strong', {}, KIND_IN_WORDS[n.kind] || n.kind), ': ', link(n),
    el('span', { class: 'muted' }, ' · ', when(n.createdAt), n.dueAt ? ' · due ' + when(n.dueAt) : ''));
  if (!n.read) {
    li.append(' ', el('button', { type: 'button', class: 'secondary', onclick: () => markOne(n, li) }, 'Mark read'));
  }
  return li;
}

function link(n) {
  const href = n.subjectType === 'proposal' ? 'proposal.html?id=' + encodeURIComponent(n.subjectId)
    : n.subjectType === 'variation' ? 'variations.html'
    // a due attestation opens the head's attest form; a due review, the standard's review controls
    : n.kind === 'ATTESTATION_DUE' ? 'compliance.html#attest'
    : n.kind === 'REVIEW_DUE' ? 'standard.html?id=' + encodeURIComponent(n.subjectId) + '#review-actions'
    : n.subjectType === 'standard' ? 'standard.html?id=' + encodeURIComponent(n.subjectId)
    : n.subjectType === 'request' ? 'request.html?id=' + encodeURIComponent(n.subjectId) : null;
  return href ? el('a', { href }, n.title) : el('span', {}, n.title);
}

async function markOne(n, li) {
  const result = (await gql(MARK, { input: { notificationIds: [n.id] } })).markNotificationsRead;
  li.className = 'read';
  li.querySelector('button')?.remove();
  count(result.unreadCount);
}

async function markAll() {
  const result = (await gql(MARK, { input: { all: true } })).markNotificationsRead;
  document.querySelectorAll('#inbox li.unread').forEach(li => {
    li.className = 'read';
    li.querySelector('button')?.remove();
  });
  count(result.unreadCount);
}

const EMAIL = `mutation Email($input: SetEmailAddressInput!) { setEmailAddress(input: $input) { person { id } } }`;

/**
 * Where the caller's notifications are mailed (Me.email), and the form that sets or removes it (setEmailAddress):
 * the API checks the address and says why it refuses one, beside the control.
 */
async function emailSection(me) {
  const current = (await gql('{ me { email } }')).me.email;
  const address = el('input', { id: 'email-address', type: 'email', autocomplete: 'email', value: current || '' });
  const shown = el('p', { id: 'email-current' }, current ? ['Your notifications are mailed to ', el('strong', {}, current),
    ' (when the trust\'s operator has turned e-mail on).'] : 'No e-mail address is set: notifications stay in this inbox.');
  return el('section', { id: 'email', 'aria-labelledby': 'email-title' },
    el('h2', { id: 'email-title' }, 'E-mail'), shown,
    el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }),
    actionForm('email', 'Your e-mail address', 'Only you and the trust executive can set it. Empty: removed.',
      field('email-address', 'E-mail address', address),
      el('button', { type: 'submit', id: 'email-button' }, 'Save the address'),
      () => gql(EMAIL, { input: { personId: me.id, email: text(address.value) } }),
      async message => {
        const now = (await gql('{ me { email } }')).me.email;
        shown.replaceChildren(...(now ? ['Your notifications are mailed to ', el('strong', {}, now),
          ' (when the trust\'s operator has turned e-mail on).'] : ['No e-mail address is set: notifications stay in this inbox.']));
        $('action-done').textContent = message;
        $('action-done').focus();
        // the form stays for another change: actionForm leaves its buttons disabled once a change is recorded
        $('email-form').querySelectorAll('button').forEach(b => { b.disabled = false; });
      },
      () => text(address.value) ? 'Your e-mail address was saved.' : 'Your e-mail address was removed.'));
}
