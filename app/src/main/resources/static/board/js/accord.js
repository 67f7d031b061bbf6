// Shared by the board's pages: sign-in, GraphQL over HTTP, the page frame and small DOM helpers.
// Signing in (the embedded mode): the form posts the account name and password once to /signin, and Accord answers
// with a session cookie the page's scripts cannot read (HttpOnly); no password is kept anywhere in the browser. Every
// request that changes something also sends the CSRF token Accord keeps in the XSRF-TOKEN cookie, as X-XSRF-TOKEN.
// In production the form's button sends the browser to the trust's identity provider (OpenID Connect), which sends
// it back signed in with the same kind of session cookie; only where the operator set no provider up does the form
// take a pasted access token (kept in sessionStorage, sent as Authorization). /signin/options says which.

const KEY = 'accord.credentials';

/** A bearer token for production, or null: the embedded mode keeps nothing but the HttpOnly session cookie. */
export function credentials() {
  return sessionStorage.getItem(KEY);
}

/** The Authorization header for a bearer token, or undefined: the session cookie signs the request in. */
export function authorization(stored = credentials()) {
  if (!stored) return undefined;
  return /^(Basic|Bearer) /.test(stored) ? stored : 'Bearer ' + stored;
}

/** The session's CSRF token, which Accord sets as a cookie readable by the page (not a credential by itself). */
export function csrfToken() {
  const found = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return found ? decodeURIComponent(found.slice('XSRF-TOKEN='.length)) : undefined;
}

/** Headers for a request of the page: X-Requested-With keeps a 401 from making the browser ask for a password. */
function signedHeaders(auth, extra = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', ...extra };
  const header = authorization(auth);
  if (header) headers['Authorization'] = header;
  const token = csrfToken();
  if (token) headers['X-XSRF-TOKEN'] = token;
  return headers;
}

export async function signOut() {
  sessionStorage.removeItem(KEY);
  let next = null;
  try {
    const response = await fetch('/signout', { method: 'POST', headers: signedHeaders(null, { 'Accept': 'application/json' }) });
    // signed in through the identity provider: its session ends too, at the address Accord gives back
    if (response.status === 200) next = (await response.json().catch(() => ({}))).next || null;
  } finally {
    if (next) location.assign(next); else location.reload();
  }
}

export class GraphQlError extends Error {
  constructor(message, classification) {
    super(message);
    this.classification = classification;
  }
}

/** Posts a GraphQL document, signed in by the session cookie (or a production bearer token). */
export async function gql(query, variables = {}, auth = credentials()) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: signedHeaders(auth, { 'Content-Type': 'application/json', 'Accept': 'application/json' }),
    body: JSON.stringify({ query, variables })
  });
  if (response.status === 401 || response.status === 403) {
    const refusal = await response.json().catch(() => ({}));
    const first = refusal.errors && refusal.errors[0];
    throw new GraphQlError(first ? first.message : 'Signed out: sign in again.',
      response.status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
  }
  if (!response.ok) {
    throw new GraphQlError('Accord answered HTTP ' + response.status + '.', 'HTTP_' + response.status);
  }
  const body = await response.json();
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new GraphQlError(first.message, first.extensions && first.extensions.classification);
  }
  return body.data;
}

/** Fetches a file that needs signing in (a board pack) and hands it to the browser as a download. */
export async function download(url) {
  const response = await fetch(url, { headers: signedHeaders(credentials()) });
  if (!response.ok) {
    throw new GraphQlError(response.status === 404 ? 'Not found, or not yours to see.' : await response.text(),
      'HTTP_' + response.status);
  }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
  const blob = await response.blob();
  const link = el('a', { href: URL.createObjectURL(blob), download: name ? name[1] : 'board-pack' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return blob;
}

/** Creates an element: el('a', {href: '#'}, 'text', child…). Text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = id => document.getElementById(id);

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

// moments in the reader's own time zone, named; calendar dates (a Date, no time) as they are, in no zone
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric',
  hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function when(instant) {
  return instant ? DATE_TIME.format(new Date(instant)) : '';
}

export function day(date) {
  return date ? DATE.format(new Date(date + 'T00:00:00Z')) : '';
}

export function time(instant) {
  return el('time', { datetime: instant, title: instant }, when(instant));
}

export function badge(value) {
  return el('span', { class: 'badge ' + value }, value.replaceAll('_', ' '));
}

export function person(p) {
  if (!p) return 'someone';
  return p.displayName || p.id + nameless(p);
}

/**
 * Why a person has no name: erased on purpose, or missing from the person directory (an operator's problem, reported
 * in Accord's log and health), never the one shown as the other.
 */
export function nameless(p) {
  if (p.nameErased === true) return ' (name erased)';
  if (p.nameErased === false) return ' (name missing)';
  return '';
}

/** The "not found / not allowed" state: the API answers the same for both, and so does the page. */
export function notFound(what) {
  return el('section', { class: 'problem', role: 'alert', id: 'not-found' },
    el('h2', {}, 'Not found, or not yours to see'),
    el('p', {}, what + ' does not exist, or belongs to a trust you are not part of. ',
      'Accord answers both the same way, so that nobody can tell which.'));
}

/** The trust a page shows: ?trust=… or the caller's own, read with trustFields (null: not found or not allowed). */
export async function trustOf(me, trustFields) {
  const wanted = param('trust');
  if (!wanted || wanted === me.trustId) return me.trust;
  return (await gql(`query T($id: ID!) { trust(id: $id) { id name ${trustFields} } }`, { id: wanted })).trust;
}

export function problem(error) {
  return el('section', { class: 'problem', role: 'alert' }, el('h2', {}, 'Something went wrong'),
    el('p', {}, error.message));
}

const PAGES = [
  ['home.html', 'Home'],
  ['index.html', 'Decision register'],
  ['variations.html', 'Variation map'],
  ['compliance.html', 'Compliance'],
  ['standards.html', 'Standards and proposals'],
  ['requests.html', 'Requests'],
  ['rights.html', 'Who decides'],
  ['people.html', 'Schools and people'],
  ['peer-reviews.html', 'Peer reviews'],
  ['inbox.html', 'Inbox']
];

/**
 * Draws the frame (header, navigation, who is signed in) and, once signed in, calls render(main, me). Without
 * credentials it shows the sign-in form instead. trustFields are read with the caller's own trust (me.trust). performance.mark('accord:rendered') marks the first render.
 */
export async function page(current, render, trustFields = '') {
  const main = $('main');
  const header = el('header', { class: 'site' },
    el('a', { class: 'brand', href: 'home.html' }, 'Accord'),
    el('nav', { 'aria-label': 'Board pages' }, el('ul', {}, PAGES.map(([href, label]) =>
      el('li', {}, el('a', { href, 'aria-current': href === current ? 'page' : null }, label))))),
    el('div', { class: 'who', id: 'who' }));
  document.body.prepend(el('a', { class: 'skip', href: '#main' }, 'Skip to content'), header);

  let me;
  try {
    // the page's own trust fields come with the caller, to save a round trip before the first render
    me = (await gql(`{ me { id displayName trustId roles trust { id name ${trustFields} } } }`)).me;
  } catch (error) {
    if (error.classification === 'UNAUTHORIZED') {
      sessionStorage.removeItem(KEY);
      // not signed in yet is no problem to report; a session that ended is
      await showSignIn(main, /session has ended/.test(error.message) ? 'Your session has ended: sign in again.' : null);
    } else {
      main.replaceChildren(problem(error));
    }
    performance.mark('accord:rendered');
    return;
  }
  performance.mark('accord:signed-in');
  // not awaited: the page renders meanwhile, and the warning goes above it when it comes
  decisionLogAlert(me, header).catch(() => {}).finally(() => performance.mark('accord:alert-checked'));
  $('who').append('Signed in as ', el('strong', { id: 'signed-in-as' }, me.displayName || me.id),
    me.trust ? ' of ' + me.trust.name : '',
    el('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: signOut }, 'Sign out'));
  try {
    await render(main, me);
  } catch (error) {
    main.append(problem(error));
  }
  performance.mark('accord:rendered');
}

// What Accord knows to be wrong with the caller's trust's decision log (its checks at start and before signing, the
// decisions its read models refused): a red warning at the top of every page, in words, with what to do.
const ALERT = `query Alert($trustId: ID!) { decisionLogAlert(trustId: $trustId) {
  signingStopped problems { kind position eventId detail } quarantined { eventId position kind reason }
  acknowledgement { operator at reason } } }`;

const PROBLEM_IN_WORDS = {
  ALTERED: p => decision(p) + ' was changed after Accord recorded it.',
  MISSING: p => decision(p) + ' is missing: it was removed from the record.',
  INSERTED: p => decision(p) + ' was not recorded by Accord: it was put into the record from outside.',
  REORDERED: p => 'The decisions from ' + decision(p).toLowerCase() + ' on are no longer in the order they were recorded.',
  CHECKPOINT_INVALID: p => 'The signed checkpoint at ' + decision(p).toLowerCase() + ' does not carry a valid signature.',
  CHECKPOINT_MISSING: p => 'A signed checkpoint (at ' + decision(p).toLowerCase() + ') kept in the witness file is missing from the database.',
  WITNESS_ROLLED_BACK: p => 'The witness file lacks the signed checkpoint at ' + decision(p).toLowerCase()
    + ': it was rolled back or replaced.'
};

function decision(p) {
  return p.position > 0 ? 'Decision #' + p.position : 'A decision';
}

async function decisionLogAlert(me, header) {
  if (!me.trustId) return;
  const alert = (await gql(ALERT, { trustId: me.trustId })).decisionLogAlert;
  if (!alert) return;
  const trust = me.trust ? me.trust.name : me.trustId;
  const held = alert.quarantined.length;
  const banner = el('section', { class: 'alarm', role: 'alert', id: 'decision-log-alert',
      'aria-labelledby': 'decision-log-alert-title' },
    el('h2', { id: 'decision-log-alert-title' }, 'Warning: the decision record of ', trust, ' is not intact'),
    el('p', {}, 'Accord checks that nobody has changed the record since it was made. It found:'),
    el('ul', {}, alert.problems.map(p => el('li', {}, (PROBLEM_IN_WORDS[p.kind] || (() => p.kind))(p)))),
    held ? el('p', {}, held === 1 ? 'One decision that fails the check is held back: no page shows it or counts it.'
      : held + ' decisions that fail the check are held back: no page shows them or counts them.') : null,
    el('p', {}, el('strong', {}, 'What to do: '), 'tell whoever runs Accord for the trust (its operator) now, and keep ',
      'your board packs and exports as they are: they are evidence. ',
      alert.signingStopped
        ? 'Until the operator acknowledges the problem, Accord signs nothing new for this record. '
        : ''),
    alert.acknowledgement
      ? el('p', { id: 'decision-log-acknowledged' }, 'The operator ', alert.acknowledgement.operator,
        ' acknowledged the problem on ', when(alert.acknowledgement.at), ' ("', alert.acknowledgement.reason, '"). ',
        'Signing has resumed, but the record is still not intact.')
      : null,
    el('p', {}, 'Acknowledging records who accepted the problem and why, in the witness file, and lets signing ',
      'resume. It repairs and deletes nothing: the record stays marked as not intact until it is restored from a ',
      'backup that agrees with the witness file.'),
    el('details', {}, el('summary', {}, 'Details for the operator'),
      el('ul', {}, alert.problems.map(p => el('li', {}, p.kind + ' at position ' + p.position
        + (p.eventId ? ' (event ' + p.eventId + ')' : '') + ': ' + p.detail)))));
  header.after(banner);
}

/** Posts the form's account name and password once; Accord answers with the session cookie. */
async function signIn(username, password) {
  let response;
  try {
    response = await fetch('/signin', {
      method: 'POST',
      headers: signedHeaders(null, { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' }),
      body: new URLSearchParams({ username, password })
    });
  } catch (error) {
    throw new GraphQlError('Accord could not be reached: ' + error.message, 'NETWORK');
  }
  if (response.status === 401) {
    throw new GraphQlError('Wrong account name or password.', 'UNAUTHORIZED');
  }
  if (response.status === 403) {
    throw new GraphQlError('The sign-in form had expired: reload the page and sign in again.', 'FORBIDDEN');
  }
  if (!response.ok) {
    throw new GraphQlError('Accord answered HTTP ' + response.status + '.', 'HTTP_' + response.status);
  }
}

/** Which ways in this Accord offers (/signin/options): a password, the identity provider, or an access token. */
async function signInOptions() {
  try {
    const response = await fetch('/signin/options', { headers: { 'Accept': 'application/json' } });
    if (response.ok) return await response.json();
  } catch (error) {
    // fall through: the password form is the way in of the embedded mode
  }
  return { password: true };
}

/** A refused sign-in at the identity provider comes back here with its reason in the address. */
function refusedSignIn() {
  const params = new URLSearchParams(location.search);
  const reason = params.get('signin-refused');
  if (reason === null) return null;
  params.delete('signin-refused');
  history.replaceState(null, '', location.pathname + (params.size ? '?' + params : '') + location.hash);
  return 'Not signed in: ' + reason;
}

async function showSignIn(main, message) {
  const options = await signInOptions();
  message = refusedSignIn() || message;
  const problemLine = el('p', { class: 'problem', id: 'sign-in-problem', role: 'alert', hidden: !message }, message || '');
  const form = el('form', { class: 'panel signin', id: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    el('h1', { id: 'sign-in-title' }, 'Sign in to Accord'));
  if (options.providerUrl) {
    form.append(el('p', { class: 'muted' }, 'Accord signs you in through ' + options.providerName + '.'),
      problemLine,
      el('a', { class: 'button', id: 'sign-in-provider', href: options.providerUrl },
        'Sign in with ' + options.providerName));
    main.replaceChildren(form);
    $('sign-in-provider').focus();
    return;
  }
  if (options.password) {
    form.append(
      el('p', { class: 'muted' }, 'Use your Accord account. Demo accounts: exec, board, chair, member1 to member3, head, ',
        'outsider; the password of each is "demo".'),
      el('div', {}, el('label', { for: 'username' }, 'Account name'),
        el('input', { id: 'username', name: 'username', autocomplete: 'username' })),
      el('div', {}, el('label', { for: 'password' }, 'Password'),
        el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password' })));
  } else {
    form.append(
      el('p', { class: 'muted' }, 'Paste an access token (JWT) from your trust\'s identity provider.'),
      el('div', {}, el('label', { for: 'token' }, 'Access token (JWT)'),
        el('input', { id: 'token', name: 'token', autocomplete: 'off' })));
  }
  form.append(problemLine, el('button', { type: 'submit', id: 'sign-in-button' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const token = options.token ? $('token').value.trim() : '';
    if (options.token ? !token : !$('username').value || !$('password').value) {
      problemLine.textContent = options.token ? 'Enter an access token.' : 'Enter an account name and password.';
      problemLine.hidden = false;
      return;
    }
    try {
      if (options.token) {
        await gql('{ me { id } }', {}, 'Bearer ' + token);
        sessionStorage.setItem(KEY, 'Bearer ' + token);
      } else {
        await signIn($('username').value, $('password').value);
      }
      location.reload();
    } catch (error) {
      problemLine.textContent = error.message;
      problemLine.hidden = false;
      const retry = $(options.token ? 'token' : 'password');
      retry.value = '';
      retry.focus();
    }
  });
  main.replaceChildren(form);
  $(options.token ? 'token' : 'username').focus();
}
