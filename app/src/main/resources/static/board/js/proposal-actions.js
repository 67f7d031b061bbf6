// What the signed-in person can do to a proposal from its page: vote or change a vote, recuse, open and close voting,
// withdraw, adopt or decline. Which controls show is a guess from `me` and the proposal's state, to keep the page
// short; the API decides. Every control calls the same GraphQL mutation as any client, through accord.js's gql, and
// a refusal is shown beside the control in the API's own words, with the focus moved to it.
import { day, el, gql, person } from './accord.js';
import { actionForm as sharedActionForm, field, said, text } from './action-form.js';

const PROPOSAL = 'proposal { id status }';

const MUTATIONS = {
  castVote: `mutation Vote($input: CastVoteInput!) { castVote(input: $input) { ${PROPOSAL} } }`,
  recuse: `mutation Recuse($input: RecuseInput!) { recuse(input: $input) { ${PROPOSAL} } }`,
  openVoting: `mutation Open($input: OpenVotingInput!) { openVoting(input: $input) { ${PROPOSAL} } }`,
  closeVoting: `mutation Close($input: CloseVotingInput!) { closeVoting(input: $input) { ${PROPOSAL} } }`,
  withdrawProposal: `mutation Withdraw($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { ${PROPOSAL} } }`,
  adoptProposal: `mutation Adopt($input: AdoptProposalInput!) { adoptProposal(input: $input) { standard { id } ${PROPOSAL} } }`,
  reviseProposal: `mutation Revise($input: ReviseProposalInput!) { reviseProposal(input: $input) { proposal { id status revisions { number } } } }`,
  declineAdoption: `mutation Decline($input: DeclineAdoptionInput!) { declineAdoption(input: $input) { ${PROPOSAL} } }`,
  delegateVote: `mutation Delegate($input: DelegateVoteInput!) { delegateVote(input: $input) { delegation { id status } } }`,
  revokeDelegation: `mutation Revoke($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { delegation { id status } } }`
};

const BEFORE_AN_OUTCOME = ['DRAFT', 'VOTING'];

/**
 * The section of controls for this person and proposal, or null when there is nothing they could do. done(message)
 * is called after a mutation was recorded: the page reads the proposal again and confirms in words.
 */
export function proposalActions(p, me, done) {
  const chair = p.team.chair && p.team.chair.id === me.id;
  const proposer = p.proposer && p.proposer.id === me.id;
  const eligible = (p.eligibleVoters || []).some(v => v.id === me.id);
  const recused = p.recusals.some(r => r.voter.id === me.id);
  const executive = (me.roles || []).includes('TRUST_EXECUTIVE');
  const member = chair || (p.team.members || []).some(m => m.id === me.id);
  const forms = [];
  if (p.status === 'DRAFT' && member) forms.push(reviseForm(p, done));
  if (p.status === 'VOTING' && eligible && !recused) {
    forms.push(voteForm(p, me, done), delegationForm(p, me, done), recuseForm(p, done));
  }
  if (p.status === 'DRAFT' && chair) forms.push(openForm(p, done));
  if (p.status === 'VOTING' && chair) forms.push(closeForm(p, done));
  if (BEFORE_AN_OUTCOME.includes(p.status) && (chair || proposer)) forms.push(withdrawForm(p, done));
  if (p.status === 'RATIFIED' && executive) forms.push(adoptForm(p, done), declineForm(p, done));
  if (!forms.length) return null;
  return el('section', { id: 'actions', 'aria-labelledby': 'actions-title' },
    el('h2', { id: 'actions-title' }, 'What you can do'), forms);
}

/** A form whose submit calls one mutation on this proposal with input(submitter). */
function actionForm(id, title, hint, fields, buttons, mutation, input, done, confirmation) {
  const form = sharedActionForm(id, title, hint, fields, buttons,
    submitter => gql(MUTATIONS[mutation], { input: { proposalId: form.dataset.proposal, ...input(submitter) } }),
    message => done(message), confirmation);
  return form;
}

const CHOICE_WORDS = { APPROVE: 'approve', OBJECT: 'object', ABSTAIN: 'abstain' };

function voteForm(p, me, done) {
  const standing = p.votes.find(v => v.voter.id === me.id);
  const rationale = el('textarea', { id: 'vote-rationale', name: 'rationale', rows: 3,
    'aria-describedby': 'vote-hint' }, standing && standing.rationale ? standing.rationale : '');
  const form = actionForm('vote', standing ? 'Change your vote' : 'Vote',
    standing ? ['You voted ', el('strong', { id: 'vote-standing' }, CHOICE_WORDS[standing.choice]),
      '. You may change your vote until voting closes; every vote you cast is kept.']
      : 'Choose after giving your reasons. You may change your vote until voting closes.',
    el('div', {}, el('label', { for: 'vote-rationale' }, 'Your rationale'),
      el('p', { class: 'muted', id: 'vote-hint' }, 'Needed to object; welcome with any vote.'), rationale),
    // the three choices look alike: the page nudges no voter
    Object.entries(CHOICE_WORDS).map(([choice, word]) => el('button', { type: 'submit', name: 'choice', value: choice,
      id: 'vote-' + word },
      word[0].toUpperCase() + word.slice(1))),
    'castVote', submitter => ({ choice: submitter.value, rationale: text(rationale.value) }), done,
    submitter => 'Your vote (' + CHOICE_WORDS[submitter.value] + ') was recorded.');
  form.dataset.proposal = p.id;
  return form;
}

function recuseForm(p, done) {
  const interest = el('textarea', { id: 'recuse-interest', name: 'interest', rows: 2 });
  const form = actionForm('recuse', 'Recuse yourself',
    'Declare an interest: you are then not counted on this proposal, and the interest is in the record.',
    el('div', {}, el('label', { for: 'recuse-interest' }, 'Your interest'), interest),
    el('button', { type: 'submit', id: 'recuse-button', class: 'secondary' }, 'Recuse'),
    'recuse', () => ({ interest: said(interest.value) }), done, 'Your recusal was recorded.');
  form.dataset.proposal = p.id;
  return form;
}

function openForm(p, done) {
  const closesAt = el('input', { id: 'open-closes-at', name: 'closesAt', type: 'datetime-local',
    'aria-describedby': 'open-hint' });
  const form = actionForm('open', 'Open voting', null,
    el('div', {}, el('label', { for: 'open-closes-at' }, 'Voting closes at (optional)'),
      el('p', { class: 'muted', id: 'open-hint' }, 'In your time zone. Left empty, the team\'s voting window applies.'),
      closesAt),
    el('button', { type: 'submit', id: 'open-button' }, 'Open voting'),
    'openVoting', () => ({ closesAt: closesAt.value ? new Date(closesAt.value).toISOString() : null }), done,
    'Voting is open.');
  form.dataset.proposal = p.id;
  return form;
}

function closeForm(p, done) {
  const form = actionForm('close', 'Close voting',
    'Closing counts the standing votes under the team\'s decision rule; nobody can vote after it.',
    null, el('button', { type: 'submit', id: 'close-button' }, 'Close voting now'),
    'closeVoting', () => ({}), done, 'Voting is closed.');
  form.dataset.proposal = p.id;
  return form;
}

function withdrawForm(p, done) {
  const reason = el('textarea', { id: 'withdraw-reason', name: 'reason', rows: 2 });
  const form = actionForm('withdraw', 'Withdraw the proposal', 'Withdrawing ends it without an outcome.',
    el('div', {}, el('label', { for: 'withdraw-reason' }, 'Reason'), reason),
    el('button', { type: 'submit', id: 'withdraw-button', class: 'secondary' }, 'Withdraw'),
    'withdrawProposal', () => ({ reason: said(reason.value) }), done, 'The proposal was withdrawn.');
  form.dataset.proposal = p.id;
  return form;
}

function adoptForm(p, done) {
  const from = el('input', { id: 'adopt-effective-from', name: 'effectiveFrom', type: 'date',
    value: p.effectiveFrom || null });
  const review = el('input', { id: 'adopt-review-by', name: 'reviewBy', type: 'date', value: p.reviewBy || null });
  const form = actionForm('adopt', 'Adopt into the backbone',
    'The team ratified it. Adopting makes it a standard of the trust from the date below.',
    el('div', { class: 'pick' },
      el('div', {}, el('label', { for: 'adopt-effective-from' }, 'Effective from'), from),
      el('div', {}, el('label', { for: 'adopt-review-by' }, 'Review by'), review)),
    el('button', { type: 'submit', id: 'adopt-button' }, 'Adopt'),
    'adoptProposal', () => ({ effectiveFrom: from.value || null, reviewBy: review.value || null }), done,
    () => 'Adopted: in force from ' + (from.value ? day(from.value) : 'the date proposed') + '.');
  form.dataset.proposal = p.id;
  return form;
}

function declineForm(p, done) {
  const reason = el('textarea', { id: 'decline-reason', name: 'reason', rows: 2 });
  const form = actionForm('decline', 'Decline adoption', 'The proposal stays in the record as ratified and declined.',
    el('div', {}, el('label', { for: 'decline-reason' }, 'Reason'), reason),
    el('button', { type: 'submit', id: 'decline-button', class: 'secondary' }, 'Decline'),
    'declineAdoption', () => ({ reason: said(reason.value) }), done, 'Adoption was declined.');
  form.dataset.proposal = p.id;
  return form;
}

/** Any member of the team, while DRAFT: a new revision of the text, with a note; the page then shows its diff. */
function reviseForm(p, done) {
  const title = el('input', { id: 'revise-proposal-title', value: p.title });
  const statement = el('textarea', { id: 'revise-statement', rows: 5 }, p.statement || '');
  const rationale = el('textarea', { id: 'revise-rationale', rows: 3 }, p.rationale || '');
  const note = el('input', { id: 'revise-note' });
  const latest = p.revisions.length ? p.revisions[p.revisions.length - 1].number : null;
  const form = actionForm('revise', 'Revise the draft',
    'Every revision is kept, and the page shows what changed between any two.',
    [field('revise-proposal-title', 'Title', title), field('revise-statement', 'Statement', statement),
      field('revise-rationale', 'Rationale', rationale),
      field('revise-note', 'What you changed and why (optional)', note)],
    el('button', { type: 'submit', id: 'revise-button' }, 'Save a new revision'),
    'reviseProposal', () => ({ title: said(title.value), statement: said(statement.value),
      rationale: text(rationale.value), note: text(note.value), expectedRevision: latest }), done,
    (submitter, result) => {
      const revisions = result.reviseProposal.proposal.revisions;
      return 'Revision ' + revisions[revisions.length - 1].number + ' was saved.';
    });
  form.dataset.proposal = p.id;
  return form;
}

/**
 * An eligible voter, while VOTING: let another eligible voter's vote count for theirs (delegateVote on this proposal),
 * or take back the delegation in force (revokeDelegation), carried in from a period or made here. Who may be chosen,
 * chains and second delegations are the API's to refuse.
 */
function delegationForm(p, me, done) {
  const mine = (p.delegations || []).find(d => d.delegator.id === me.id && d.status === 'IN_FORCE');
  const toMe = (p.delegations || []).filter(d => d.delegate.id === me.id && d.status === 'IN_FORCE');
  const forMe = toMe.length ? el('p', { id: 'delegated-to-you' }, toMe.map(d => person(d.delegator)).join(', '),
    toMe.length === 1 ? ' has' : ' have', ' delegated their vote to you: your vote counts for them too.') : null;
  if (mine) {
    const form = actionForm('revoke-delegation', 'Your delegation',
      ['Your vote goes to ', el('strong', { id: 'delegation-standing' }, person(mine.delegate)),
        mine.periodDelegationId ? ' (carried in from a delegation for a period).' : '.',
        ' Take it back to vote yourself, or simply vote: your own vote overrides it.'],
      forMe, el('button', { type: 'submit', id: 'revoke-delegation-button', class: 'secondary' }, 'Take back my delegation'),
      'revokeDelegation', () => ({}), done, 'Your delegation was taken back: your vote is yours again.');
    form.dataset.proposal = p.id;
    return form;
  }
  const others = (p.eligibleVoters || []).filter(v => v.id !== me.id);
  const delegate = el('select', { id: 'delegate-to' }, others.map(v => el('option', { value: v.id }, person(v))));
  const form = actionForm('delegate', 'Delegate your vote',
    'If you cannot vote yourself: another voter\'s vote then counts for yours too, unless you vote.',
    [forMe, field('delegate-to', 'Delegate to', delegate)],
    el('button', { type: 'submit', id: 'delegate-button', class: 'secondary' }, 'Delegate'),
    'delegateVote', () => ({ delegateId: delegate.value }), done,
    () => 'Your vote is delegated to ' + delegate.selectedOptions[0].textContent + '.');
  form.dataset.proposal = p.id;
  return form;
}
