// How a proposal was decided, shared by the standard's and the proposal's pages: tally, votes with rationales
// (dissent marked), recusals, and a word diff between any two of its revisions.
import { el, person, time } from './accord.js';
import { statusBadge as badge } from './words.js';
import { renderDiff } from './diff.js';

export const PROPOSAL_FIELDS = `id kind status title outcome openedAt closesAt closedAt
  proposer { id displayName nameErased }
  tally { approve object abstain recused eligible delegated }
  decisionRule { mode quorum threshold }
  votes { voter { id displayName nameErased } choice rationale castAt castFor { id displayName nameErased } }
  delegations { id delegator { id displayName nameErased } delegate { id displayName nameErased } periodDelegationId
    status delegatedAt revokedAt }
  voteHistory { voter { id displayName nameErased } choice rationale castAt }
  recusals { voter { id displayName nameErased } interest recusedAt }
  revisions { number title statement rationale note revisedBy { id displayName nameErased } revisedAt }`;

export function tally(p) {
  const t = p.tally;
  return el('p', { class: 'tally' }, el('strong', {}, 'Tally: '),
    `${t.approve} approve, ${t.object} object, ${t.abstain} abstain, ${t.recused} recused, of ${t.eligible} eligible`,
    t.delegated ? ` (${t.delegated} cast by a delegate)` : '',
    p.decisionRule ? ` (${p.decisionRule.mode.toLowerCase()}, quorum ${Math.round(p.decisionRule.quorum * 100)}%`
      + (p.decisionRule.mode === 'MAJORITY' ? `, threshold ${Math.round(p.decisionRule.threshold * 100)}%)` : ')') : '');
}

export function votes(p, idPrefix) {
  if (!p.votes.length && !p.recusals.length) {
    return el('div', {}, el('p', { class: 'muted' }, p.status === 'DRAFT' ? 'Not yet put to a vote.' : 'No votes were cast.'),
      delegations(p, idPrefix));
  }
  const changed = p.voteHistory.length - p.votes.length;
  return el('div', {},
    el('div', { class: 'table-wrap' }, el('table', { id: idPrefix + '-votes' },
      el('caption', { class: 'muted' }, 'Standing votes' + (changed > 0 ? ` (${changed} earlier vote${changed > 1 ? 's' : ''} changed)` : '')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Voter'), el('th', { scope: 'col' }, 'Vote'),
        el('th', { scope: 'col' }, 'Rationale'), el('th', { scope: 'col' }, 'Cast'))),
      el('tbody', {}, p.votes.map(v => el('tr', { class: v.choice === 'OBJECT' ? 'dissent' : null },
        el('td', {}, person(v.voter), v.castFor && v.castFor.length
          ? el('span', { class: 'muted' }, ' (also for ' + v.castFor.map(person).join(', ') + ', by delegation)') : null),
        el('td', {}, badge(v.choice), v.choice === 'OBJECT' ? el('span', {}, ' dissent') : null),
        el('td', {}, v.rationale || el('span', { class: 'muted' }, 'none given')),
        el('td', {}, time(v.castAt))))))),
    p.recusals.length ? el('div', {}, el('h4', {}, 'Recusals'), el('ul', {}, p.recusals.map(r => el('li', {},
      person(r.voter), ' declared an interest: ', r.interest, ' (', time(r.recusedAt), ')')))) : null,
    delegations(p, idPrefix));
}

const DELEGATION_STATUS = {
  IN_FORCE: 'in force', OVERRIDDEN: 'overridden: they voted themselves', DELEGATOR_RECUSED: 'void: they recused',
  DELEGATE_RECUSED: 'void: the delegate recused', REVOKED: 'revoked', ENDED: 'ended',
};

/** Who let whom vote for them, and whether it counts (docs/decisions.md, delegated votes). */
function delegations(p, idPrefix) {
  const all = p.delegations || [];
  if (!all.length) return null;
  return el('div', { id: idPrefix + '-delegations' }, el('h4', {}, 'Delegations'), el('ul', {}, all.map(d => el('li', {},
    person(d.delegator), ' delegated their vote to ', person(d.delegate),
    d.periodDelegationId ? ' (for a period that covers the day voting opened)' : '',
    ' on ', time(d.delegatedAt), ': ', DELEGATION_STATUS[d.status] || d.status,
    d.revokedAt ? [' on ', time(d.revokedAt)] : null, '.'))));
}

/** Two pickers and the word diff of title, statement and rationale between the chosen revisions. */
export function revisions(p, idPrefix) {
  const revs = p.revisions;
  if (revs.length < 2) {
    return el('p', { class: 'muted' }, 'One revision: the text was not changed after drafting.');
  }
  const pick = (id, label, selected) => el('div', {}, el('label', { for: id }, label),
    el('select', { id }, revs.map(r => el('option', { value: r.number, selected: r.number === selected },
      'Revision ' + r.number + (r.note ? ': ' + r.note : '')))));
  const out = el('div', { id: idPrefix + '-diff', 'aria-live': 'polite' });
  const box = el('div', { class: 'revisions' },
    el('div', { class: 'pick' }, pick(idPrefix + '-from', 'Compare revision', revs[revs.length - 2].number),
      pick(idPrefix + '-to', 'with revision', revs[revs.length - 1].number)), out);
  const draw = () => {
    const a = revs.find(r => String(r.number) === box.querySelector('#' + idPrefix + '-from').value);
    const b = revs.find(r => String(r.number) === box.querySelector('#' + idPrefix + '-to').value);
    out.replaceChildren(
      el('p', { class: 'muted' }, `Revision ${a.number} by ${person(a.revisedBy)}, `, time(a.revisedAt),
        ` → revision ${b.number} by ${person(b.revisedBy)}, `, time(b.revisedAt)),
      el('h4', {}, 'Title'), renderDiff(a.title, b.title),
      el('h4', {}, 'Statement'), renderDiff(a.statement, b.statement),
      el('h4', {}, 'Rationale'), renderDiff(a.rationale, b.rationale));
  };
  box.addEventListener('change', draw);
  draw();
  return box;
}

export function outcome(p) {
  return el('p', {}, badge(p.status), p.outcome && p.outcome !== p.status ? [' vote ', badge(p.outcome)] : null,
    p.closedAt ? [' closed ', time(p.closedAt)] : p.closesAt ? [' closes ', time(p.closesAt)] : null);
}
