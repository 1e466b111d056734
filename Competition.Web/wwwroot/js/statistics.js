// The score distribution chart of the exam statistics page, drawn from the canvas's data attributes.
(() => {
  const c = document.getElementById('distribution');
  if (!c || typeof Chart === 'undefined') return;
  new Chart(c, {
    type: 'bar',
    data: { labels: c.dataset.labels.split(','), datasets: [{ label: c.dataset.series || '人数', data: c.dataset.counts.split(',').map(Number) }] },
    options: { plugins: { legend: { display: false } } },
  });
})();
