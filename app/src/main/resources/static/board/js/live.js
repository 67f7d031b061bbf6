// Live updates for the pages: each decision recorded in the reader's trust as it happens, over the existing
// subscription (decisionRecorded, graphql-ws). One place for what every page does alike: the subscription, and the
// page's #live-status saying when updates pause or are refused.
import { authorization } from './accord.js';
import { subscribe } from './graphql-ws.js';

/** Hands each decision recorded in trustId (with the record's fields asked for) to onRecord. */
export function onDecision(trustId, fields, onRecord) {
  return subscribe({
    query: `subscription Live($trustId: ID!) { decisionRecorded(trustId: $trustId) { ${fields} } }`,
    variables: { trustId },
    authorization: authorization(),
    onState: (s, why) => {
      const status = document.getElementById('live-status');
      if (status) status.textContent = s === 'live' ? '' : s === 'reconnecting'
        ? 'Live updates paused; reconnecting…' : 'Live updates refused: ' + why;
    },
    onNext: data => onRecord(data.decisionRecorded)
  });
}

/** Whether the reader has written in the fields matched by selector: their entries are kept, not redrawn away. */
export function typingIn(scope, selector = 'textarea, input:not([type=checkbox])') {
  return [...scope.querySelectorAll(selector)].some(f => f.value !== f.defaultValue);
}
