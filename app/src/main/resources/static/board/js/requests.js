// Requests from schools for standardisation: the trust's requests with their status in words, and for a head or a
// member of staff of a school, the form that raises one (raiseRequest). Who may raise, and where it is routed, the
// API decides; its refusal shows beside the control. Each request has a page of its own (request.html).
import { el, gql, page, param, notFound, person, time, trustOf } from './accord.js';
import { actionForm, field, said } from './action-form.js';
import { AREAS, inWords, statusBadge, words } from './words.js';

const STATUSES = ['OPEN', 'TAKEN_UP', 'DECLINED', 'BECAME_STANDARD'];
const LIST = `query Requests($trustId: ID!, $status: RequestStatus, $after: String) {
  requests(trustId: $trustId, status: $status, first: 100, after: $after) {
    edges { node { id status area title raisedAt school { name } raisedBy { id displayName nameErased }
      supports { school { name } } routedTo { name } routedToExecutive } }
    pageInfo { hasNextPage endCursor } } }`;
const RAISE = `mutation Raise($input: RaiseRequestInput!) { raiseRequest(input: $input) { request { id status } } }`;

page('requests.html', async (main, me) => {
  const trust = await trustOf(me, '');
  if (!trust) {
    main.replaceChildren(el('h1', {}, 'Requests from schools'), notFound('The trust "' + param('trust') + '"'));
    return;
  }
  const trustId = trust.id;
  const status = STATUSES.includes(param('status')) ? param('status') : null;
  const requests = [];
  for (let after = null, pages = 0; pages < 10; pages++) { // the API pages oldest first, 100 at a time
    const page = (await gql(LIST, { trustId, status, after })).requests;
    requests.push(...page.edges.map(e => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  requests.reverse(); // newest first: what was raised lately matters most
  main.replaceChildren(el('h1', {}, 'Requests from schools: ', trust.name),
    el('p', { class: 'muted' }, 'A school asks the trust to standardise something; the teams whose remit covers the ',
      'area take it up into a draft proposal or decline it, and other schools may add their support.'),
    raiseForm(me, trustId),
    el('nav', { 'aria-label': 'Requests by status', class: 'pick', id: 'request-filter' },
      [['', 'All'], ...STATUSES.map(s => [s, null])].map(([value, label]) => el('a', {
        href: 'requests.html' + (value ? '?status=' + value : ''),
        'aria-current': (value || null) === status ? 'page' : null }, label || capital(inWords(value))))),
    el('h2', { id: 'requests-title' }, status ? 'Requests ' + inWords(status) : 'All requests', ' (' + requests.length + ')'),
    requests.length ? el('ul', { id: 'requests', class: 'log', 'aria-labelledby': 'requests-title' },
      requests.map(r => el('li', { 'data-request': r.id, 'data-status': r.status },
        el('div', { class: 'entry-head' }, time(r.raisedAt), el('span', {}, r.school.name + ', by ', person(r.raisedBy))),
        el('p', { class: 'entry-summary' }, el('a', { href: 'request.html?id=' + encodeURIComponent(r.id) }, r.title),
          ' ', statusBadge(r.status)),
        el('p', { class: 'muted why' }, words(r.area), ' · ', r.routedToExecutive ? 'sent to the trust executive'
          : 'for ' + r.routedTo.map(t => t.name).join(', '), ' · ', r.supports.length === 0 ? 'no support yet'
          : 'supported by ' + r.supports.map(s => s.school.name).join(', ')))))
      : el('p', { id: 'requests-none' }, 'No requests' + (status ? ' in this state.' : ' yet.')));
});

/** For someone of a school: raising a request. The API routes it, or refuses where no team covers the area. */
function raiseForm(me, trustId) {
  if (trustId !== me.trustId || !(me.roles || []).some(r => r === 'HEADTEACHER' || r === 'STAFF')) return '';
  const area = el('select', { id: 'raise-area' }, AREAS.map(a => el('option', { value: a }, words(a))));
  const title = el('input', { id: 'raise-request-title' });
  const reason = el('textarea', { id: 'raise-reason', rows: 3 });
  const toExecutive = el('input', { id: 'raise-to-executive', type: 'checkbox' });
  return el('details', { class: 'panel', id: 'raise', open: param('raise') !== null },
    el('summary', {}, 'Raise a request for your school'),
    actionForm('raise', 'Raise a request', 'It goes to every team whose remit covers the area.',
      [field('raise-area', 'Area', area), field('raise-request-title', 'What should be the same in every school', title),
        field('raise-reason', 'Why', reason),
        el('div', { class: 'field check' }, toExecutive,
          el('label', { for: 'raise-to-executive' }, 'If no team covers the area, send it to the trust executive'))],
      el('button', { type: 'submit', id: 'raise-button' }, 'Raise the request'),
      () => gql(RAISE, { input: { trustId, area: area.value, title: said(title.value), reason: said(reason.value),
        routeToExecutive: toExecutive.checked } }).then(d => d.raiseRequest.request),
      (message, r) => { location.href = 'request.html?id=' + encodeURIComponent(r.id) + '&done=' + encodeURIComponent(message); },
      'Your request was raised.'));
}

const capital = text => text[0].toUpperCase() + text.slice(1);
