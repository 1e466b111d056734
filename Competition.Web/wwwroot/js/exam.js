// The exam page. Every answer is saved the moment it is given, numbered so the server keeps only the newest;
// unsent answers wait in localStorage and are retried, so a reload, a dead network or another device loses
// nothing. The countdown runs from the server's figure, not the phone's clock.
(() => {
  const root = document.getElementById('exam');
  const attemptId = root.dataset.attempt;
  const store = `attempt:${attemptId}`;
  const $ = id => document.getElementById(id);
  let view, current = 0, endsAt = 0, closed = false, flushing = false, offline = false;
  const answers = new Map();                                   // item -> { response, flagged, seq, saved }
  const pending = JSON.parse(localStorage.getItem(store) || '{}'); // item -> { response, flagged, seq }

  const keep = () => localStorage.setItem(store, JSON.stringify(pending));
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

  async function load() {
    const res = await fetch(`/api/attempts/${attemptId}`, { headers: { Accept: 'application/json' } });
    if (!res.ok) return message((await problem(res)) || '无法加载试卷，请刷新重试。');
    view = await res.json();
    $('exam-title').textContent = view.title;
    endsAt = performance.now() + view.secondsLeft * 1000;
    for (const item of view.items) answers.set(item.index, { response: item.response ?? '', flagged: item.flagged, seq: item.sequence, saved: true });
    for (const [k, p] of Object.entries(pending)) {            // unsent answers from before the reload win if newer
      const a = answers.get(+k);
      if (a && p.seq > a.seq) answers.set(+k, { ...p, saved: false }); else delete pending[k];
    }
    keep();
    if (view.state !== 'InProgress' && view.state !== 'Overdue') return finished('本次作答已结束。');
    if (view.state === 'Overdue') message('考试时间已到，正在宽限期内：请尽快检查并交卷。');
    render(); tick(); flush();
  }

  function render() {
    const item = view.items[current], a = answers.get(current);
    const body = $('question').querySelector('.card-body');
    let html = `<div class="small text-muted mb-2">${esc(item.sectionTitle)} · 第 ${current + 1} / ${view.items.length} 题 · ${item.points} 分</div>
      <div class="question-stem mb-3" data-testid="stem">${item.stemHtml}</div>`;
    if (item.type === 'Single' || item.type === 'Multiple') {
      const type = item.type === 'Single' ? 'radio' : 'checkbox';
      html += item.options.map(o => `<label class="option"><input type="${type}" name="answer" value="${o.key}" ${a.response.includes(o.key) ? 'checked' : ''}>
        <span class="option-key">${o.label}.</span><span>${o.html}</span></label>`).join('');
    } else if (item.type === 'TrueFalse') {
      html += [['true', '对'], ['false', '错']].map(([v, t]) => `<label class="option"><input type="radio" name="answer" value="${v}" ${a.response === v ? 'checked' : ''}><span>${t}</span></label>`).join('');
    } else if (item.type === 'FillBlank') {
      const parts = a.response ? JSON.parse(a.response) : [];
      for (let i = 0; i < Math.max(item.blanks, 1); i++) html += `<input class="form-control mb-2 blank" placeholder="第 ${i + 1} 空" value="${esc(parts[i] ?? '')}">`;
    } else {
      html += `<textarea class="form-control" rows="6" name="answer" placeholder="请作答（由阅卷人评分）">${esc(a.response)}</textarea>`;
    }
    body.innerHTML = html;
    body.querySelectorAll('input[name=answer]').forEach(i => i.addEventListener('change', () => answer(readInputs(item))));
    body.querySelectorAll('input.blank, textarea').forEach(i => i.addEventListener('input', debounce(() => answer(readInputs(item)), 800)));
    $('flag').textContent = a.flagged ? '取消标记' : '标记';
    navigator(); status();
  }

  function readInputs(item) {
    const body = $('question');
    if (item.type === 'Multiple') return [...body.querySelectorAll('input[name=answer]:checked')].map(i => i.value).sort().join('');
    if (item.type === 'FillBlank') return JSON.stringify([...body.querySelectorAll('input.blank')].map(i => i.value));
    if (item.type === 'ShortAnswer') return body.querySelector('textarea').value;
    return body.querySelector('input[name=answer]:checked')?.value ?? '';
  }

  function answer(response, flagged) {
    if (closed) return;
    const a = answers.get(current);
    const next = { response, flagged: flagged ?? a.flagged, seq: Math.max(a.seq + 1, Date.now()), saved: false };
    answers.set(current, next);
    pending[current] = { response: next.response, flagged: next.flagged, seq: next.seq };
    keep(); navigator(); status(); flush();
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (const [k, p] of Object.entries(pending)) {
        let res;
        try {
          res = await fetch(`/api/attempts/${attemptId}/answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ item: +k, response: p.response, flagged: p.flagged, seq: p.seq }) });
        } catch { offline = true; setTimeout(flush, 3000); return; }   // offline: keep it, try again
        offline = false;
        if (res.ok) {
          const r = await res.json();
          if (pending[k]?.seq === p.seq) delete pending[k];
          const a = answers.get(+k);
          if (a.seq === p.seq) a.saved = true;
          if (r.newer) { message('该题在其他页面或设备上有更新的答案，已保留较新的答案。'); await reloadAnswers(); }
        } else if (res.status === 409 || res.status === 403) {
          message(await problem(res)); delete pending[k]; closed = res.status === 409 || closed;
        } else { offline = true; setTimeout(flush, 3000); return; }
        keep();
      }
    } finally { flushing = false; status(); }
    if (Object.keys(pending).length) flush();
  }

  async function reloadAnswers() {
    const res = await fetch(`/api/attempts/${attemptId}`);
    if (!res.ok) return;
    const fresh = await res.json();
    for (const item of fresh.items) if (!pending[item.index]) answers.set(item.index, { response: item.response ?? '', flagged: item.flagged, seq: item.sequence, saved: true });
    render();
  }

  function navigator() {
    $('navigator').innerHTML = view.items.map((_, i) => {
      const a = answers.get(i);
      const cls = i === current ? 'btn-primary' : a.flagged ? 'btn-warning' : a.response && a.response !== '[""]' ? 'btn-success' : 'btn-outline-secondary';
      return `<button class="btn btn-sm ${cls}" data-item="${i}" aria-label="第 ${i + 1} 题">${i + 1}</button>`;
    }).join('');
    $('navigator').querySelectorAll('button').forEach(b => b.addEventListener('click', () => { current = +b.dataset.item; render(); }));
  }

  function status() {
    const n = Object.keys(pending).length, el = $('save-state');
    el.className = 'badge ' + (n ? 'bg-warning text-dark' : 'bg-success');
    el.textContent = n ? (offline ? `网络中断：${n} 个答案待发送，正在重试` : `正在保存 ${n} 个答案…`) : '已全部保存';
  }

  function tick() {
    const left = Math.max(0, Math.round((endsAt - performance.now()) / 1000));
    $('timer').textContent = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0 && !closed) {
      closed = true;
      finished('考试时间到，系统已按规则交卷。');
      return;
    }
    if (!closed) setTimeout(tick, 500);
  }

  function finished(text) {
    closed = true;
    message(text);
    document.querySelectorAll('#question input, #question textarea, #submit').forEach(e => e.disabled = true);
    setTimeout(() => location.href = `/Exams/Result/${attemptId}`, 4000);
  }

  function message(text) { const m = $('message'); m.textContent = text; m.classList.remove('d-none'); }
  async function problem(res) { try { const p = await res.json(); return p.detail || p.title; } catch { return `错误 ${res.status}`; } }
  function debounce(f, ms) { let t; return () => { clearTimeout(t); t = setTimeout(f, ms); }; }

  $('prev').onclick = () => { if (current > 0) { current--; render(); } };
  $('next').onclick = () => { if (current < view.items.length - 1) { current++; render(); } };
  $('flag').onclick = () => { const a = answers.get(current); answer(a.response, !a.flagged); render(); };
  $('submit').onclick = async () => {
    const unanswered = view.items.filter((_, i) => !answers.get(i).response).length;
    if (!confirm(unanswered ? `还有 ${unanswered} 题未作答，确定交卷吗？` : '确定交卷吗？交卷后不能修改。')) return;
    await flush();
    if (Object.keys(pending).length) return message('还有答案没有保存成功，请检查网络后再交卷。');
    const res = await fetch(`/api/attempts/${attemptId}/submit`, { method: 'POST' });
    if (res.ok) { localStorage.removeItem(store); location.href = `/Exams/Result/${attemptId}`; } else message(await problem(res));
  };
  window.addEventListener('online', flush);
  load();
})();
