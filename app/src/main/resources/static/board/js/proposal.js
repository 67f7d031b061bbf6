// A proposal: where it stands, the tally and votes, and what it would change, for which schools.
import { day, el, gql, page, param, person, time, notFound } from './accord.js';
import { onDecision, typingIn } from './live.js';
import { plain, statusBadge as badge } from './words.js';
import { proposalActions } from './proposal-actions.js';
import { renderDiff } from './diff.js';
import { PROPOSAL_FIELDS, outcome, revisions, tally, votes } from './votes.js';

const QUERY = `query Proposal($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS}
  area alignment statement rationale effectiveFrom reviewBy amendsVersion
  fromRequest { id title school { name } }
  fromReview { version dueOn standard { id title } }
  appliesTo { phases schoolIds everySchool description schools { id name } clusters { id name } } applicabilityWarnings
  impact { asOf schools { school { id name phase } effect }
    variations { variation { id } school { id name } kind status version effect }
    schoolsGained { id name } schoolsLost { id name } }
  eligibleVoters { id displayName nameErased }
  team { id name chair { id } members { id } trust { id name schools { id name } } }
  standard { id title currentVersion alignment versions { number statement alignment appliesTo { description } }
    variations { id school { id name } version kind status } } } }`;

const OPEN = ['REQUESTED', 'RECORDED', 'APPROVED'];

page('standards.html', async (main, me) => {
  const id = param('id');
  const p = await draw(main, me, id);
  if (p) live(main, me, id);
});

// the confirmation of the reader's last action, kept over redraws; one made on the draft page comes as ?done=
let lastConfirmation = param('done') || '';

/**
 * Reads the proposal and draws the page; after an action of the reader's, confirms it in words and moves the focus
 * there. Returns the proposal (null: not found or not allowed).
 */
async function draw(main, me, id, confirmation) {
  const data = id ? await gql(QUERY, { id }) : { proposal: null };
  if (confirmation) lastConfirmation = confirmation;
  // a redraw (the reader's own action, or someone else's over the live updates, in either order) keeps the reader's
  // place: the confirmation of their last action, and the control they were on
  const focused = main.contains(document.activeElement) ? document.activeElement.id : null;
  const p = data.proposal;
  if (!p) {
    main.replaceChildren(el('h1', {}, 'Proposal'), notFound('The proposal "' + (id || '') + '"'));
    return null;
  }
  const done = message => draw(main, me, id, message);
  const confirmed = el('p', { class: 'status', id: 'action-done', role: 'status', tabindex: '-1' }, lastConfirmation);
  // a delegator whose delegate has voted for them has had their say
  const voted = new Set([...p.votes.map(v => v.voter.id), ...p.recusals.map(r => r.voter.id),
    ...p.votes.flatMap(v => (v.castFor || []).map(c => c.id))]);
  const waiting = p.eligibleVoters.filter(v => !voted.has(v.id));
  main.replaceChildren(
    el('h1', {}, p.title), confirmed, el('p', { class: 'muted', id: 'live-status', 'aria-live': 'polite' }),
    el('dl', { class: 'facts panel' },
      el('dt', {}, 'Status'), el('dd', { id: 'proposal-status' }, outcome(p)),
      el('dt', {}, 'Kind'), el('dd', {}, p.kind.replaceAll('_', ' ').toLowerCase()),
      el('dt', {}, 'Team'), el('dd', {}, p.team.name),
      el('dt', {}, 'Proposed by'), el('dd', {}, person(p.proposer)),
      el('dt', {}, 'Area'), el('dd', {}, p.area.replaceAll('_', ' ').toLowerCase()),
      p.alignment ? [el('dt', {}, 'Alignment'), el('dd', {}, badge(p.alignment))] : null,
      p.kind !== 'RETIRE_STANDARD' ? [el('dt', {}, 'Would apply to'), el('dd', { id: 'applies-to' },
        appliesTo(p.appliesTo))] : null,
      p.effectiveFrom ? [el('dt', {}, 'Would take effect'), el('dd', {}, day(p.effectiveFrom))] : null,
      p.openedAt ? [el('dt', {}, 'Voting opened'), el('dd', {}, time(p.openedAt))] : null,
      p.fromRequest ? [el('dt', {}, 'Asked for by'), el('dd', { id: 'from-request' }, p.fromRequest.school.name, ': ',
        el('a', { href: 'request.html?id=' + encodeURIComponent(p.fromRequest.id) }, p.fromRequest.title))] : null,
      p.fromReview ? [el('dt', {}, 'Raised from'), el('dd', { id: 'from-review' }, fromReview(p))] : null),
    p.applicabilityWarnings.length ? el('div', { class: 'panel', id: 'applicability-warnings', role: 'note' },
      el('p', {}, el('strong', {}, 'About what it applies to:')),
      el('ul', {}, p.applicabilityWarnings.map(w => el('li', {}, plain(w))))) : '',
    p.impact ? impact(p.impact) : '',
    proposalActions(p, me, done) || '',
    el('h2', {}, 'The vote'), tally(p), votes(p, 'proposal'),
    p.status === 'VOTING' && waiting.length ? el('p', { id: 'waiting' }, 'Still to vote: ',
      waiting.map(person).join(', '), '.') : '', // replaceChildren would write null as the text "null"
    el('h2', {}, 'What it would change'), change(p),
    el('h2', {}, 'Its text'), el('blockquote', { id: 'statement' }, p.statement),
    p.rationale ? el('p', {}, el('strong', {}, 'Rationale: '), p.rationale) : '',
    el('h2', {}, 'Revisions'), revisions(p, 'proposal-rev'));
  if (confirmation || (lastConfirmation && !focused && param('done'))) confirmed.focus();
  else if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  return p;
}

/**
 * Decisions about this proposal recorded by anyone (a vote, the chair closing) redraw the page, unless the reader is
 * part-way through writing in one of its forms: then the page says so and redraws after their own action.
 */
function live(main, me, id) {
  let drawing = null;
  let again = false;
  const redraw = async summary => {
    await draw(main, me, id);
    const status = document.getElementById('live-status');
    if (status) status.textContent = 'Just recorded: ' + plain(summary);
  };
  onDecision(me.trustId, 'subjectId summary', async record => {
    if (record.subjectId !== id) return;
    const typing = typingIn(main, '#actions textarea, #actions input');
    if (typing) {
      const status = document.getElementById('live-status');
      if (status) status.textContent = 'Just recorded: ' + plain(record.summary) + ' Your entries are kept; the page '
        + 'shows it after your next action.';
      return;
    }
    if (drawing) {
      again = true;
      return;
    }
    try {
      drawing = redraw(record.summary);
      await drawing;
      while (again) {
        again = false;
        await redraw(record.summary);
      }
    } finally {
      drawing = null;
    }
  });
}

// The standard's review it was raised from, in words, linked to that review on the standard's page.
function fromReview(p) {
  const r = p.fromReview;
  return [el('a', { href: 'standard.html?id=' + encodeURIComponent(r.standard.id) + '#review-'
      + encodeURIComponent(p.id) }, 'the review of version ' + r.version + ' of ' + r.standard.title),
    r.dueOn ? ' (review due ' + day(r.dueOn) + ')' : ''];
}

function change(p) {
  const schools = p.team.trust.schools;
  const s = p.standard;
  if (p.kind === 'NEW_STANDARD') {
    return el('section', { id: 'change' }, el('p', {}, 'A new ', badge(p.alignment || 'GUIDANCE'), ' standard for ',
      plain(p.appliesTo.description), ' of ', p.team.trust.name, ' (the trust has ', String(schools.length), ' schools).'),
      el('p', { class: 'muted' }, meaning(p.alignment)));
  }
  const open = s.variations.filter(v => OPEN.includes(v.status));
  const affected = open.length ? el('p', {}, 'Schools with a variation that would ',
    p.kind === 'RETIRE_STANDARD' ? 'end: ' : 'need re-justifying: ',
    open.map(v => v.school.name + ' (' + v.kind.toLowerCase() + ', version ' + v.version + ')').join(', '), '.')
    : el('p', {}, 'No school has a variation from this standard.');
  if (p.kind === 'RETIRE_STANDARD') {
    return el('section', { id: 'change' }, el('p', {}, 'Retires ', el('a', { href: 'standard.html?id=' + encodeURIComponent(s.id) }, s.title),
      ' for ', plain(s.versions[s.versions.length - 1].appliesTo.description), ' (of the trust\'s ', String(schools.length),
      ' schools).'), affected);
  }
  const base = s.versions.find(v => v.number === p.amendsVersion) || s.versions[s.versions.length - 1];
  return el('section', { id: 'change' },
    el('p', {}, 'Amends ', el('a', { href: 'standard.html?id=' + encodeURIComponent(s.id) }, s.title), ' version ',
      String(base.number), ', which applies to ', plain(base.appliesTo.description),
      base.appliesTo.description !== p.appliesTo.description ? '; it would apply to ' + plain(p.appliesTo.description) : '',
      p.amendsVersion && p.amendsVersion !== s.currentVersion ? ' (the standard has since reached version ' + s.currentVersion + ')' : '', '.'),
    p.alignment && p.alignment !== base.alignment ? el('p', {}, 'Alignment changes from ', badge(base.alignment), ' to ', badge(p.alignment), '.') : null,
    el('h3', {}, 'The statement, as it would change'), renderDiff(base.statement, p.statement), affected);
}

const SCHOOL_EFFECTS = {
  MUST_COMPLY: 'must comply',
  MUST_RECORD_IMPLEMENTATION: 'must record how it implements it',
  MUST_REJUSTIFY: 'must re-justify its variation',
  MAY_FOLLOW: 'may follow it (guidance)',
  NO_LONGER_APPLIES: 'would no longer be covered',
  STANDARD_ENDS: 'the standard ends for it'
};
const VARIATION_EFFECTS = {
  NEEDS_REJUSTIFICATION: 'would need re-justifying',
  ENDS: 'would end',
  NO_LONGER_NEEDED: 'would no longer be needed'
};

/** Before a member votes: which schools the proposal would affect if adopted, and how (reckoned by Accord). */
function impact(i) {
  const names = list => list.map(s => s.name).join(', ');
  return el('section', { id: 'impact', 'aria-labelledby': 'impact-title' },
    el('h2', { id: 'impact-title' }, 'Impact if adopted'),
    el('p', { class: 'muted' }, 'As the record stands now, for ', day(i.asOf), ' (the day it would take effect).'),
    i.schools.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'impact-schools' },
      el('caption', { class: 'muted' }, i.schools.length + (i.schools.length === 1 ? ' school' : ' schools') + ' affected'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'School'), el('th', { scope: 'col' }, 'Phase'),
        el('th', { scope: 'col' }, 'What it would mean'))),
      el('tbody', {}, i.schools.map(s => el('tr', { 'data-school': s.school.id, 'data-effect': s.effect },
        el('td', {}, s.school.name), el('td', {}, s.school.phase.replaceAll('_', ' ').toLowerCase()),
        el('td', {}, SCHOOL_EFFECTS[s.effect] || s.effect))))))
      : el('p', { id: 'impact-none' }, 'No school of the trust would be affected.'),
    i.variations.length ? el('div', {}, el('h3', {}, 'Existing variations'), el('ul', { id: 'impact-variations' },
      i.variations.map(v => el('li', { 'data-variation': v.variation.id, 'data-effect': v.effect },
        v.school.name, ': ', v.kind.toLowerCase(), ' (', v.status.toLowerCase(), ', version ', String(v.version), ') ',
        VARIATION_EFFECTS[v.effect] || v.effect)))) : '',
    i.schoolsGained.length || i.schoolsLost.length ? el('p', { id: 'impact-applicability' },
      i.schoolsGained.length ? 'Would newly apply to: ' + names(i.schoolsGained) + '. ' : '',
      i.schoolsLost.length ? 'Would no longer apply to: ' + names(i.schoolsLost) + '.' : '') : '');
}

/** What a proposal or version applies to, in words, with the schools it names. */
function appliesTo(a) {
  const named = [...(a.clusters || []).map(c => c.name + ' (cluster)'), ...(a.schools || []).map(x => x.name)];
  return named.length ? plain(a.description) + ': ' + named.join(', ') : plain(a.description);
}

function meaning(alignment) {
  switch (alignment) {
    case 'REQUIRED': return 'Required: the same in every school; departing from it needs an approved exception.';
    case 'ADAPTABLE': return 'Adaptable: each school records how it meets it, with a justification.';
    default: return 'Guidance: shared good practice; schools are free.';
  }
}
