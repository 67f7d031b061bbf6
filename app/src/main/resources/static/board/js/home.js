// A person's home page: what needs them now (myWork: votes to cast, exceptions to decide, variations to re-affirm,
// reviews and expiries due; for a head, the adaptable standards their school has not said how it meets), then the
// trust's recent decisions. Anything recorded in the trust, by anyone, reads it all again over the live updates.
import { day, el, gql, page, person, time } from './accord.js';
import { onDecision } from './live.js';
import { periodDelegations } from './delegations.js';
import { inWords, plain, statusBadge } from './words.js';

const WORK = `query Home($trustId: ID!) {
  myWork { asOf
    votesToCast { id title closesAt team { name } }
    proposalsToAdopt { id title team { name } closedAt }
    exceptionsToDecide { id school { name } standard { id title } description justification expiresOn }
    variationsToReaffirm { id kind version standard { id title currentVersion } }
    variationsDue { id kind status reviewBy expiresOn standard { id title } }
    standardsDueForReview { id title currentVersion versions { number reviewBy } }
    attestationsDue { state dueBy version cadence standard { id title } attestation { latestFinding { actions followUpBy } } } }
  me { teams { id } school { id name rulesInForce { status standard { id title } version { number } } } }
  decisionLog(trustId: $trustId, first: 10, newestFirst: true) {
    edges { node { id position occurredAt actor { id displayName nameErased } subjectType subjectId summary } } } }`;

page('home.html', async (main, me) => {
  await draw(main, me);
  live(main, me);
});

async function draw(main, me) {
  // read alongside the work, not after it: one round trip less before the first render
  const delegating = periodDelegations(me, () => draw(main, me));
  delegating.catch(() => {});
  const data = await gql(WORK, { trustId: me.trustId });
  const w = data.myWork;
  const school = data.me.school;
  const missing = school ? school.rulesInForce.filter(r => r.status === 'IMPLEMENTATION_MISSING') : [];
  const sections = [
    section('votes', 'Votes to cast', w.votesToCast, p => [
      el('a', { href: 'proposal.html?id=' + encodeURIComponent(p.id) }, p.title),
      el('span', { class: 'muted' }, ' in ', p.team.name, p.closesAt ? [', voting closes ', time(p.closesAt)] : null)]),
    section('adopt', 'Ratified proposals awaiting adoption', w.proposalsToAdopt, p => [
      el('a', { href: 'proposal.html?id=' + encodeURIComponent(p.id) }, p.title),
      el('span', { class: 'muted' }, ' ratified by ', p.team.name, p.closedAt ? [' ', time(p.closedAt)] : null)]),
    section('exceptions', 'Exceptions awaiting your decision', w.exceptionsToDecide, v => [
      el('a', { href: 'variation.html?id=' + encodeURIComponent(v.id) }, v.school.name, ': ', v.standard.title),
      el('span', { class: 'muted' }, ' asks: ', v.description || v.justification,
        v.expiresOn ? ', until ' + day(v.expiresOn) : '')]),
    section('reaffirm', 'Variations to re-affirm after an amendment', w.variationsToReaffirm, v => [
      el('a', { href: 'variation.html?id=' + encodeURIComponent(v.id) }, v.standard.title),
      el('span', { class: 'muted' }, ' your ', v.kind.toLowerCase(), ' is pinned to version ', String(v.version),
        '; the standard is now at version ', String(v.standard.currentVersion))]),
    section('missing', 'Standards your school has not said how it meets', missing, r => [
      el('a', { href: 'standard.html?id=' + encodeURIComponent(r.standard.id) + '#school-action' }, r.standard.title),
      el('span', { class: 'muted' }, ' (adaptable, version ', String(r.version.number), ')')]),
    section('attest', 'Attestations your school owes', w.attestationsDue, e => [
      el('a', { href: 'compliance.html?attest=' + encodeURIComponent(e.standard.id) + '#attest',
        id: 'attest-link-' + e.standard.id }, e.standard.title), ' ',
      statusBadge(e.state),
      el('span', { class: 'muted' }, ' version ', String(e.version), ', ', inWords(e.cadence),
        e.state === 'CHALLENGED' && e.attestation && e.attestation.latestFinding
          ? '; agreed actions: ' + e.attestation.latestFinding.actions.join('; ')
            + (e.attestation.latestFinding.followUpBy ? ', follow-up by ' + day(e.attestation.latestFinding.followUpBy) : '')
          : e.dueBy ? ', due by ' + day(e.dueBy) : '')]),
    section('due', 'Reviews and expiries due', [...w.variationsDue.map(v => ({ v })),
      ...w.standardsDueForReview.map(s => ({ s }))], ({ v, s }) => v
      ? [el('a', { href: 'variation.html?id=' + encodeURIComponent(v.id) }, v.standard.title), ' ', statusBadge(v.status),
        el('span', { class: 'muted' }, v.expiresOn ? ' expires ' + day(v.expiresOn) : ' review by ' + day(v.reviewBy))]
      : [el('a', { href: 'standard.html?id=' + encodeURIComponent(s.id) + '#review-actions' }, s.title),
        el('span', { class: 'muted' }, ' version ', String(s.currentVersion), ' is to be reviewed by ',
          day(s.versions.find(x => x.number === s.currentVersion).reviewBy))])
  ].filter(Boolean);
  const recent = data.decisionLog.edges.map(e => e.node);
  main.replaceChildren(
    el('h1', {}, 'Your work, ', me.displayName || me.id),
    data.me.teams.length ? el('p', {}, el('a', { href: 'draft.html', id: 'draft-link' }, 'Draft a proposal'),
      ' for one of your teams.') : '',
    el('p', {}, el('a', { href: 'requests.html', id: 'requests-link' }, 'Requests from schools'),
      data.me.school ? [': ask the trust to standardise something, or ', el('a', { href: 'requests.html?raise#raise',
        id: 'raise-link' }, 'raise a request'), '.'] : ', taken up into proposals or declined.'),
    // the trust executive sets the trust up (schools, people, teams) on a page of its own (issue 21, item 1)
    (me.roles || []).includes('TRUST_EXECUTIVE') ? el('p', {}, el('a', { href: 'people.html', id: 'people-link' },
      'Schools, people and teams'), ': register schools and people, form teams and change their members.') : '',
    el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('section', { id: 'my-work', 'aria-labelledby': 'my-work-title' },
      el('h2', { id: 'my-work-title' }, 'What needs you now'),
      sections.length ? sections : el('p', { id: 'nothing-now' }, 'Nothing needs you now.',
        ' Reviews and expiries show here 30 days ahead (as of ', day(w.asOf), ').')),
    el('section', { id: 'recent', 'aria-labelledby': 'recent-title' },
      el('h2', { id: 'recent-title' }, 'Recent decisions of the trust'),
      recent.length ? el('ol', { class: 'log', id: 'recent-decisions' }, recent.map(r => el('li', {},
        el('div', { class: 'entry-head' }, el('span', {}, '#' + r.position), time(r.occurredAt),
          el('span', {}, 'By ', person(r.actor))),
        el('p', { class: 'entry-summary' }, plain(r.summary)), subject(r))))
        : el('p', { class: 'muted' }, 'No decisions yet.'),
      el('p', {}, el('a', { href: 'index.html' }, 'The whole decision register'))));
  // peer reviews between schools, and a team member's delegations for a period, before the trust's recent decisions
  main.querySelector('#my-work').before(el('p', {}, el('a', { href: 'peer-reviews.html', id: 'peer-reviews-link' },
    'Peer reviews'), ' between schools: what was found, the actions agreed and how they are going.'));
  const delegations = await delegating;
  if (delegations) main.querySelector('#recent').before(delegations);
}

/** One kind of work: a heading with its count and a list, or nothing when there is none of it. */
function section(id, title, items, line) {
  if (!items.length) return null;
  return el('div', { class: 'panel', id: 'work-' + id },
    el('h3', { id: 'work-' + id + '-title' }, title, ' (', String(items.length), ')'),
    el('ul', { 'aria-labelledby': 'work-' + id + '-title' }, items.map(item => el('li', {}, line(item)))));
}

function subject(r) {
  const id = encodeURIComponent(r.subjectId || '');
  switch (r.subjectType) {
    case 'proposal': return el('a', { href: 'proposal.html?id=' + id }, 'Open the proposal');
    case 'standard': return el('a', { href: 'standard.html?id=' + id }, 'Open the standard');
    case 'variation': return el('a', { href: 'variation.html?id=' + id }, 'Open the variation');
    case 'request': return el('a', { href: 'request.html?id=' + id }, 'Open the request');
    default: return null;
  }
}

/** Anything recorded in the trust may change the reader's work: read it again, one redraw at a time. */
function live(main, me) {
  let pending = null;
  onDecision(me.trustId, 'summary', record => {
    // a reader part-way through a delegation keeps their entries: the page redraws after their own action
    if (pending || [...main.querySelectorAll('#delegations input')].some(f => f.value)) return;
    pending = setTimeout(async () => {
      pending = null;
      const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
      await draw(main, me).catch(() => {});
      const status = document.getElementById('live-status');
      if (status) status.textContent = 'Just recorded: ' + plain(record.summary);
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    }, 150);
  });
}
