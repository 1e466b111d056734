// The judge's sheet: each card saves on its own through the JSON API, so nothing typed in other cards is lost and the page
// keeps its place. Every card's typing is kept in localStorage until the server acknowledges it: a card waiting for the
// network shows so and is retried (also after a reload); a refusal (the engine's number checks, a lock) stays on the card
// with its reason. Nothing is dropped silently.
(() => {
  const root = document.getElementById('sheet');
  if (!root) return;
  const T = root.dataset;
  const storeKey = `sheet:v1:${root.dataset.contest}:${root.dataset.user || ''}`;
  const scrollKey = `sheet-scroll:${root.dataset.contest}`;
  const RETRY_MS = [1000, 2000, 4000, 8000, 15000];
  const timers = new Map();
  const attempts = new Map();
  const inFlight = new Set();

  const load = () => { try { return JSON.parse(localStorage.getItem(storeKey) || '{}'); } catch { return {}; } };
  const save = all => { try { localStorage.setItem(storeKey, JSON.stringify(all)); } catch { /* a full store still leaves the card's marker */ } };
  const getEntry = key => load()[key];
  const putEntry = (key, entry) => { const all = load(); all[key] = entry; save(all); };
  const dropEntry = key => { const all = load(); delete all[key]; save(all); };

  const keyOf = form => `${form.dataset.contestant}:${form.dataset.task}`;
  const forms = () => Array.from(root.querySelectorAll('form.sheet-line'));
  const fields = form => Array.from(form.querySelectorAll('[data-code]:is(input,select)'));
  const collect = form => Object.fromEntries(fields(form).map(f => [f.dataset.code, f.value]));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  function parse(raw) {
    const a = raw.trim()
      .replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFF10 + 48))
      .replace(/[．。]/g, '.').replace(/[－−]/g, '-').replace(/＋/g, '+');
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(a)) return null;
    const n = Number(a);
    return Number.isFinite(n) ? n : null;
  }

  function state(form, kind, text) {
    const el = form.querySelector('.line-state');
    el.dataset.state = kind;
    el.className = 'line-state small badge ' + ({ unsaved: 'text-bg-warning', pending: 'text-bg-info', waiting: 'text-bg-warning', saved: 'text-bg-success', refused: 'text-bg-danger' }[kind] || '');
    el.textContent = text;
  }

  function clearErrors(form) {
    form.querySelectorAll('.item-error').forEach(e => { e.textContent = ''; });
    form.querySelectorAll('.is-invalid').forEach(e => e.classList.remove('is-invalid'));
    const card = form.querySelector('.card-error');
    card.textContent = ''; card.classList.add('d-none');
  }

  function itemError(form, code, message) {
    const item = form.querySelector(`.sheet-item[data-code="${CSS.escape(code)}"]`);
    if (!item) return cardError(form, message);
    const el = item.querySelector('.item-error');
    el.textContent = el.textContent ? `${el.textContent}；${message}` : message;
    item.querySelector('[data-code]:is(input,select)')?.classList.add('is-invalid');
  }

  function cardError(form, message) {
    const card = form.querySelector('.card-error');
    card.textContent = card.textContent ? `${card.textContent}；${message}` : message;
    card.classList.remove('d-none');
  }

  function applyScore(form, score) {
    form.querySelector('[data-testid="line-points"]').textContent = String(Math.round(score.points * 100) / 100);
    for (const i of score.items || []) {
      const d = form.querySelector(`.sheet-item[data-code="${CSS.escape(i.item.code)}"] .derivation`);
      if (!d) continue;
      d.textContent = i.result.derivation;
      d.classList.toggle('text-danger', i.result.state === 'Flagged');
      d.classList.toggle('text-muted', i.result.state !== 'Flagged');
    }
    const badge = form.querySelector('[data-testid="line-outstanding"]');
    // The count of items still to mark moves with every save (3 → 1 while the judged item waits for the other judges).
    if (badge && score.outstanding === 0) badge.remove();
    else if (badge && T.tOutstanding) badge.textContent = T.tOutstanding.replace('{0}', score.outstanding);
  }

  function banner(text) {
    const b = document.getElementById('sheet-banner');
    b.textContent = text;
    b.classList.toggle('d-none', !text);
  }

  // Marks from what was typed; problems (not a number) are shown on their items and nothing is sent.
  function marksOf(form, values) {
    clearErrors(form);
    const marks = [];
    let bad = false;
    for (const [code, raw] of Object.entries(values)) {
      if (!raw || !raw.trim()) continue;
      const n = parse(raw);
      if (n === null) { itemError(form, code, `“${raw.trim()}”${T.tNan}`); bad = true; } else marks.push({ itemCode: code, value: n });
    }
    if (!bad && marks.length === 0) { cardError(form, T.tEmpty); bad = true; }
    return bad ? null : marks;
  }

  function submit(form) {
    const key = keyOf(form);
    const values = collect(form);
    if (!marksOf(form, values)) { putEntry(key, { values, state: 'draft' }); state(form, 'refused', T.tRefused); return; }
    putEntry(key, { values, state: 'pending' });
    attempts.set(key, 0);
    send(form);
  }

  async function send(form) {
    const key = keyOf(form);
    clearTimeout(timers.get(key));
    const entry = getEntry(key);
    if (!entry || entry.state !== 'pending' || inFlight.has(key)) return;
    const marks = marksOf(form, entry.values);
    if (!marks) { putEntry(key, { ...entry, state: 'draft' }); state(form, 'refused', T.tRefused); return; }
    state(form, 'pending', T.tPending);
    inFlight.add(key);
    let res;
    try {
      res = await fetch('/api/marks', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ contestantId: form.dataset.contestant, taskId: form.dataset.task, marks }),
      });
    } catch { res = null; } finally { inFlight.delete(key); }
    if (res && res.ok) {
      let score = null;
      try { score = await res.json(); } catch { /* acknowledged all the same */ }
      if (score) applyScore(form, score);
      const now = getEntry(key);
      // Typed on while the request was out: those values are not saved yet.
      if (now && !same(now.values, entry.values)) {
        if (now.state === 'pending') return send(form);
        return state(form, 'unsaved', T.tUnsaved);
      }
      dropEntry(key);
      attempts.delete(key);
      state(form, 'saved', `${T.tSaved} ${new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`);
      if (!Object.values(load()).some(e => e.state === 'pending')) banner('');
      return;
    }
    if (res && [400, 403, 404, 409].includes(res.status)) {
      let problem = {};
      try { problem = await res.json(); } catch { /* the status alone */ }
      putEntry(key, { ...getEntry(key), state: 'draft' });
      if (problem.errors) {
        for (const [field, messages] of Object.entries(problem.errors))
          for (const m of messages) field.startsWith('Marks.') ? itemError(form, field.slice(6), m) : cardError(form, m);
      } else cardError(form, problem.detail || problem.title || `HTTP ${res.status}`);
      return state(form, 'refused', T.tRefused);
    }
    // No answer, a server error or a throttle: the marks stay here and go again.
    const n = attempts.get(key) || 0;
    attempts.set(key, n + 1);
    state(form, 'waiting', T.tWaiting);
    timers.set(key, setTimeout(() => send(form), RETRY_MS[Math.min(n, RETRY_MS.length - 1)]));
  }

  for (const form of forms()) {
    form.addEventListener('submit', e => {
      if (e.submitter && e.submitter.value === 'save') { e.preventDefault(); submit(form); return; }
      sessionStorage.setItem(scrollKey, String(window.scrollY));   // sign-off reloads the page: come back to the same place
    });
    const typed = () => {
      const key = keyOf(form);
      const before = getEntry(key);
      putEntry(key, { values: collect(form), state: 'draft' });
      if (!before || before.state !== 'pending' || !inFlight.has(key)) clearTimeout(timers.get(key));
      state(form, 'unsaved', T.tUnsaved);
    };
    form.addEventListener('input', typed);
    form.addEventListener('change', typed);
  }

  // Back after a reload: what was typed and not acknowledged is put back, and what was waiting goes again.
  let restored = false;
  const all = load();
  for (const form of forms()) {
    const entry = all[keyOf(form)];
    if (!entry) continue;
    for (const f of fields(form)) if (f.dataset.code in entry.values) f.value = entry.values[f.dataset.code];
    if (form.dataset.closed === 'true') { cardError(form, Object.entries(entry.values).filter(([, v]) => v).map(([c, v]) => `${c}=${v}`).join('，')); state(form, 'refused', T.tRefused); continue; }
    if (entry.state === 'pending') { restored = true; attempts.set(keyOf(form), 0); send(form); } else state(form, 'unsaved', T.tUnsaved);
  }
  if (restored) banner(T.tRestored);
  window.addEventListener('online', () => forms().forEach(f => { if (getEntry(keyOf(f))?.state === 'pending') { attempts.set(keyOf(f), 0); send(f); } }));

  const y = sessionStorage.getItem(scrollKey);
  if (y !== null) { sessionStorage.removeItem(scrollKey); window.scrollTo(0, Number(y)); }
})();
