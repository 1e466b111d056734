// The drill start form: choosing a trade reloads the page with that trade's knowledge points. Without script the form
// still works and asks for a knowledge point when one is needed.
(() => {
  document.querySelector('[data-reload]')?.addEventListener('change', e => {
    const f = e.target.form, q = new URLSearchParams();
    for (const n of ['TradeCode', 'Level', 'Mode', 'SetSize']) { const v = f.elements[n].value; if (v) q.set(n, v); }
    location.search = q.toString();
  });
})();
