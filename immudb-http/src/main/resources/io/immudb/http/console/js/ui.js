// DOM helpers of the console: elements built with textContent only (no HTML from the server is
// ever parsed), forms, tables, and the verification badge with its evidence.
import { text } from './verified.js';
import { hex } from './verify.js';

/** el('tag', {attr: value, onclick: fn}, child...) with strings as text nodes. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, val] of Object.entries(attrs || {})) {
    if (val == null || val === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), val);
    else if (k === 'class') e.className = val;
    else e.setAttribute(k, val === true ? '' : val);
  }
  for (const c of children.flat()) {
    if (c == null) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

let ids = 0;

/** A labelled input; returns the wrapper (its input is .input). */
export function field(label, attrs) {
  const id = 'f' + ++ids;
  const input = el(attrs.type === 'textarea' ? 'textarea' : 'input', { id, ...attrs,
    type: attrs.type === 'textarea' ? null : attrs.type || 'text' });
  const wrap = el('div', { class: attrs.type === 'checkbox' ? 'field check' : 'field' },
    el('label', { for: id }, label), input);
  wrap.input = input;
  return wrap;
}

export function select(label, options, attrs) {
  const id = 'f' + ++ids;
  const s = el('select', { id, ...attrs }, options.map((o) => el('option', { value: o[0] }, o[1])));
  const wrap = el('div', { class: 'field' }, el('label', { for: id }, label), s);
  wrap.input = s;
  return wrap;
}

/**
 * A form section: title, fields, a submit button and a result area; onSubmit(values, out) runs
 * on submit, errors are shown in the result area.
 */
export function formSection(title, fields, button, onSubmit, name) {
  const out = el('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const btn = el('button', { type: 'submit' }, button);
  const form = el('form', { 'data-form': name }, el('div', { class: 'fields' }, fields, btn));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    btn.disabled = true;
    out.replaceChildren(el('p', { class: 'muted' }, 'Working…'));
    try {
      await onSubmit(out);
    } catch (e) {
      out.replaceChildren(errorBox(e));
    } finally {
      btn.disabled = false;
    }
  });
  return el('section', { class: 'card', id: name }, el('h2', {}, title), form, out);
}

export function errorBox(e) {
  if (e && e.report) return reportView(e.report, e);
  return el('p', { class: 'error', role: 'alert' }, 'Error: ' + (e && e.message ? e.message : e));
}

/** A table; rows are arrays of cells (strings or nodes). */
export function table(headers, rows, attrs) {
  return el('div', { class: 'scroll' },
    el('table', attrs || {},
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c)))))));
}

/** Bytes shown as UTF-8 text when they are printable, else as hex (with a marker). */
export function show(bytes) {
  const t = text(bytes);
  // eslint-disable-next-line no-control-regex
  if (!t.includes('\uFFFD') && !/[\u0000-\u0008\u000e-\u001f]/.test(t)) return t;
  return 'hex:' + hex(bytes);
}

export function short(h) {
  return el('code', { class: 'hash', title: h }, h.length > 16 ? h.slice(0, 8) + '…' + h.slice(-8) : h);
}

/**
 * The badge of a verified call: "verified" or "verification FAILED", with the evidence: the
 * trusted state used, every check with what it compared, and the state after.
 */
export function reportView(report, err, after) {
  const ok = report.ok && !err;
  const badge = el('p', { class: ok ? 'badge ok' : 'badge failed', 'data-verified': ok ? 'true' : 'false' },
    ok ? '✔ verified' : '✘ verification FAILED');
  const rows = report.checks.map((c) => [
    c.ok ? '✔' : '✘',
    c.name,
    el('span', {}, c.detail,
      c.expected ? el('span', { class: 'ev' }, ' expected ', el('code', {}, c.expected)) : null,
      c.computed ? el('span', { class: 'ev' }, ' computed ', el('code', {}, c.computed)) : null),
  ]);
  const ev = el('details', { class: 'evidence', open: !ok },
    el('summary', {}, 'Evidence (' + report.what + ')'),
    report.trusted
      ? el('p', {}, 'Trusted state before: tx ', report.trusted.txId, ', Alh ',
        el('code', {}, report.trusted.txHash), report.firstUse ? ' (trusted on first use)' : '')
      : null,
    table(['', 'check', 'details'], rows, { class: 'checks' }),
    after ? el('p', {}, 'Trusted state after: tx ', after.txId, ', Alh ', el('code', {}, after.txHash)) : null);
  return el('div', { class: ok ? 'verification ok' : 'verification failed' }, badge, ev);
}
