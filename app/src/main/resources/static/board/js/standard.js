// A standard's history: each version on a timeline with the proposal that made it, its revisions, votes,
// dissent and recusals, who adopted it and when, and the schools' variations against it.
import { $, day, el, gql, page, param, person, time, notFound } from './accord.js';
import { renderDiff } from './diff.js';
import { PROPOSAL_FIELDS, outcome, revisions, tally, votes } from './votes.js';
import { plain, statusBadge, words } from './words.js';
import { schoolActions } from './variation-actions.js';

const QUERY = `query Standard($id: ID!) { standard(id: $id) {
  id title area alignment currentVersion retiredOn retiredAt nextReviewBy trust { id name }
  reviews { version outcome rationale dueOn nextReviewBy reviewedAt reviewedBy { id displayName nameErased } proposal { id title status } }
  versions { number title statement alignment effectiveFrom reviewBy appliesTo { description schools { name } clusters { name } } adoptedAt adoptedBy { id displayName nameErased }
    proposal { ${PROPOSAL_FIELDS} } }
  variations { id school { id name } version kind status needsRejustification description justification
    reviewBy expiresOn decidedBy { id displayName nameErased } } } }`;

page('standards.html', async (main, me) => {
  const id = param('id');
  const data = id ? await gql(QUERY, { id }) : { standard: null };
  const s = data.standard;
  if (!s) {
    main.replaceChildren(el('h1', {}, 'Standard'), notFound('The standard "' + (id || '') + '"'));
    return;
  }
  main.replaceChildren(
    el('h1', {}, s.title),
    el('dl', { class: 'facts panel' },
      el('dt', {}, 'Area'), el('dd', {}, s.area.replaceAll('_', ' ').toLowerCase()),
      el('dt', {}, 'Alignment'), el('dd', {}, statusBadge(s.alignment)),
      el('dt', {}, 'Current version'), el('dd', {}, String(s.currentVersion)),
      el('dt', {}, 'Trust'), el('dd', {}, s.trust.name),
      s.nextReviewBy ? [el('dt', {}, 'Next review'), el('dd', { id: 'next-review' }, day(s.nextReviewBy))] : null,
      s.retiredOn ? [el('dt', {}, 'Retired'), el('dd', {}, 'from ' + day(s.retiredOn))] : null),
    await school(s, me),
    compareVersions(s),
    el('h2', { id: 'timeline-title' }, 'Versions'),
    el('ol', { class: 'timeline', id: 'timeline', 'aria-labelledby': 'timeline-title' },
      [...s.versions].reverse().map(v => version(s, v))),
    reviews(s),
    el('h2', { id: 'variations-title' }, 'All variations of the schools'),
    variationTable(s.variations, 'all-variations'));
  if (location.hash) {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.setAttribute('tabindex', '-1'); target.focus(); }
  }
});

function version(s, v) {
  const p = v.proposal;
  const against = s.variations.filter(x => x.version === v.number);
  return el('li', { id: 'version-' + v.number },
    el('article', { class: 'panel', 'aria-labelledby': 'version-' + v.number + '-title' },
      el('h3', { id: 'version-' + v.number + '-title' }, 'Version ' + v.number + ': ' + v.title, ' ', statusBadge(v.alignment)),
      el('p', {}, 'In force from ', el('strong', {}, day(v.effectiveFrom)),
        v.reviewBy ? ', review by ' + day(v.reviewBy) : '', '. Adopted by ', el('strong', {}, person(v.adoptedBy)),
        ' on ', time(v.adoptedAt), '.'),
      el('p', { class: 'applies-to' }, 'Applies to ', el('strong', {}, plain(v.appliesTo.description)),
        [...v.appliesTo.clusters.map(c => c.name + ' (cluster)'), ...v.appliesTo.schools.map(x => x.name)]
          .map((name, i) => (i ? ', ' : ': ') + name).join(''), '.'),
      el('blockquote', {}, v.statement),
      p ? el('section', { 'aria-label': 'The proposal behind version ' + v.number },
        el('h4', {}, 'Proposal: ', el('a', { href: 'proposal.html?id=' + encodeURIComponent(p.id) }, p.title)),
        el('p', { class: 'muted' }, 'Proposed by ', person(p.proposer), '.'), outcome(p), tally(p), votes(p, 'v' + v.number),
        el('details', {}, el('summary', {}, 'Revisions of the proposal (' + p.revisions.length + ')'),
          revisions(p, 'v' + v.number + '-rev')))
        : el('p', { class: 'muted' }, 'No proposal is recorded for this version.'),
      el('h4', {}, 'Schools\' variations against version ' + v.number),
      against.length ? variationTable(against, 'variations-v' + v.number) : el('p', { class: 'muted' }, 'None.')));
}

function variationTable(list, id) {
  if (!list.length) return el('p', { class: 'muted', id }, 'None.');
  return el('div', { class: 'table-wrap' }, el('table', { id },
    el('thead', {}, el('tr', {}, ['School', 'Kind', 'Status', 'Version', 'What and why', 'Until', 'Decided by']
      .map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, list.map(x => el('tr', { id: id === 'all-variations' ? 'variation-' + x.id : null },
      el('td', {}, el('a', { href: 'variation.html?id=' + encodeURIComponent(x.id) }, x.school.name)),
      el('td', {}, words(x.kind)),
      el('td', {}, statusBadge(x.status), x.needsRejustification ? [' ', statusBadge('NEEDS_REJUSTIFICATION')] : null),
      el('td', {}, String(x.version)),
      el('td', {}, x.description ? el('p', {}, x.description) : null, el('p', {}, el('strong', {}, 'Why: '), x.justification || '')),
      el('td', {}, day(x.reviewBy || x.expiresOn)),
      el('td', {}, x.decidedBy ? person(x.decidedBy) : ''))))));
}

function compareVersions(s) {
  if (s.versions.length < 2) return ''; // replaceChildren would write null as the text "null"
  const pick = (id, label, selected) => el('div', {}, el('label', { for: id }, label),
    el('select', { id }, s.versions.map(v => el('option', { value: v.number, selected: v.number === selected },
      'Version ' + v.number))));
  const out = el('div', { id: 'version-diff', 'aria-live': 'polite' });
  const box = el('section', { class: 'panel', 'aria-labelledby': 'compare-title' },
    el('h2', { id: 'compare-title' }, 'Compare versions'),
    el('div', { class: 'pick' }, pick('version-from', 'Compare version', s.versions.length - 1),
      pick('version-to', 'with version', s.versions.length)), out);
  const draw = () => {
    const a = s.versions.find(v => String(v.number) === $('version-from').value);
    const b = s.versions.find(v => String(v.number) === $('version-to').value);
    out.replaceChildren(renderDiff(a.statement, b.statement));
  };
  box.addEventListener('change', draw);
  queueMicrotask(draw);
  return box;
}

/**
 * A head's part on the standard's page: their school's open variation from it, or the form to record how the school
 * meets it (adaptable) or to ask for an exception (required). Empty for everyone else.
 */
async function school(s, me) {
  if (!(me.roles || []).includes('HEADTEACHER')) return '';
  me.school = (await gql('{ me { school { id name } } }')).me.school;
  if (!me.school) return '';
  const mine = s.variations.find(x => x.school.id === me.school.id && ['REQUESTED', 'RECORDED', 'APPROVED'].includes(x.status));
  const section = el('section', { id: 'school-action', class: 'panel', 'aria-labelledby': 'school-action-title', tabindex: '-1' },
    el('h2', { id: 'school-action-title' }, 'Your school'),
    el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }));
  if (mine) {
    section.append(el('p', { id: 'school-variation' }, me.school.name, ' has an ', words(mine.kind), ' (', statusBadge(mine.status), mine.needsRejustification ? [', ', statusBadge('NEEDS_REJUSTIFICATION')] : null,
      '): ', el('a', { href: 'variation.html?id=' + encodeURIComponent(mine.id) }, 'open it')));
    return section;
  }
  const form = schoolActions(s, me, (message, v) => {
    // once recorded, the variation has a page of its own: go there, saying so
    location.href = 'variation.html?id=' + encodeURIComponent(v.id) + '&done=' + encodeURIComponent(message);
  });
  if (!form) {
    section.append(el('p', { class: 'muted' }, 'Guidance: your school is free, and records nothing.'));
    return section;
  }
  section.append(form);
  return section;
}

// Each review of the standard and what it decided: reaffirmed without change (and why), or a proposal raised from it.
function reviews(s) {
  return el('section', { id: 'reviews', 'aria-labelledby': 'reviews-title' },
    el('h2', { id: 'reviews-title' }, 'Reviews'),
    s.reviews.length ? el('ol', { id: 'review-list' }, s.reviews.map(r => el('li', {},
      statusBadge(r.outcome), ' version ' + r.version + ', ' + time(r.reviewedAt) + ' by ', person(r.reviewedBy),
      r.dueOn ? ' (review due ' + day(r.dueOn) + ')' : '',
      r.outcome === 'REAFFIRMED' ? [': ', el('q', {}, r.rationale), ' Next review by ' + day(r.nextReviewBy) + '.']
        : r.proposal ? [': ', el('a', { href: 'proposal.html?id=' + encodeURIComponent(r.proposal.id) }, r.proposal.title),
          ' (' + r.proposal.status.toLowerCase() + ')'] : null)))
      : el('p', { class: 'muted' }, 'Not reviewed yet.'));
}
