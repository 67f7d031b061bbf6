// The trust's standards and proposals, as a way in to their pages.
import { badge, el, gql, page, param, notFound, day, when } from './accord.js';

page('standards.html', async (main, me) => {
  const trustId = param('trust') || me.trustId;
  const data = await gql(`query S($id: ID!) {
    trust(id: $id) { id name standards { id title area alignment currentVersion retiredOn current { effectiveFrom } } }
    proposals(trustId: $id, first: 100) { edges { node { id title kind status area team { name } closesAt } } } }`,
  { id: trustId });
  if (!data.trust) {
    main.replaceChildren(el('h1', {}, 'Standards and proposals'), notFound('The trust "' + trustId + '"'));
    return;
  }
  const standards = [...data.trust.standards].sort((a, b) => a.title.localeCompare(b.title));
  main.replaceChildren(el('h1', {}, 'Standards and proposals: ', data.trust.name),
    el('h2', { id: 'standards-title' }, 'The backbone'),
    el('ul', { id: 'standards', 'aria-labelledby': 'standards-title' }, standards.map(s => el('li', {},
      el('a', { href: 'standard.html?id=' + encodeURIComponent(s.id) }, s.title), ' ', badge(s.alignment),
      el('span', { class: 'muted' }, ' ' + s.area.replaceAll('_', ' ').toLowerCase() + ', version ' + s.currentVersion
        + ' in force from ' + day(s.current.effectiveFrom) + (s.retiredOn ? ', retired from ' + day(s.retiredOn) : ''))))),
    el('h2', { id: 'proposals-title' }, 'Proposals'),
    el('ul', { id: 'proposals', 'aria-labelledby': 'proposals-title' }, data.proposals.edges.map(({ node: p }) => el('li', {},
      el('a', { href: 'proposal.html?id=' + encodeURIComponent(p.id) }, p.title), ' ', badge(p.status),
      el('span', { class: 'muted' }, ' ' + p.kind.replaceAll('_', ' ').toLowerCase() + ', ' + p.team.name
        + (p.status === 'VOTING' ? ', voting closes ' + when(p.closesAt) : ''))))));
});
