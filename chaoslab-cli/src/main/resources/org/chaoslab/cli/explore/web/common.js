// chaoslab explore: what every view's page shares (protocol: docs/explore.md). One WebSocket per tab at /ws?view=NAME;
// plots drawn with uPlot (served from the jar); every value typed is sent as text and checked by the server with the
// CLI's rules, which answers "accepted" or "invalid" (a message per field, shown next to its control).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
  const LABELS = { rate: 'rate network', balanced: 'balanced network', deep: 'deep network', kernel: 'stimulus kernel' };

  // ---------------------------------------------------------------- plots
  function size(el) {
    const w = Math.max(300, el.clientWidth || 400);
    return { width: w, height: Math.round(Math.min(300, Math.max(220, w * 0.55))) };
  }
  function axes(xLabel, yLabel) {
    return [{ label: xLabel, labelSize: 18, size: 40 }, { label: yLabel, labelSize: 18, size: 55 }];
  }
  // A uPlot in the element of id `id`: series after the x column, axis labels with symbols and units as in the CLI.
  function makePlot(id, series, xLabel, yLabel, extra) {
    const el = $(id);
    el.innerHTML = '';
    const opts = Object.assign({
      ...size(el), scales: { x: { time: false } }, axes: axes(xLabel, yLabel),
      series: [{ label: xLabel }].concat(series), legend: { show: true }, cursor: { show: true },
    }, extra || {});
    const plot = new uPlot(opts, [[]].concat(series.map(() => [])), el);
    plot.chaoslabId = id;
    return plot;
  }
  const dots = (color, label, size) => ({ label, stroke: color, width: 0, paths: () => null,
    points: { show: true, size: size || 4, fill: color } });
  const line = (color, label, dash) => ({ label, stroke: color, width: 1.5, dash: dash, spanGaps: true, points: { show: false } });
  // Resizes the plots (an object of uPlots, or functions returning one) with the window.
  function autoResize(plots) {
    window.addEventListener('resize', () => {
      for (const p of Object.values(plots)) {
        if (p && p.chaoslabId) p.setSize(size($(p.chaoslabId)));
      }
    });
  }
  // Tables (x, y) sorted by x on one x axis: the others' y null where they have no point.
  function join(...tables) {
    const xs = Array.from(new Set([].concat(...tables.map((t) => t[0])))).sort((p, q) => p - q);
    const maps = tables.map((t) => new Map(t[0].map((x, k) => [x, t[1][k]])));
    return [xs].concat(maps.map((m) => xs.map((x) => (m.has(x) ? m.get(x) : null))));
  }
  // Keeps the last `span` of x in each of the arrays of `columns` (x first), in place.
  function keepLast(columns, span) {
    const x = columns[0];
    const end = x.length ? x[x.length - 1] : 0;
    let cut = 0;
    while (cut < x.length && x[cut] < end - span) cut++;
    if (cut > 0) for (const c of columns) c.splice(0, cut);
  }

  // ---------------------------------------------------------------- text
  const fmt = (v, d) => (v == null || !isFinite(v) ? '–' : Number(v).toPrecision(d || 4));
  function banner(text) {
    const b = $('banner');
    b.textContent = text || '';
    b.hidden = !text;
  }
  // Shows each field's message next to its control (msg-FIELD) and marks the control (id FIELD, or inputFor(FIELD)).
  function showErrors(fields, errors, inputFor) {
    for (const f of fields.concat(['form'])) {
      const m = $('msg-' + f);
      if (m) m.textContent = (errors || {})[f] || '';
      const input = inputFor ? inputFor(f) : $(f);
      if (input && input.classList) input.classList.toggle('bad', !!(errors || {})[f]);
    }
  }
  function navigation(views, current) {
    const nav = $('views');
    if (!nav || nav.childElementCount) return;
    for (const v of views) {
      const a = document.createElement('a');
      a.href = v === 'rate' ? '/' : '/' + v + '.html';
      a.textContent = LABELS[v] || v;
      a.id = 'nav-' + v;
      if (v === current) a.className = 'current';
      nav.appendChild(a);
    }
  }

  // ---------------------------------------------------------------- protocol
  // Opens the view's WebSocket; `handlers` by message type; `state` gets connected/lastError; returns send(message).
  function connect(view, state, handlers, onChange) {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?view=' + view;
    const socket = new WebSocket(url);
    socket.onopen = () => { state.connected = true; if (onChange) onChange(); };
    socket.onclose = (e) => {
      state.connected = false;
      state.simState = 'disconnected';
      if (onChange) onChange();
      if (!state.lastError) banner('disconnected from the server' + (e.reason ? ' (' + e.reason + ')' : '') + '; reload the page to start again');
    };
    socket.onmessage = (e) => {
      let m;
      try { m = JSON.parse(e.data); } catch (err) { return; }
      if (m.type === 'hello') {
        state.token = m.token;
        state.limits = m.limits;
        navigation(m.views || [], view);
        const exp = $('export');
        if (exp) exp.href = '/export/' + m.token;
        banner('');
      } else if (m.type === 'error') {
        state.lastError = m.message;
        banner(m.message);
      }
      const h = handlers[m.type];
      if (h) h(m);
    };
    return (message) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    };
  }
  // A function that calls `f` once `ms` after the last of a burst of calls (a dragged slider sends about 20 a second).
  function debounce(f, ms) {
    let timer = null;
    return () => { clearTimeout(timer); timer = setTimeout(f, ms); };
  }

  window.chaoslab = { $, COLORS, makePlot, dots, line, autoResize, join, keepLast, fmt, banner, showErrors, connect, debounce };
})();
