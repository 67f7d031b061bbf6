// Accord's values in plain words, shared by the pages: a summary of the decision log, a status as a reader says it.
import { day, el, when } from './accord.js';

export const AREA_WORDS = { SEND: 'SEND', CPD: 'CPD', HR: 'HR', IT: 'IT' };

/** An upper-case value (an area, a role, a status) as a word or two. */
export function words(value) {
  return AREA_WORDS[value] || value.replaceAll('_', ' ').toLowerCase();
}

/** A summary in plain words: upper-case values outside quoted titles, dates and times in the reader's zone. */
export function plain(summary) {
  return (summary || '').split(/('[^']*')/).map((part, k) => k % 2 ? part : part
    .replace(/\[([A-Z_, ]+)\]/g, (_, list) => list.split(/,\s*/).map(words).join(', '))
    .replace(/\b[A-Z]{2,}(?:_[A-Z]+)*\b/g, words)
    .replace(/\b\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, instant => when(instant))
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, date => day(date))).join('');
}

// statuses of variations and rules in force as a head or a trustee would say them
const STATUS_WORDS = {
  ALIGNED: 'aligned', IMPLEMENTED: 'implemented', EXCEPTION: 'exception',
  NEEDS_REJUSTIFICATION: 'needs re-justifying', IMPLEMENTATION_MISSING: 'implementation not recorded',
  REQUESTED: 'requested, awaiting a decision', RECORDED: 'recorded', APPROVED: 'approved', DECLINED: 'declined',
  EXPIRED: 'expired', REVOKED: 'revoked', WITHDRAWN: 'withdrawn',
  REQUIRED: 'required', ADAPTABLE: 'adaptable', GUIDANCE: 'guidance',
  IMPLEMENTATION: 'implementation',
  // proposals and votes (issue 21, item 1): the badges of the proposal, standard and standards pages
  DRAFT: 'draft', VOTING: 'voting open', RATIFIED: 'ratified', REJECTED: 'rejected', LAPSED: 'lapsed (no quorum)',
  ADOPTED: 'adopted', APPROVE: 'approve', OBJECT: 'object', ABSTAIN: 'abstain',
  // peer reviews: what a finding is and how far an agreed action has got
  STRENGTH: 'strength', AREA_FOR_DEVELOPMENT: 'area for development',
  NOT_STARTED: 'not started', IN_PROGRESS: 'in progress', COMPLETED: 'completed'
};

/** A status badge in words; the value stays in data-value (and its colour class) for scripts and styles. */
export function statusBadge(value) {
  return el('span', { class: 'badge ' + value, 'data-value': value }, STATUS_WORDS[value] || words(value));
}

// Compliance (attestations and QA), requests from schools and reviews in words (issue 21, item 1).
Object.assign(STATUS_WORDS, {
  ATTESTED: 'attested', DUE: 'due', OVERDUE: 'overdue', CHALLENGED: 'challenged',
  EXCEPTION_IN_FORCE: 'exception in force', NOT_REQUIRED: 'no attestation asked', NOT_APPLICABLE: 'does not apply',
  CONFIRMED: 'confirmed', TERMLY: 'each term', YEARLY: 'each year', NONE: 'no attestation asked',
  OPEN: 'open', TAKEN_UP: 'taken up into a proposal', BECAME_STANDARD: 'became a standard',
  REAFFIRMED: 'reaffirmed', AMENDMENT_PROPOSED: 'amendment proposed', RETIREMENT_PROPOSED: 'retirement proposed'
});

/** A value in plain words without a badge, for a sentence (a cadence, an outcome). */
export function inWords(value) {
  return STATUS_WORDS[value] || words(value);
}

/** The areas of standards and requests, in the schema's order. */
export const AREAS = ['SAFEGUARDING', 'CURRICULUM', 'ASSESSMENT', 'TEACHING', 'BEHAVIOUR', 'ATTENDANCE', 'SEND',
  'PERSONAL_DEVELOPMENT', 'CPD', 'GOVERNANCE', 'FINANCE', 'HR', 'DATA_PROTECTION', 'ESTATES', 'IT', 'PUPIL_PREMIUM'];
