// A live scoreboard: joins its SignalR group, renders every board pushed to it, shows rank moves, counts down to the
// freeze and the end, and after a reconnect joins again to catch up. The projector view scrolls by itself when the board
// is longer than the screen. Its words come from the page (#board-text), in the page's language.
(() => {
  const root = document.getElementById('board');
  const contestId = root.dataset.contest, group = root.dataset.group, jury = root.dataset.jury === 'true';
  const words = JSON.parse(document.getElementById('board-text').textContent);
  const t = (key, ...args) => (words[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i]);
  const zh = text => words['zh:' + text] ?? text;   // an engine word, in the page's language when it has one
  const q = sel => root.querySelector(sel);
  let version = 0, freezeAt = null, endsAt = null, phase = '', frozen = false;
  let skew = 0;   // server clock minus this device's clock, in ms
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const fmt = v => v === null || v === undefined ? '—' : Number(v).toFixed(2);

  // The G60 corridor's cities each have their own colour, far apart from each other; others get one from their name.
  // The name is always written in the chip, so the colour only helps, it never carries the meaning alone.
  const g60 = { '上海松江': '#0072B2', '嘉兴': '#E69F00', '杭州': '#009E73', '金华': '#D55E00', '苏州': '#CC79A7',
                '湖州': '#56B4E9', '宣城': '#F0E442', '芜湖': '#8C564B', '合肥': '#7B4FD6' };
  // As hex, so that ink() can choose the text colour for it too (white on a light hue failed the contrast check).
  const hashed = city => {
    let h = 0; for (const ch of city) h = (h * 31 + ch.codePointAt(0)) % 360;
    const k = n => (n + h / 30) % 12, a = 0.45 * Math.min(0.4, 0.6);
    const f = n => 0.4 - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return '#' + [0, 8, 4].map(n => Math.round(f(n) * 255).toString(16).padStart(2, '0')).join('');
  };
  const ink = hex => {   // black or white text, whichever contrasts more with the chip
    if (!hex.startsWith('#')) return '#fff';
    const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000' : '#fff';
  };
  const city = name => { const bg = g60[name] ?? hashed(name); return `<span class="city-chip" style="background:${bg};color:${ink(bg)}">${esc(name)}</span>`; };
  const practical = r => r.practicalPending
    ? `${r.practical ? fmt(r.practical) + ' ' : ''}<span class="badge pending-badge" data-testid="pending">${esc(t('pending'))}</span>`
    : fmt(r.practical);
  const move = m => m > 0 ? `<span class="move-up" title="${esc(t('up', m))}">▲${m}<span class="visually-hidden">${esc(t('up', m))}</span></span>`
    : m < 0 ? `<span class="move-down" title="${esc(t('down', -m))}">▼${-m}<span class="visually-hidden">${esc(t('down', -m))}</span></span>` : '';

  // The join reply is always taken (after a server restart versions start again); a push older than the board shown is not.
  function render(b, fromJoin) {
    if (!fromJoin && b.version < version) return;
    version = b.version;
    freezeAt = b.freezeAt ? Date.parse(b.freezeAt) : null;
    endsAt = b.endsAt ? Date.parse(b.endsAt) : null;
    phase = b.phase; frozen = b.frozen;
    q('[data-testid=board-title]').textContent = b.title + (jury ? t('jury') : '');
    const phaseBadge = q('[data-testid=board-phase]');
    phaseBadge.textContent = zh(b.phaseName);   // the server's wording, the same as on every page
    phaseBadge.dataset.phase = b.phase;
    q('[data-testid=board-frozen]').classList.toggle('d-none', !b.frozen);
    q('[data-testid=board-frozen]').textContent = b.revealSteps > 0 && b.revealedSteps > 0 ? t('revealing', b.revealedSteps, b.revealSteps) : t('frozen');
    q('tbody').innerHTML = b.rows.map(r => `
      <tr data-number="${esc(r.number)}" class="${r.move > 0 ? 'moved-up' : r.move < 0 ? 'moved-down' : ''}">
        <td data-testid="rank" class="text-nowrap">${r.rank}${r.sharedRank ? '=' : ''}${r.problem ? ` <span class="text-danger" title="${esc(r.problem)}" data-testid="row-problem">⚠<span class="visually-hidden">${esc(t('problem'))}: ${esc(r.problem)}</span></span>` : ''}</td>
        <td data-testid="move" class="text-nowrap">${move(r.move)}</td>
        <td class="text-nowrap">${esc(r.number)}</td><td class="unit">${esc(r.unit)}</td>
        <td class="text-nowrap" data-testid="city">${city(r.city)}</td>
        <td class="text-end">${fmt(r.theory)}</td><td class="text-end text-nowrap" data-testid="practical">${practical(r)}</td>
        <td class="text-end fw-bold" data-testid="total">${fmt(r.total)}</td>
      </tr>`).join('');
    tick();
  }

  // Counts down to the next boundary the clock will act on: the freeze while running, then the end.
  // A day or more away (a contest started early keeps its planned freeze) reads "6 天 21:28:28", not "165:28:28".
  const clock = ms => {
    const s = Math.max(0, Math.floor(ms / 1000)), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    const hms = (h > 0 || d > 0 ? `${d > 0 ? String(h).padStart(2, '0') : h}:` : '') + `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
    return d > 0 ? `${t('days', d)} ${hms}` : hms;
  };
  function tick() {
    const box = q('[data-testid=board-countdown]'), now = Date.now() + skew, open = phase === 'Scheduled' || phase === 'Running' || phase === 'Frozen';
    let label = null, at = null;
    if (open && !frozen && freezeAt && freezeAt > now) { label = t('toFreeze'); at = freezeAt; }
    else if (open && endsAt && endsAt > now) { label = t('toEnd'); at = endsAt; }
    box.classList.toggle('d-none', at === null);
    if (at !== null) { box.textContent = `${label} ${clock(at - now)}`; box.dataset.target = label === t('toFreeze') ? 'freeze' : 'end'; }
  }
  setInterval(tick, 1000);

  const status = (text, state) => { const s = q('[data-testid=board-connection]'); s.textContent = text; s.dataset.state = state; };
  const conn = new signalR.HubConnectionBuilder().withUrl('/hubs/scoreboard').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).build();
  conn.on('board', b => render(b, false));
  const join = async () => { render(await conn.invoke('JoinBoard', contestId, group, jury), true); status(t('live'), 'live'); syncClock(); };
  // The countdown follows the server's clock: half the round trip is added to its reading. Re-read every few minutes,
  // since a device that slept or had its clock set meanwhile would drift.
  async function syncClock() {
    try {
      const sent = performance.now(), server = await conn.invoke('ServerTime');
      skew = server + (performance.now() - sent) / 2 - Date.now();
      tick();
    } catch { /* the next join or interval tries again; until then the last reading stands */ }
  }
  setInterval(() => { if (conn.state === 'Connected') syncClock(); }, 300_000);
  conn.onreconnecting(() => status(t('reconnecting'), 'down'));
  conn.onreconnected(join);
  let gone = false;   // the board does not exist: retrying will not make it exist
  conn.onclose(() => { if (gone) return; status(t('closed'), 'down'); setTimeout(start, 5000); });
  async function start() {
    try { if (conn.state === 'Disconnected') await conn.start(); await join(); }
    catch (e) {
      const text = String(e), marker = '没有这个排行榜';
      if (text.includes(marker)) {
        gone = true;
        const own = text.slice(text.indexOf(marker));
        status(zh(marker) === marker ? own : zh(marker), 'gone');
        await conn.stop(); return;
      }
      status(text.includes('评审榜') ? t('juryLogin') : t('failed'), 'down');
      setTimeout(start, 5000);
    }
  }
  start();

  if (root.classList.contains('board-projector')) {
    const box = q('.board-scroll');
    setInterval(() => {
      if (box.scrollHeight <= box.clientHeight) return;
      box.scrollTop = box.scrollTop + box.clientHeight >= box.scrollHeight - 2 ? 0 : box.scrollTop + 2;
    }, 60);
  }
})();
