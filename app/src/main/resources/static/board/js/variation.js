// One school's variation from a standard: what and why, where it stands, its history, and what the reader can do
// about it (variation-actions.js). Decisions about it recorded elsewhere redraw the page over the live updates.
import { day, el, gql, page, param, person, time, notFound } from './accord.js';
import { onDecision, typingIn } from './live.js';
import { plain, statusBadge, words } from './words.js';
import { variationActions } from './variation-actions.js';

const QUERY = `query Variation($id: ID!) { variation(id: $id) {
  id version kind status needsRejustification description justification reviewBy expiresOn
  school { id name } standard { id title alignment currentVersion }
  decidedBy { id displayName nameErased }
  history { type status version at effectiveOn by { id displayName nameErased } note } } }`;

// the confirmation of the reader's last action, kept over redraws; one made on the standard's page comes as ?done=
let lastConfirmation = param('done') || '';

page('variations.html', async (main, me) => {
  const id = param('id');
  const v = await draw(main, me, id);
  if (v) live(main, me, id);
});

async function draw(main, me, id, confirmation) {
  const v = id ? (await gql(QUERY, { id })).variation : null;
  if (!v) {
    main.replaceChildren(el('h1', {}, 'Variation'), notFound('The variation "' + (id || '') + '"'));
    return null;
  }
  if (confirmation) lastConfirmation = confirmation;
  const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
  // the head's school comes with me only on request: the actions need it
  const who = me.school === undefined ? await gql('{ me { school { id name } } }').then(d => d.me) : me;
  me.school = who.school;
  const done = message => draw(main, me, id, message);
  const confirmed = el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }, lastConfirmation);
  main.replaceChildren(
    el('h1', {}, v.school.name, ': ', v.standard.title),
    confirmed, el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('dl', { class: 'facts panel' },
      el('dt', {}, 'Status'), el('dd', { id: 'variation-status' }, statusBadge(v.status),
        v.needsRejustification ? [' ', statusBadge('NEEDS_REJUSTIFICATION')] : null),
      el('dt', {}, 'Kind'), el('dd', {}, words(v.kind), ' from a ', words(v.standard.alignment), ' standard'),
      el('dt', {}, 'Standard'), el('dd', {}, el('a', { href: 'standard.html?id=' + encodeURIComponent(v.standard.id) },
        v.standard.title), ', pinned to version ' + v.version + ' (now at version ' + v.standard.currentVersion + ')'),
      v.description ? [el('dt', {}, 'What'), el('dd', { id: 'variation-description' }, v.description)] : null,
      el('dt', {}, 'Why'), el('dd', { id: 'variation-justification' }, v.justification || ''),
      v.reviewBy ? [el('dt', {}, 'Review by'), el('dd', {}, day(v.reviewBy))] : null,
      v.expiresOn ? [el('dt', {}, 'Expires'), el('dd', {}, day(v.expiresOn))] : null,
      v.decidedBy ? [el('dt', {}, 'Decided by'), el('dd', {}, person(v.decidedBy))] : null),
    variationActions(v, me, done) || '',
    el('h2', { id: 'history-title' }, 'Its history'),
    el('ol', { id: 'variation-history', 'aria-labelledby': 'history-title' }, v.history.map(c => el('li', {},
      time(c.at), ': ', words(c.type.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()), ' (', statusBadge(c.status),
      ', version ', String(c.version), ') by ', person(c.by), c.note ? ['. ', el('q', {}, c.note)] : null))));
  if (confirmation || (lastConfirmation && !focused && param('done'))) confirmed.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  return v;
}

function live(main, me, id) {
  onDecision(me.trustId, 'subjectId summary', async record => {
    if (record.subjectId !== id) return;
    const status = document.getElementById('live-status');
    if (typingIn(main, '#actions textarea, #actions input')) {
      if (status) status.textContent = 'Just recorded: ' + plain(record.summary)
        + ' Your entries are kept; the page shows it after your next action.';
      return;
    }
    await draw(main, me, id);
    const after = document.getElementById('live-status');
    if (after) after.textContent = 'Just recorded: ' + plain(record.summary);
  });
}
