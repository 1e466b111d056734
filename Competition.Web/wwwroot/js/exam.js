// The exam page. Every answer is recorded in the browser the moment it is given — bound to its own question, kept
// in localStorage — and sent to the server, which issues versions and says "stored" only for what it stored (see
// AnswerSaves in the engine). Typing is sent after a short pause, and at once on a change of question, on 交卷 and
// when the page is hidden. 交卷 waits until every answer is acknowledged; offline it waits for the network (also
// across a reload) and says so. The countdown runs from the server's figure, not the phone's clock.
(() => {
  const root = document.getElementById('exam');
  const attemptId = root.dataset.attempt;
  const store = `attempt:${attemptId}`;             // unsent answers of this attempt
  const submitKey = `attempt:${attemptId}:submit`;  // 交卷 was pressed and has not gone through yet
  const currentKey = `attempt:${attemptId}:current`; // the question on screen, so a reload returns to it
  const WARNINGS = [300, 60];                         // seconds left at which the worker is warned (and told by a screen reader)
  const TYPE_PAUSE_MS = 800, RETRY_MS = 3000, MAX_SEQ = 2147483647, KEEPALIVE_LIMIT = 60000;
  const $ = id => document.getElementById(id);
  // UI text in the page's language: the view gives a dictionary keyed by the Chinese text ({0}, {1} for values).
  const texts = (() => { try { return JSON.parse($('exam-text').textContent); } catch { return {}; } })();
  const t = (zh, ...args) => (texts[zh] ?? zh).replace(/\{(\d)\}/g, (_, i) => args[+i]);

  const storage = {
    get(k) { try { return localStorage.getItem(k); } catch { return null; } },
    set(k, v) { try { localStorage.setItem(k, v); } catch { /* private mode: the page still works, without surviving a reload */ } },
    remove(k) { try { localStorage.removeItem(k); } catch { } },
  };

  let view, current = 0, endsAt = 0, closed = false, net = 'ok', submitWanted = storage.get(submitKey) === '1', submitting = false;
  let typeTimer = null, retryTimer = null;
  const answers = new Map();   // item -> { response, flagged }: what the page shows
  const acked = new Map();     // item -> version last acknowledged: the base of the next answer to it
  const failed = new Map();    // item -> why the server would not take it as it is (the worker must change it)
  const sending = new Map();   // item -> the promise of its sends (at most one request per item at a time)
  const newer = new Set();     // items another device or tab had a newer answer for, since 交卷 was pressed
  let pending = parse(storage.get(store)) || {};   // item -> { response, flagged, base, writer, seq }: not acknowledged yet
  let writer = writerId();

  function parse(s) { try { return JSON.parse(s); } catch { return null; } }
  // Other tabs of this attempt in this browser keep their unsent answers in the same place: merge rather than overwrite,
  // so an answer another tab has not sent yet survives this tab's writes (the browser's shared count orders them).
  const settled = new Map();   // item -> the highest count of this browser known to be stored or superseded
  function keep() {
    const stored = parse(storage.get(store)) || {};
    for (const [k, p] of Object.entries(pending)) if (!stored[k] || stored[k].writer !== p.writer || stored[k].seq <= p.seq) stored[k] = p;
    for (const [k, q] of Object.entries(stored)) if (!pending[k] && q.writer === writer && q.seq <= (settled.get(+k) ?? 0)) delete stored[k];
    storage.set(store, JSON.stringify(stored));
  }
  function settle(index, seq) { settled.set(index, Math.max(settled.get(index) ?? 0, seq)); }
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const unsent = () => Object.keys(pending).map(Number);

  // A random id for this browser and its own count of answers: the server lets a browser replace its own earlier
  // answer even when that one's acknowledgement never arrived; clocks play no part.
  function writerId() {
    let w = storage.get('exam:writer');
    if (!w || !/^[A-Za-z0-9_-]{8,64}$/.test(w)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      w = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
      storage.set('exam:writer', w); storage.set('exam:writer-seq', '0');
    }
    return w;
  }
  function nextSeq() {
    let n = (parseInt(storage.get('exam:writer-seq') || '0', 10) || 0) + 1;
    if (n > MAX_SEQ) { storage.remove('exam:writer'); writer = writerId(); n = 1; }
    storage.set('exam:writer-seq', String(n));
    return n;
  }

  async function api(url, options = {}) {
    return fetch(url, { credentials: 'same-origin', ...options, headers: { Accept: 'application/json', ...(options.headers || {}) } });
  }

  // ---- loading and merging the server's view -------------------------------------------------------------------
  async function load() {
    let res;
    try { res = await api(`/api/attempts/${attemptId}`); } catch { message(t('网络中断，正在重试加载试卷…')); return setTimeout(load, RETRY_MS); }
    if (!res.ok) return message((await problem(res)) || t('无法加载试卷，请刷新重试。'));
    view = await res.json();
    $('exam-title').textContent = view.title;
    merge(view);
    if (!view.acceptsAnswers) return finished(view.state === 'Submitted' ? t('本次作答已结束：已交卷。') : view.state === 'Abandoned' ? t('本次作答已结束：超时未交卷，已作废。') : t('本次作答已结束。'));
    if (view.state === 'Overdue') message(t('考试时间已到，正在宽限期内：请尽快检查并交卷。'));
    const saved = parseInt(storage.get(currentKey) ?? '', 10);
    if (saved >= 0 && saved < view.items.length) current = saved;
    render(); tick(); sendAll();
    if (submitWanted) trySubmit();
  }

  // Unsent answers the server already holds (same browser, same or later count) are dropped; the rest win on screen.
  function merge(fresh) {
    endsAt = performance.now() + fresh.secondsLeft * 1000;
    for (const item of fresh.items) {
      const p = pending[item.index];
      if (p && !p.writer) Object.assign(p, { writer, seq: nextSeq(), base: item.version });   // kept by an older version of this page
      if (item.writer === writer) settle(item.index, item.writerSeq);
      if (p && item.writer === p.writer && item.writerSeq >= p.seq) delete pending[item.index];
      acked.set(item.index, item.version);
      const q = pending[item.index];
      answers.set(item.index, q ? { response: q.response, flagged: q.flagged } : { response: item.response ?? '', flagged: item.flagged });
    }
    for (const k of unsent()) if (!acked.has(k)) { settle(k, Infinity); delete pending[k]; }   // not on this paper
    keep();
  }

  // Back from another tab or app: the server's clock and answers from other devices.
  async function resync() {
    if (!view || closed) return;
    let res;
    try { res = await api(`/api/attempts/${attemptId}`); } catch { return; }
    if (!res.ok) return;
    const fresh = await res.json();
    const before = JSON.stringify(answers.get(current));
    merge(fresh);
    if (!fresh.acceptsAnswers) return finished(t('本次作答已结束。'));
    if (JSON.stringify(answers.get(current)) !== before) render(); else { drawNavigator(); status(); }
  }

  // ---- the question on screen; every input is bound to its own item ------------------------------------------------
  function render() {
    const index = current, item = view.items[index], a = answers.get(index);
    const body = $('question').querySelector('.card-body');
    let html = `<div class="small text-muted mb-2">${esc(item.sectionTitle)} · ${esc(t('第 {0} / {1} 题', index + 1, view.items.length))} · ${esc(t('{0} 分', item.points))}</div>
      <div class="question-stem mb-3" data-testid="stem">${item.stemHtml}</div>`;
    if (item.type === 'Single' || item.type === 'Multiple') {
      const type = item.type === 'Single' ? 'radio' : 'checkbox';
      html += item.options.map(o => `<label class="option"><input type="${type}" name="answer" value="${esc(o.key)}" ${a.response.includes(o.key) ? 'checked' : ''}>
        <span class="option-key">${esc(o.label)}.</span><span>${o.html}</span></label>`).join('');
    } else if (item.type === 'TrueFalse') {
      html += [['true', t('对')], ['false', t('错')]].map(([v, t]) => `<label class="option"><input type="radio" name="answer" value="${v}" ${a.response === v ? 'checked' : ''}><span>${t}</span></label>`).join('');
    } else if (item.type === 'FillBlank') {
      const parts = blanksOf(a.response);
      for (let i = 0; i < Math.max(item.blanks, 1); i++) html += `<input class="form-control mb-2 blank" placeholder="${esc(t('第 {0} 空', i + 1))}" aria-label="${esc(t('第 {0} 空', i + 1))}" value="${esc(parts[i] ?? '')}">`;
    } else {
      html += `<textarea class="form-control" rows="6" name="answer" aria-label="${esc(t('作答'))}" placeholder="${esc(t('请作答（由阅卷人评分）'))}">${esc(a.response)}</textarea>`;
    }
    if (failed.has(index)) html += `<div class="text-danger small mt-2" data-testid="answer-error">${esc(failed.get(index))}</div>`;
    body.innerHTML = html;
    // The handlers read this item's own inputs (body, item, index as rendered), never whatever is on screen later.
    const read = () => readInputs(body, item);
    body.querySelectorAll('input[name=answer]').forEach(i => i.addEventListener('change', () => { record(index, read()); sendNow(); }));
    body.querySelectorAll('input.blank, textarea').forEach(i => {
      i.addEventListener('input', () => { record(index, read()); sendSoon(); });
      i.addEventListener('compositionend', () => { record(index, read()); sendSoon(); });
      i.addEventListener('change', () => { record(index, read()); sendNow(); });
    });
    $('flag').textContent = a.flagged ? t('取消标记') : t('标记');
    document.querySelectorAll('#question input, #question textarea').forEach(e => e.disabled = closed);
    drawNavigator(); status();
  }

  function blanksOf(response) { const v = response ? parse(response) : []; return Array.isArray(v) ? v : [response]; }

  function readInputs(body, item) {
    if (item.type === 'Multiple') return [...body.querySelectorAll('input[name=answer]:checked')].map(i => i.value).sort().join('');
    if (item.type === 'FillBlank') return JSON.stringify([...body.querySelectorAll('input.blank')].map(i => i.value));
    if (item.type === 'ShortAnswer') return body.querySelector('textarea').value;
    return body.querySelector('input[name=answer]:checked')?.value ?? '';
  }

  // Records an answer to one item at once (shown, kept in localStorage, queued); sending follows.
  function record(index, response, flagged) {
    if (closed) return;
    const a = answers.get(index);
    flagged = flagged ?? a.flagged;
    if (a.response === response && a.flagged === flagged) return;
    answers.set(index, { response, flagged });
    pending[index] = { response, flagged, base: acked.get(index) ?? 0, writer, seq: nextSeq() };
    failed.delete(index);
    keep(); drawNavigator(); status();
  }

  function go(to) {
    if (to < 0 || to >= view.items.length) return;
    sendNow();             // whatever was typed goes out now; it is already recorded for its own item
    current = to; storage.set(currentKey, String(to)); render();
  }

  // ---- sending ---------------------------------------------------------------------------------------------------
  function sendSoon() { clearTimeout(typeTimer); typeTimer = setTimeout(sendAll, TYPE_PAUSE_MS); }
  function sendNow(options) { clearTimeout(typeTimer); return sendAll(options); }
  function sendAll(options) { return Promise.all(unsent().filter(i => !failed.has(i)).map(i => send(i, options))); }

  function send(index, options) {
    if (!sending.has(index)) sending.set(index, (async () => {
      try { while (pending[index] && !failed.has(index) && !closed && await sendOnce(index, options)); }
      finally { sending.delete(index); status(); }
    })());
    return sending.get(index);
  }

  // One request for the item's latest unsent answer. True when the server answered (so the loop may go on with an
  // answer given meanwhile); false when the network, the session or the answer itself is in the way.
  async function sendOnce(index, options = {}) {
    const p = pending[index];
    const body = JSON.stringify({ item: index, response: p.response, flagged: p.flagged, base: p.base, writer: p.writer, writerSeq: p.seq });
    let res;
    try {
      res = await api(`/api/attempts/${attemptId}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
        keepalive: !!options.keepalive && body.length < KEEPALIVE_LIMIT });
    } catch { trouble('offline'); return false; }
    if (res.ok) {
      net = 'ok';
      const r = await res.json();
      acked.set(index, r.version);
      const now = pending[index];
      settle(index, p.seq);
      if (r.stored) {
        if (now && now.writer === p.writer && now.seq === p.seq) delete pending[index];
        else if (now) now.base = r.version;            // an answer given meanwhile builds on this one
      } else {
        // Another device or tab stored a newer answer: it stays, and the page shows it.
        delete pending[index];
        answers.set(index, { response: r.response ?? '', flagged: !!r.flagged });
        newer.add(index);
        message(t('第 {0} 题在其他设备或页面上有更新的答案，已保留并显示较新的答案，请核对。', index + 1));
        if (index === current) render();
      }
      keep(); drawNavigator();
      return true;
    }
    if (res.status === 409) { finished((await problem(res)) || t('本次作答已结束，答案未被接受。')); return false; }
    if (res.status === 401) { trouble('signed-out'); return false; }
    if (res.status === 400 || res.status === 403 || res.status === 404) {
      failed.set(index, (await problem(res)) || t('错误 {0}', res.status));
      if (index === current) render();
      return false;
    }
    trouble('error');      // 5xx, 429: the server will be back
    return false;
  }

  function trouble(kind) {
    net = kind;
    status();
    clearTimeout(retryTimer);
    retryTimer = setTimeout(retry, RETRY_MS);
  }
  async function retry() { await sendAll(); if (submitWanted) trySubmit(); }

  // ---- 交卷 ------------------------------------------------------------------------------------------------------
  async function trySubmit() {
    if (!submitWanted || closed || submitting) return;
    submitting = true; status();
    try {
      await sendNow();
      if (failed.size) return stopSubmit(t('第 {0} 题的答案未能保存（{1}），答案仍保留在本页，请修改后再交卷。', [...failed.keys()].map(i => i + 1).join(t('、')), [...failed.values()][0]));
      if (newer.size) return stopSubmit(t('第 {0} 题在其他设备上有更新的答案，已载入，请核对后再交卷。', [...newer].map(i => i + 1).join(t('、'))));
      if (unsent().length) return waiting();     // the network is in the way: keep trying
      let res;
      try { res = await api(`/api/attempts/${attemptId}/submit`, { method: 'POST' }); } catch { net = 'offline'; return waiting(); }
      if (res.ok) {
        storage.remove(submitKey); storage.remove(store); storage.remove(currentKey);
        closed = true; status();
        location.href = `/Exams/Result/${attemptId}`;
        return;
      }
      if (res.status === 409) return finished((await problem(res)) || t('本次作答已结束。'));
      if (res.status === 401) { net = 'signed-out'; return waiting(); }
      if (res.status >= 500 || res.status === 429) { net = 'error'; return waiting(); }
      stopSubmit((await problem(res)) || t('交卷失败（错误 {0}）', res.status));
    } finally { submitting = false; status(); }
  }

  // 交卷 is queued: the state (see status) says so; the page keeps trying.
  function waiting() {
    status();
    clearTimeout(retryTimer);
    retryTimer = setTimeout(retry, RETRY_MS);
  }

  function stopSubmit(text) {
    submitWanted = false; storage.remove(submitKey);
    message(text);
  }

  // ---- state shown -----------------------------------------------------------------------------------------------
  // Each question's state is shown at once — answered or not, flagged, not saved — by shape and sign as well as colour
  // (✓ answered, filled; unanswered, hollow; ⚑ flagged; ! not saved); the legend above names them for screen readers too.
  function drawNavigator() {
    $('navigator').innerHTML = view.items.map((_, i) => {
      const a = answers.get(i), done = answered(a.response), bad = failed.has(i);
      const cls = bad ? 'btn-danger' : done ? 'btn-success' : 'btn-outline-secondary';
      const states = [bad ? 'legend-failed' : done ? 'legend-answered' : 'legend-unanswered', ...(a.flagged ? ['legend-flagged'] : [])];
      const marks = (bad ? '!' : done ? '✓' : '') + (a.flagged ? '⚑' : '');
      return `<button type="button" class="btn btn-sm nav-item ${cls}${a.flagged ? ' nav-flagged' : ''}${i === current ? ' nav-current' : ''}" data-item="${i}"
        data-state="${done ? 'answered' : 'unanswered'}${a.flagged ? ' flagged' : ''}" aria-label="${esc(t('第 {0} 题', i + 1))}"
        aria-describedby="${states.join(' ')}"${i === current ? ' aria-current="step"' : ''}>${i + 1}<span class="nav-mark" aria-hidden="true">${marks}</span></button>`;
    }).join('');
    $('navigator').querySelectorAll('button').forEach(b => b.addEventListener('click', () => go(+b.dataset.item)));
  }

  function answered(r) { return !!r && !(r.startsWith('[') && blanksOf(r).every(x => !x)); }

  function status() {
    const n = unsent().length, el = $('save-state'), sub = $('submit-state');
    let text, cls;
    if (closed) [text, cls] = [t('作答已结束'), 'bg-secondary'];
    else if (failed.size) [text, cls] = [t('{0} 个答案未能保存，请修改', failed.size), 'bg-danger'];
    else if (n && net === 'offline') [text, cls] = [t('网络中断：{0} 个答案待发送，正在重试', n), 'bg-warning text-dark'];
    else if (n && net === 'signed-out') [text, cls] = [t('登录已过期：{0} 个答案待发送，请重新登录', n), 'bg-danger'];
    else if (n && net === 'error') [text, cls] = [t('服务器繁忙：{0} 个答案待发送，正在重试', n), 'bg-warning text-dark'];
    else if (n) [text, cls] = [t('正在保存 {0} 个答案…', n), 'bg-warning text-dark'];
    else [text, cls] = [t('已全部保存'), 'bg-success'];
    el.className = 'badge ' + cls; el.textContent = text;
    const queued = submitWanted && !closed;
    sub.classList.toggle('d-none', !queued);
    sub.textContent = !queued ? '' : net === 'ok' ? t('正在交卷…')
      : net === 'signed-out' ? t('登录已过期：请在新窗口重新登录，本页会自动完成交卷。答案保存在本机。')
      : t('{0}：恢复后将自动交卷{1}。答案保存在本机，请保持本页打开。', net === 'error' ? t('服务器暂时繁忙') : t('网络中断'),
          n ? t('（{0} 个答案待发送）', n) : '');
    $('submit').disabled = closed || queued;
    $('submit').textContent = queued ? t('等待交卷…') : t('交卷');
  }

  function tick() {
    const left = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
    $('timer').textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
    warn(left);
    if (closed) return;
    if (left === 0) return timeUp();
    setTimeout(tick, 500);
  }

  // The timer changes colour and says in words how little time is left; a screen reader hears it once per warning
  // (the live region changes only then), never every second.
  let warned = Infinity;
  function warn(left) {
    const level = WARNINGS.filter(w => left <= w).pop();
    if (level === undefined || closed) return;
    const timer = $('timer'), note = $('timer-note');
    timer.classList.remove('bg-dark', 'bg-warning', 'text-dark', 'bg-danger');
    timer.classList.add(...(level === 60 ? ['bg-danger'] : ['bg-warning', 'text-dark']));
    note.textContent = level === 60 ? t('剩余不足 1 分钟') : t('剩余不足 5 分钟');
    note.classList.remove('d-none');
    if (level < warned) {
      warned = level;
      $('timer-alert').textContent = level === 60 ? t('考试剩余不足 1 分钟，请尽快检查并交卷。') : t('考试剩余不足 5 分钟，请注意时间。');
    }
  }

  // Time is up by the server's figure: answers given until now still go out (the server decides), then the result.
  async function timeUp() {
    await Promise.race([sendNow(), new Promise(r => setTimeout(r, 4000))]);
    finished(t('考试时间到，系统已按规则交卷。'));
  }

  function finished(text) {
    if (closed) return;
    closed = true;
    const lost = unsent().length;
    message(lost ? text + t('（本机有 {0} 个答案未能在作答结束前送达服务器。）', lost) : text);
    pending = {}; storage.remove(store); storage.remove(submitKey); storage.remove(currentKey); submitWanted = false;
    document.querySelectorAll('#question input, #question textarea, #submit').forEach(e => e.disabled = true);
    status();
    setTimeout(() => location.href = `/Exams/Result/${attemptId}`, 4000);
  }

  function message(text) { const m = $('message'); m.textContent = text; m.classList.remove('d-none'); }
  async function problem(res) { try { const p = await res.json(); return p.detail || p.title; } catch { return t('错误 {0}', res.status); } }

  $('prev').onclick = () => go(current - 1);
  $('next').onclick = () => go(current + 1);
  $('flag').onclick = () => { const a = answers.get(current); record(current, a.response, !a.flagged); sendNow(); render(); };
  $('submit').onclick = async () => {
    if (closed || submitWanted) return;
    const unanswered = view.items.filter((_, i) => !answered(answers.get(i).response)).length;
    if (!confirm(unanswered ? t('还有 {0} 题未作答，确定交卷吗？', unanswered) : t('确定交卷吗？交卷后不能修改。'))) return;
    submitWanted = true; newer.clear(); storage.set(submitKey, '1');
    await trySubmit();
  };
  window.addEventListener('online', retry);
  // Leaving or hiding the page sends what is unsent (keepalive lets it finish after the page is gone).
  window.addEventListener('pagehide', () => sendNow({ keepalive: true }));
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' ? sendNow({ keepalive: true }) : resync());
  load();
})();
