// Contest setup: the live check that the rounds' weights sum to 100 % (the engine checks it again on saving), each
// task's total as points are typed, and only the fields of an item's marking kind.
(() => {
  const form = document.getElementById('setup-form');
  if (!form) return;
  const total = form.querySelector('[data-weight-total]');
  const number = el => { const v = parseFloat(el.value); return Number.isFinite(v) ? v : 0; };
  const update = () => {
    if (total) {
      const sum = Math.round([...form.querySelectorAll('[data-weight]')].reduce((s, el) => s + number(el), 0) * 100) / 100;
      const ok = Math.abs(sum - 100) < 0.001;
      total.textContent = (ok ? total.dataset.ok : total.dataset.bad).replace('#', sum);
      total.classList.toggle('text-bg-success', ok);
      total.classList.toggle('text-bg-danger', !ok);
    }
    for (const task of form.querySelectorAll('[data-testid=task]')) {
      const out = task.querySelector('[data-task-total]');
      if (out) out.textContent = Math.round([...task.querySelectorAll('[data-points]')].reduce((s, el) => s + number(el), 0) * 100) / 100;
    }
    for (const item of form.querySelectorAll('[data-item]')) {
      const kind = item.querySelector('[data-item-kind]')?.value;
      for (const field of item.querySelectorAll('[data-for-kind]')) field.classList.toggle('d-none', field.dataset.forKind !== kind);
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
