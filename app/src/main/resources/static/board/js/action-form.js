// A form that records one change through the API, shared by the pages' controls (proposals, variations, drafts):
// its submit calls run(submitter), which sends the GraphQL mutation; a refusal shows in the form's problem line in
// the API's own words, with the focus moved there, and the entries are kept. Nothing is decided here.
import { el } from './accord.js';

/**
 * id names the form (#id-form, #id-title, #id-problem); fields and buttons are its content; done(message) runs
 * once the change was recorded, with confirmation (a text, or a function of the button pressed).
 */
export function actionForm(id, title, hint, fields, buttons, run, done, confirmation) {
  const problem = el('p', { class: 'problem', id: id + '-problem', role: 'alert', tabindex: '-1', hidden: true });
  const form = el('form', { class: 'panel action', id: id + '-form', 'aria-labelledby': id + '-title', novalidate: true },
    el('h3', { id: id + '-title' }, title), hint ? el('p', { class: 'muted' }, hint) : null, fields,
    el('div', { class: 'buttons' }, buttons), problem);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const submitter = event.submitter;
    const all = [...form.querySelectorAll('button')];
    all.forEach(b => { b.disabled = true; });
    problem.hidden = true;
    try {
      const result = await run(submitter);
      await done(typeof confirmation === 'function' ? confirmation(submitter, result) : confirmation, result);
    } catch (error) {
      all.forEach(b => { b.disabled = false; });
      problem.textContent = error.message;
      problem.hidden = false;
      problem.focus();
    }
  });
  return form;
}

/** A labelled field: el('textarea'|'input', …) under its label, with an optional hint read with it. */
export function field(id, label, control, hint) {
  if (hint) control.setAttribute('aria-describedby', id + '-hint');
  return el('div', { class: 'field' }, el('label', { for: id }, label),
    hint ? el('p', { class: 'muted', id: id + '-hint' }, hint) : null, control);
}

// an optional text left empty goes as null; a required one goes as it is, for the API to refuse in its own words
export const text = value => (value && value.trim() ? value.trim() : null);
export const said = value => (value || '').trim();
