// Drafting a proposal in the pages, for a member of a cross-cutting team: a new standard, an amendment of a
// standard's current version, or its retirement. The API decides what may be drafted; its refusal shows beside the
// control, with the entries kept. Once drafted, the proposal's own page takes over (revising, opening the vote).
import { el, gql, page, param } from './accord.js';
import { actionForm, field, said, text } from './action-form.js';
import { words } from './words.js';

const AREAS = ['SAFEGUARDING', 'CURRICULUM', 'ASSESSMENT', 'TEACHING', 'BEHAVIOUR', 'ATTENDANCE', 'SEND',
  'PERSONAL_DEVELOPMENT', 'CPD', 'GOVERNANCE', 'FINANCE', 'HR', 'DATA_PROTECTION', 'ESTATES', 'IT', 'PUPIL_PREMIUM'];
const KINDS = { NEW_STANDARD: 'A new standard', AMEND_STANDARD: 'An amendment of a standard', RETIRE_STANDARD: 'Retiring a standard' };
const ALIGNMENTS = { REQUIRED: 'Required: the same in every school', ADAPTABLE: 'Adaptable: each school says how',
  GUIDANCE: 'Guidance: schools are free' };

const DRAFT = `mutation Draft($input: DraftProposalInput!) { draftProposal(input: $input) { proposal { id } } }`;

page('standards.html', async (main, me) => {
  const data = await gql(`query D($trustId: ID!) { me { teams { id name remit } }
    trust(id: $trustId) { standards { id title area alignment currentVersion retiredOn } } }`, { trustId: me.trustId });
  const teams = data.me.teams;
  const standards = data.trust.standards.filter(s => !s.retiredOn).sort((a, b) => a.title.localeCompare(b.title));
  if (!teams.length) {
    main.replaceChildren(el('h1', {}, 'Draft a proposal'),
      el('p', { id: 'no-team' }, 'Only members of a cross-cutting team draft proposals, and you are in none.'));
    return;
  }
  const select = (id, options, selected) => el('select', { id }, Object.entries(options).map(([value, label]) =>
    el('option', { value, selected: value === selected }, label)));
  const team = select('draft-team', Object.fromEntries(teams.map(t => [t.id, t.name])), param('team'));
  const kind = select('draft-kind', KINDS, param('kind') || 'NEW_STANDARD');
  const standard = select('draft-standard', Object.fromEntries(standards.map(s => [s.id, s.title + ' (version '
    + s.currentVersion + ')'])), param('standard'));
  const title = el('input', { id: 'draft-proposal-title' });
  const area = select('draft-area', Object.fromEntries(AREAS.map(a => [a, words(a)])), 'CURRICULUM');
  const alignment = select('draft-alignment', ALIGNMENTS, 'ADAPTABLE');
  const statement = el('textarea', { id: 'draft-statement', rows: 5 });
  const rationale = el('textarea', { id: 'draft-rationale', rows: 3 });
  const effectiveFrom = el('input', { id: 'draft-effective-from', type: 'date' });
  const reviewBy = el('input', { id: 'draft-review-by', type: 'date' });
  const standardField = field('draft-standard', 'The standard', standard, 'Its current version is the one amended or retired.');
  const alignmentField = field('draft-alignment', 'Alignment', alignment);
  const shown = () => {
    standardField.hidden = kind.value === 'NEW_STANDARD';
    alignmentField.hidden = kind.value === 'RETIRE_STANDARD';
  };
  kind.addEventListener('change', shown);
  shown();
  const form = actionForm('draft', 'Your draft', 'A draft can be revised by any member of the team until the chair '
    + 'opens voting; every revision is kept.',
    [field('draft-team', 'Team', team), field('draft-kind', 'What it proposes', kind), standardField,
      field('draft-proposal-title', 'Title', title), field('draft-area', 'Area', area), alignmentField,
      field('draft-statement', 'Statement', statement, 'The expectation, as schools will read it.'),
      field('draft-rationale', 'Rationale (optional)', rationale),
      el('div', { class: 'pick' }, field('draft-effective-from', 'Takes effect (optional)', effectiveFrom),
        field('draft-review-by', 'Review by (optional)', reviewBy))],
    el('button', { type: 'submit', id: 'draft-button' }, 'Save the draft'),
    () => {
      const chosen = standards.find(s => s.id === standard.value);
      const input = { teamId: team.value, kind: kind.value, title: said(title.value), area: area.value,
        statement: said(statement.value), rationale: text(rationale.value),
        effectiveFrom: effectiveFrom.value || null, reviewBy: reviewBy.value || null };
      if (kind.value !== 'RETIRE_STANDARD') input.alignment = alignment.value;
      if (kind.value !== 'NEW_STANDARD' && chosen) input.standardId = chosen.id;
      if (kind.value === 'AMEND_STANDARD' && chosen) input.amendsVersion = chosen.currentVersion;
      return gql(DRAFT, { input }).then(d => d.draftProposal.proposal);
    },
    (message, p) => { location.href = 'proposal.html?id=' + encodeURIComponent(p.id) + '&done=' + encodeURIComponent(message); },
    'Your draft was saved.');
  main.replaceChildren(el('h1', {}, 'Draft a proposal'), form);
});
