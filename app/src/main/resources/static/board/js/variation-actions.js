// What the signed-in person can do about a school's variation, in the pages: the school's head records an
// implementation or requests an exception (from the standard's page), re-affirms after an amendment or withdraws;
// the trust executive approves or declines an exception, or revokes. Which controls show is a guess from `me` and
// the variation, to keep the page short; the API decides, and its refusal shows beside the control.
import { el, gql } from './accord.js';
import { actionForm, field, said, text } from './action-form.js';

const VARIATION = 'variation { id status }';

const MUTATIONS = {
  recordImplementation: `mutation Record($input: RecordImplementationInput!) { recordImplementation(input: $input) { ${VARIATION} } }`,
  requestException: `mutation Request($input: RequestExceptionInput!) { requestException(input: $input) { ${VARIATION} } }`,
  reaffirmVariation: `mutation Reaffirm($input: ReaffirmVariationInput!) { reaffirmVariation(input: $input) { ${VARIATION} } }`,
  approveException: `mutation Approve($input: ApproveExceptionInput!) { approveException(input: $input) { ${VARIATION} } }`,
  declineException: `mutation Decline($input: DeclineExceptionInput!) { declineException(input: $input) { ${VARIATION} } }`,
  withdrawVariation: `mutation Withdraw($input: WithdrawVariationInput!) { withdrawVariation(input: $input) { ${VARIATION} } }`,
  revokeVariation: `mutation Revoke($input: RevokeVariationInput!) { revokeVariation(input: $input) { ${VARIATION} } }`
};

const send = (mutation, input) => gql(MUTATIONS[mutation], { input }).then(data => data[mutation].variation);

const IN_FORCE = ['RECORDED', 'APPROVED'];

function headOf(me, schoolId) {
  return (me.roles || []).includes('HEADTEACHER') && me.school && me.school.id === schoolId;
}

/** Controls for a variation's page, or null when there is nothing this person could do. */
export function variationActions(v, me, done) {
  const head = headOf(me, v.school.id);
  const executive = (me.roles || []).includes('TRUST_EXECUTIVE');
  const open = v.status === 'REQUESTED' || IN_FORCE.includes(v.status);
  const forms = [];
  if (head && open && v.needsRejustification) forms.push(reaffirmForm(v, done));
  if (executive && v.status === 'REQUESTED' && v.kind === 'EXCEPTION') forms.push(approveForm(v, done), declineForm(v, done));
  if (head && open) forms.push(withdrawForm(v, done));
  if (executive && IN_FORCE.includes(v.status)) forms.push(revokeForm(v, done));
  if (!forms.length) return null;
  return el('section', { id: 'actions', 'aria-labelledby': 'actions-title' },
    el('h2', { id: 'actions-title' }, 'What you can do'), forms);
}

/**
 * For a head on a standard's page: how their school meets an adaptable standard, or an exception from a required
 * one, against the current version. done(message, variation) runs once it is recorded. Null for anyone else.
 */
export function schoolActions(s, me, done) {
  if (!me.school || !(me.roles || []).includes('HEADTEACHER') || s.retiredOn) return null;
  const version = s.currentVersion;
  if (s.alignment === 'ADAPTABLE') {
    const description = el('textarea', { id: 'record-description', rows: 3 });
    const justification = el('textarea', { id: 'record-justification', rows: 3 });
    const reviewBy = el('input', { id: 'record-review-by', type: 'date' });
    return actionForm('record', 'Record how ' + me.school.name + ' meets it',
      'Against version ' + version + '. Say what your school does and why; the trust sees both.',
      [field('record-description', 'How your school does it', description),
        field('record-justification', 'Why', justification),
        field('record-review-by', 'Review by (optional)', reviewBy)],
      el('button', { type: 'submit', id: 'record-button' }, 'Record the implementation'),
      () => send('recordImplementation', { schoolId: me.school.id, standardId: s.id, version,
        description: said(description.value), justification: said(justification.value), reviewBy: reviewBy.value || null }),
      done, 'Your school\'s implementation was recorded.');
  }
  if (s.alignment === 'REQUIRED') {
    const description = el('textarea', { id: 'exception-description', rows: 3 });
    const justification = el('textarea', { id: 'exception-justification', rows: 3 });
    const expiresOn = el('input', { id: 'exception-expires-on', type: 'date' });
    return actionForm('exception', 'Request an exception for ' + me.school.name,
      'A required standard is the same in every school: departing from it needs the trust executive\'s approval.',
      [field('exception-description', 'What your school would do instead', description),
        field('exception-justification', 'Why', justification),
        field('exception-expires-on', 'Until', expiresOn, 'An exception always ends; ask again to renew it.')],
      el('button', { type: 'submit', id: 'exception-button' }, 'Request the exception'),
      () => send('requestException', { schoolId: me.school.id, standardId: s.id, version,
        description: said(description.value), justification: said(justification.value), expiresOn: expiresOn.value || null }),
      done, 'Your request was recorded: the trust executive decides it.');
  }
  return null;
}

function reaffirmForm(v, done) {
  const justification = el('textarea', { id: 'reaffirm-justification', rows: 3 }, v.justification || '');
  const until = el('input', { id: 'reaffirm-until', type: 'date' });
  const exception = v.kind === 'EXCEPTION';
  return actionForm('reaffirm', 'Re-affirm against version ' + v.standard.currentVersion,
    'The standard was amended after you justified this ' + v.kind.toLowerCase() + ' (against version ' + v.version
      + '). Say why it still holds under the new text.',
    [field('reaffirm-justification', 'Why it still holds', justification),
      field('reaffirm-until', exception ? 'New expiry date (optional)' : 'New review date (optional)', until)],
    el('button', { type: 'submit', id: 'reaffirm-button' }, 'Re-affirm'),
    () => send('reaffirmVariation', { variationId: v.id, version: v.standard.currentVersion,
      justification: said(justification.value), [exception ? 'expiresOn' : 'reviewBy']: until.value || null }),
    done, 'Re-affirmed against version ' + v.standard.currentVersion + '.');
}

function approveForm(v, done) {
  const note = el('textarea', { id: 'approve-note', rows: 2 });
  return actionForm('approve', 'Approve the exception', null,
    field('approve-note', 'Note (optional)', note),
    el('button', { type: 'submit', id: 'approve-button' }, 'Approve'),
    () => send('approveException', { variationId: v.id, note: text(note.value) }), done, 'The exception was approved.');
}

function declineForm(v, done) {
  const reason = el('textarea', { id: 'decline-reason', rows: 2 });
  return actionForm('decline', 'Decline the exception', 'The school then follows the standard as written.',
    field('decline-reason', 'Reason', reason),
    el('button', { type: 'submit', id: 'decline-button', class: 'secondary' }, 'Decline'),
    () => send('declineException', { variationId: v.id, reason: said(reason.value) }), done, 'The exception was declined.');
}

function withdrawForm(v, done) {
  const reason = el('textarea', { id: 'withdraw-reason', rows: 2 });
  return actionForm('withdraw', 'Withdraw it', 'Your school then follows the standard as written.',
    field('withdraw-reason', 'Reason', reason),
    el('button', { type: 'submit', id: 'withdraw-button', class: 'secondary' }, 'Withdraw'),
    () => send('withdrawVariation', { variationId: v.id, reason: said(reason.value) }), done, 'It was withdrawn.');
}

function revokeForm(v, done) {
  const reason = el('textarea', { id: 'revoke-reason', rows: 2 });
  return actionForm('revoke', 'Revoke it', 'The school must then follow the standard as written.',
    field('revoke-reason', 'Reason', reason),
    el('button', { type: 'submit', id: 'revoke-button', class: 'secondary' }, 'Revoke'),
    () => send('revokeVariation', { variationId: v.id, reason: said(reason.value) }), done, 'It was revoked.');
}
