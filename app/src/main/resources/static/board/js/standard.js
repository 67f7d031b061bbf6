// A standard's history: each version on a timeline with the proposal that made it, its revisions, votes,
// dissent and recusals, who adopted it and when, and the schools' variations against it.
import { $, day, el, gql, page, param, person, time, notFound } from './accord.js';
import { actionForm, field, said, text } from './action-form.js';
import { renderDiff } from './diff.js';
import { PROPOSAL_FIELDS, outcome, revisions, tally, votes } from './votes.js';
import { plain, statusBadge, words } from './words.js';
import { schoolActions } from './variation-actions.js';

const QUERY = `query Standard($id: ID!) { standard(id: $id) {
  id title area alignment currentVersion retiredOn retiredAt nextReviewBy trust { id name } cluster { id name lead { id } }
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
  // read before the page is drawn: compareVersions draws its diff in a microtask, once the page is in place
  const reviewing = await reviewActions(s, me);
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
    reviewing,
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
    // a review that raised a proposal is named by it, so the proposal's page links straight to it (#review-<id>)
    s.reviews.length ? el('ol', { id: 'review-list' }, s.reviews.map(r => el('li',
      { id: r.proposal ? 'review-' + r.proposal.id : null },
      // the moment as an element of its own: joined into a string it read "[object HTMLTimeElement]"
      statusBadge(r.outcome), ' version ' + r.version + ', ', time(r.reviewedAt), ' by ', person(r.reviewedBy),
      r.dueOn ? ' (review due ' + day(r.dueOn) + ')' : '',
      r.outcome === 'REAFFIRMED' ? [': ', el('q', {}, r.rationale), ' Next review by ' + day(r.nextReviewBy) + '.']
        : r.proposal ? [': ', el('a', { href: 'proposal.html?id=' + encodeURIComponent(r.proposal.id) }, r.proposal.title),
          ' (' + r.proposal.status.toLowerCase() + ')'] : null)))
      : el('p', { class: 'muted' }, 'Not reviewed yet.'));
}

const REAFFIRM = `mutation Reaffirm($input: ReaffirmStandardInput!) { reaffirmStandard(input: $input) { review { outcome } } }`;
const RAISE = `mutation Raise($input: RaiseReviewProposalInput!) { raiseReviewProposal(input: $input) { proposal { id } } }`;

/**
 * Reviews that act: whoever adopts for the standard's scope (the trust executive, or the lead of the cluster a cluster
 * standard is for) re-affirms it unchanged with a rationale and the next review date; a member of a team raises an
 * amendment or a retirement from the review, as a draft proposal. Which forms show is a guess from `me`; the API
 * decides, and its refusal shows beside the control. Empty for anyone else, and once the standard is retired.
 */
async function reviewActions(s, me) {
  if (s.retiredOn) return '';
  const adopter = s.cluster ? !!(s.cluster.lead && s.cluster.lead.id === me.id)
    : (me.roles || []).includes('TRUST_EXECUTIVE');
  const teams = (await gql('{ me { teams { id name remit } } }')).me.teams;
  if (!adopter && !teams.length) return '';
  const done = param('done');
  const again = (message, anchor) => {
    location.href = 'standard.html?id=' + encodeURIComponent(s.id) + '&done=' + encodeURIComponent(message) + anchor;
  };
  return el('section', { id: 'review-actions', class: 'panel', 'aria-labelledby': 'review-actions-title', tabindex: '-1' },
    el('h2', { id: 'review-actions-title' }, 'Review it'),
    el('p', { class: 'status', id: 'review-done', role: 'status', tabindex: '-1' }, done || ''),
    el('p', { class: 'muted' }, 'Version ' + s.currentVersion + ' is ', s.nextReviewBy ? 'to be reviewed by '
      + day(s.nextReviewBy) : 'not given a review date', '. A review either keeps it as it is, or raises a proposal.'),
    adopter ? reaffirmForm(s, again) : '',
    teams.length ? raiseForm(s, teams) : '');
}

function reaffirmForm(s, again) {
  const rationale = el('textarea', { id: 'reaffirm-standard-rationale', rows: 3 });
  const next = el('input', { id: 'reaffirm-standard-next', type: 'date' });
  return actionForm('reaffirm-standard', 'Keep it as it is',
    s.cluster ? 'As the lead of ' + s.cluster.name + ', for whose schools it is.' : 'For the whole trust, as its executive.',
    [field('reaffirm-standard-rationale', 'Why it stays as it is', rationale),
      field('reaffirm-standard-next', 'Next review by', next, 'A date in the future.')],
    el('button', { type: 'submit', id: 'reaffirm-standard-button' }, 'Reaffirm'),
    // the API's type requires the date, and graphql-java's refusal of a missing one is not in words anyone says
    () => next.value ? gql(REAFFIRM, { input: { standardId: s.id, rationale: said(rationale.value), nextReviewBy: next.value } })
      : Promise.reject(new Error('Give the date of the next review: a date in the future.')),
    message => again(message, '#review-actions'), 'The standard was reaffirmed.');
}

function raiseForm(s, teams) {
  const covering = teams.find(t => t.remit.includes(s.area));
  const team = el('select', { id: 'raise-review-team' }, teams.map(t => el('option', { value: t.id,
    selected: covering && t.id === covering.id }, t.name)));
  const kind = el('select', { id: 'raise-review-kind' },
    el('option', { value: 'AMEND_STANDARD' }, 'An amendment of version ' + s.currentVersion),
    el('option', { value: 'RETIRE_STANDARD' }, 'Retiring the standard'));
  const statement = el('textarea', { id: 'raise-review-statement', rows: 4 },
    s.versions.find(v => v.number === s.currentVersion).statement);
  const rationale = el('textarea', { id: 'raise-review-rationale', rows: 2 });
  const statementField = field('raise-review-statement', 'The amended statement', statement);
  kind.addEventListener('change', () => { statementField.hidden = kind.value === 'RETIRE_STANDARD'; });
  return actionForm('raise-review', 'Raise a proposal from the review',
    'A draft in your team, linked to this review; the team revises it and votes as on any proposal.',
    [field('raise-review-team', 'Team', team), field('raise-review-kind', 'What it proposes', kind), statementField,
      field('raise-review-rationale', 'Why (optional)', rationale)],
    el('button', { type: 'submit', id: 'raise-review-button' }, 'Raise the proposal'),
    () => gql(RAISE, { input: { standardId: s.id, teamId: team.value, kind: kind.value,
      statement: kind.value === 'RETIRE_STANDARD' ? null : said(statement.value), rationale: text(rationale.value) } })
      .then(d => d.raiseReviewProposal.proposal),
    (message, p) => { location.href = 'proposal.html?id=' + encodeURIComponent(p.id) + '&done=' + encodeURIComponent(message); },
    'A draft proposal was raised from the review.');
}
