// The trust's standards and proposals, as a way in to their pages.
import { badge, el, gql, page, param, notFound, day, when } from './accord.js';
import { statusBadge } from './words.js';

page('standards.html', async (main, me) => {
  const trustId = param('trust') || me.trustId;
  const data = await gql(`query S($id: ID!) {
    trust(id: $id) { id name standards { id title area alignment currentVersion retiredOn current { effectiveFrom } } }
    proposals(trustId: $id, first: 100) { edges { node { id title kind status area team { name } closesAt } } }
    peerReviews: trust(id: $id) { peerReviewSummary { reviews strengths areasForDevelopment actionsAgreed actionsCompleted actionsOverdue requestsRaised } }
    reviewsDue(trustId: $id, within: 30) { until
      standards { standard { id } title version reviewBy overdue proposals { id title status } }
      variations { id kind status reviewBy expiresOn school { name } standard { id title } } } }`,
  { id: trustId });
  if (!data.trust) {
    main.replaceChildren(el('h1', {}, 'Standards and proposals'), notFound('The trust "' + trustId + '"'));
    return;
  }
  const standards = [...data.trust.standards].sort((a, b) => a.title.localeCompare(b.title));
  main.replaceChildren(el('h1', {}, 'Standards and proposals: ', data.trust.name),
    el('h2', { id: 'standards-title' }, 'The backbone'),
    el('ul', { id: 'standards', 'aria-labelledby': 'standards-title' }, standards.map(s => el('li', {},
      el('a', { href: 'standard.html?id=' + encodeURIComponent(s.id) }, s.title), ' ', statusBadge(s.alignment),
      el('span', { class: 'muted' }, ' ' + s.area.replaceAll('_', ' ').toLowerCase() + ', version ' + s.currentVersion
        + ' in force from ' + day(s.current.effectiveFrom) + (s.retiredOn ? ', retired from ' + day(s.retiredOn) : ''))))),
    dueForReview(data.reviewsDue),
    peerReviewSummary(data.peerReviews.peerReviewSummary),
    el('h2', { id: 'proposals-title' }, 'Proposals'),
    el('ul', { id: 'proposals', 'aria-labelledby': 'proposals-title' }, data.proposals.edges.map(({ node: p }) => el('li', {},
      el('a', { href: 'proposal.html?id=' + encodeURIComponent(p.id) }, p.title), ' ', statusBadge(p.status),
      el('span', { class: 'muted' }, ' ' + p.kind.replaceAll('_', ' ').toLowerCase() + ', ' + p.team.name
        + (p.status === 'VOTING' ? ', voting closes ' + when(p.closesAt) : ''))))));
});

// What falls due in the next 30 days, overdue first: standards to review (reaffirm, or raise an amendment or a
// retirement from the review) and variations about to lapse. Attestations due are to join this list (issue 20, item 1).
function dueForReview(due) {
  const standards = due ? due.standards : [];
  const variations = due ? due.variations : [];
  return el('section', { id: 'due-for-review', 'aria-labelledby': 'due-title' },
    el('h2', { id: 'due-title' }, 'Due for review'),
    el('p', { class: 'muted' }, 'Standards whose review date has passed or falls by ' + day(due && due.until)
      + ', and schools\' variations that lapse by then.'),
    standards.length || variations.length ? null : el('p', { id: 'due-none' }, 'Nothing is due for review.'),
    standards.length ? el('ul', { id: 'due-standards', 'aria-label': 'Standards due for review' }, standards.map(d =>
      el('li', { 'data-standard': d.standard.id, 'data-overdue': String(d.overdue) },
        el('a', { href: 'standard.html?id=' + encodeURIComponent(d.standard.id) + '#reviews' }, d.title), ' ',
        d.overdue ? badge('OVERDUE') : badge('DUE'),
        el('span', { class: 'muted' }, ' version ' + d.version + ', review ' + (d.overdue ? 'was due ' : 'due ')
          + day(d.reviewBy) + (d.proposals.length ? '; raised from its review: ' + d.proposals.map(p => p.title + ' ('
            + p.status.toLowerCase() + ')').join(', ') : ''))))) : null,
    variations.length ? el('ul', { id: 'due-variations', 'aria-label': 'Variations about to lapse' }, variations.map(v =>
      el('li', { 'data-variation': v.id },
        el('a', { href: 'standard.html?id=' + encodeURIComponent(v.standard.id) + '#variation-' + encodeURIComponent(v.id) },
          v.school.name + ': ' + v.standard.title), ' ', statusBadge(v.status),
        el('span', { class: 'muted' }, ' ' + v.kind.toLowerCase() + (v.expiresOn ? ', expires ' + day(v.expiresOn)
          : ', review by ' + day(v.reviewBy)))))) : null);
}

// Peer reviews between schools, counted: the reviews themselves are the two schools' and the trust leadership's.
function peerReviewSummary(s) {
  return el('section', { id: 'peer-reviews', 'aria-labelledby': 'peer-reviews-title' },
    el('h2', { id: 'peer-reviews-title' }, 'Peer reviews'),
    el('p', { id: 'peer-review-summary' }, s.reviews + (s.reviews === 1 ? ' review' : ' reviews') + ' between schools: '
      + s.strengths + ' strengths and ' + s.areasForDevelopment + ' areas for development found; ' + s.actionsAgreed
      + ' actions agreed, ' + s.actionsCompleted + ' completed, ' + s.actionsOverdue + ' overdue; ' + s.requestsRaised
      + ' findings raised as requests for standardisation.'));
}
