// A live scoreboard: joins its SignalR group, renders every board pushed to it, shows rank moves, and after a
// reconnect joins again to catch up. The projector view scrolls by itself when the board is longer than the screen.
(() => {
  const root = document.getElementById('board');
  const contestId = root.dataset.contest, group = root.dataset.group, jury = root.dataset.jury === 'true';
  const q = sel => root.querySelector(sel);
  let version = 0;
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const colour = city => { let h = 0; for (const ch of city) h = (h * 31 + ch.codePointAt(0)) % 360; return `hsl(${h} 70% 55%)`; };
  const fmt = v => v === null || v === undefined ? '—' : Number(v).toFixed(2);

  // The join reply is always taken (after a server restart versions start again); a push older than the board shown is not.
  function render(b, fromJoin) {
    if (!fromJoin && b.version < version) return;
    version = b.version;
    q('[data-testid=board-title]').textContent = b.title + (jury ? '（评审）' : '');
    q('[data-testid=board-phase]').textContent = b.phaseName;   // the server's wording, the same as on every page
    q('[data-testid=board-frozen]').classList.toggle('d-none', !b.frozen);
    q('[data-testid=board-frozen]').textContent = b.revealSteps > 0 && b.revealedSteps > 0 ? `揭晓中 ${b.revealedSteps}/${b.revealSteps}` : '已封榜';
    q('tbody').innerHTML = b.rows.map(r => `
      <tr data-number="${esc(r.number)}" class="${r.move > 0 ? 'moved-up' : r.move < 0 ? 'moved-down' : ''}">
        <td data-testid="rank">${r.rank}${r.sharedRank ? '=' : ''}${r.problem ? ` <span class="text-danger" title="${esc(r.problem)}" data-testid="row-problem">⚠</span>` : ''}</td>
        <td data-testid="move">${r.move > 0 ? `<span class="move-up">▲${r.move}</span>` : r.move < 0 ? `<span class="move-down">▼${-r.move}</span>` : ''}</td>
        <td>${esc(r.number)}</td><td>${esc(r.unit)}</td>
        <td><span class="city-chip" style="background:${colour(r.city)}"></span>${esc(r.city)}</td>
        <td class="text-end">${fmt(r.theory)}</td><td class="text-end">${fmt(r.practical)}</td>
        <td class="text-end fw-bold" data-testid="total">${fmt(r.total)}</td>
      </tr>`).join('');
  }

  const status = text => q('[data-testid=board-connection]').textContent = text;
  const conn = new signalR.HubConnectionBuilder().withUrl('/hubs/scoreboard').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).build();
  conn.on('board', b => render(b, false));
  const join = async () => { render(await conn.invoke('JoinBoard', contestId, group, jury), true); status('实时更新中'); };
  conn.onreconnecting(() => status('网络中断，正在重连…'));
  conn.onreconnected(join);
  let gone = false;   // the board does not exist: retrying will not make it exist
  conn.onclose(() => { if (gone) return; status('已断开，5 秒后重试'); setTimeout(start, 5000); });
  async function start() {
    try { if (conn.state === 'Disconnected') await conn.start(); await join(); }
    catch (e) {
      const text = String(e);
      if (text.includes('没有这个排行榜')) { gone = true; status(text.slice(text.indexOf('没有这个排行榜'))); await conn.stop(); return; }
      status(text.includes('评审榜') ? '评审榜需要裁判或组织者登录' : '连接失败，5 秒后重试');
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
