// Behaviour every page may use, declared in markup so that pages carry no inline script (the Content-Security-Policy
// allows none):
//   <button data-confirm="确定…？">           asks before its form is submitted
//   <select data-autosubmit>                  submits its form when changed
//   <select data-autosubmit data-clear="kp">  …after emptying the named field of the same form
(() => {
  document.addEventListener('click', e => {
    const el = e.target.closest('[data-confirm]');
    if (el && !confirm(el.dataset.confirm)) { e.preventDefault(); e.stopImmediatePropagation(); }
  });
  document.addEventListener('change', e => {
    const el = e.target.closest('[data-autosubmit]');
    if (!el || !el.form) return;
    for (const name of (el.dataset.clear || '').split(',').filter(Boolean)) {
      const field = el.form.elements[name];
      if (field) field.value = '';
    }
    el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
  });
})();
