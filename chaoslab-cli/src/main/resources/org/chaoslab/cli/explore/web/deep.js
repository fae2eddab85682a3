// chaoslab explore: the deep view (Poole et al. 2016, Schoenholz et al. 2017). The phase diagram is drawn as a χ1 map
// on uPlot's canvas (a draw hook: uPlot gives the axes, the scales and the cursor), with the boundary χ1 = 1 and the
// chosen point; a click there chooses the point. The point's maps and the simulated layers are plain uPlot plots.
(function () {
  'use strict';
  const FIELDS = ['phi', 'sigma-w2', 'sigma-b2', 'width', 'depth', 'q0', 'c0', 'realizations', 'seed'];
  const { $, makePlot, dots, line, autoResize, join, fmt, banner } = window.chaoslab;

  // State the page shows; also read by the browser tests (window.explore).
  const state = {
    view: 'deep', connected: false, token: null, simState: 'connecting', accepted: null, errors: {}, lastError: null,
    diagram: null, theory: null, simulation: null, progress: 0, frames: 0, time: 0,
  };
  window.explore = state;

  // ---------------------------------------------------------------- colours: χ1 on a log scale, white at 1
  // Each side saturates at the diagram's extreme (blue at its smallest χ1, red at its largest, at most a factor 4 from
  // 1 and at least 1.5), so that the weakly chaotic side of a bounded φ is not washed out by the strongly ordered one.
  let low = Math.log(4);
  let high = Math.log(4);
  function colorRange(d) {
    let lo = 0;
    let hi = 0;
    for (const v of d.chi1) {
      if (v != null && v > 0) { lo = Math.min(lo, Math.log(v)); hi = Math.max(hi, Math.log(v)); }
    }
    const clamp = (x) => Math.max(Math.log(1.5), Math.min(Math.log(4), x));
    low = clamp(-lo);
    high = clamp(hi);
    $('cb-lo').textContent = 'χ1 = ' + fmt(Math.exp(-low), 2);
    $('cb-hi').textContent = fmt(Math.exp(high), 2);
  }
  function chiColor(chi) {
    if (chi == null || !isFinite(chi)) return '#bbbbbb';
    const l = Math.log(chi);
    const t = Math.max(-1, Math.min(1, l / (l < 0 ? low : high)));
    const to = t < 0 ? [33, 102, 172] : [178, 24, 43];
    const a = Math.abs(t);
    const c = to.map((v) => Math.round(255 + (v - 255) * a));
    return 'rgb(' + c.join(',') + ')';
  }

  // ---------------------------------------------------------------- plots
  const plots = { diagram: null, layers: null, qmap: null, cmap: null };
  function drawDiagram(u) {
    const d = state.diagram;
    if (!d) return;
    const ctx = u.ctx;
    const nw = d.sigmaW2.length;
    const nb = d.sigmaB2.length;
    const dw = (d.sigmaW2[nw - 1] - d.sigmaW2[0]) / (nw - 1);
    const db = (d.sigmaB2[nb - 1] - d.sigmaB2[0]) / (nb - 1);
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    for (let i = 0; i < nw; i++) {
      const x0 = u.valToPos(d.sigmaW2[i] - dw / 2, 'x', true);
      const x1 = u.valToPos(d.sigmaW2[i] + dw / 2, 'x', true);
      for (let j = 0; j < nb; j++) {
        const y0 = u.valToPos(d.sigmaB2[j] - db / 2, 'y', true);
        const y1 = u.valToPos(d.sigmaB2[j] + db / 2, 'y', true);
        ctx.fillStyle = chiColor(d.chi1[i * nb + j]);
        ctx.fillRect(Math.floor(x0), Math.floor(y1), Math.ceil(x1 - x0) + 1, Math.ceil(y0 - y1) + 1);
      }
    }
    ctx.restore();
  }
  function drawOverlay(u) {
    const d = state.diagram;
    const ctx = u.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    ctx.clip();
    if (d) {
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2.5 * devicePixelRatio;
      ctx.beginPath();
      let started = false;
      for (let k = 0; k < d.boundary.sigmaB2.length; k++) {
        const w = d.boundary.sigmaW2[k];
        if (w == null) { started = false; continue; }
        const x = u.valToPos(w, 'x', true);
        const y = u.valToPos(d.boundary.sigmaB2[k], 'y', true);
        if (started) ctx.lineTo(x, y); else ctx.moveTo(x, y);
        started = true;
      }
      ctx.stroke();
    }
    const a = state.accepted;
    if (a) {
      const x = u.valToPos(Number(a['sigma-w2']), 'x', true);
      const y = u.valToPos(Number(a['sigma-b2']), 'y', true);
      ctx.fillStyle = '#fff';
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.arc(x, y, 6 * devicePixelRatio, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
  }
  // Vertical bars mean ± SE of the series `index` (its standard errors in state.simulation[key].se).
  function errorBars(index, key) {
    return (u) => {
      const s = state.simulation;
      if (!s || !u.data[index]) return;
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = u.series[index].stroke();
      ctx.lineWidth = devicePixelRatio;
      ctx.beginPath();
      const se = s[key].se;
      for (let k = 0; k < se.length; k++) {
        const m = s[key].mean[k];
        if (m == null || se[k] == null) continue;
        const x = u.valToPos(k + 1, 'x', true);
        ctx.moveTo(x, u.valToPos(m - se[k], 'y', true));
        ctx.lineTo(x, u.valToPos(m + se[k], 'y', true));
      }
      ctx.stroke();
      ctx.restore();
    };
  }
  function buildPlots(limits) {
    const w = limits.sigmaW2;
    const b = limits.sigmaB2;
    plots.diagram = makePlot('plot-diagram', [{ label: 'range', show: true, stroke: 'transparent', paths: () => null, points: { show: false } }],
      'weight variance σ_w²', 'bias variance σ_b²', {
        scales: { x: { time: false, auto: false, range: [w[0], w[1]] }, y: { auto: false, range: [b[0], b[1]] } },
        legend: { show: false }, cursor: { points: { show: false }, drag: { x: false, y: false } },
        hooks: { drawClear: [drawDiagram], draw: [drawOverlay] },
      });
    plots.diagram.setData([[w[0], w[1]], [b[0], b[1]]]);
    plots.diagram.over.addEventListener('click', () => {
      const u = plots.diagram;
      const sw = u.posToVal(u.cursor.left, 'x');
      const sb = u.posToVal(u.cursor.top, 'y');
      if (!(sw > 0) || !(sb >= 0)) return;
      $('sigma-w2').value = Number(sw.toFixed(3));
      $('sigma-b2').value = Number(sb.toFixed(3));
      send({ type: 'set', params: values() });
    });
    plots.layers = makePlot('plot-layers', [line('#1f77b4', 'c^l theory'), dots('#1f77b4', 'c^l simulation', 6),
      line('#d62728', 'q^l theory'), dots('#d62728', 'q^l simulation', 6)], 'layer l', 'correlation c^l, length q^l',
    { hooks: { draw: [errorBars(2, 'c'), errorBars(4, 'q')] } });
    plots.qmap = makePlot('plot-qmap', [line('#d62728', '𝒱(q)'), line('#777', 'identity', [6, 4]),
      dots('#000', 'iterates (q^{l−1}, q^l)', 5)], 'length q^{l−1}', 'length q^l');
    plots.cmap = makePlot('plot-cmap', [line('#1f77b4', '𝒞(c) at q*'), line('#777', 'identity', [6, 4]),
      dots('#000', 'iterates (c^{l−1}, c^l)', 5)], 'correlation c^{l−1}', 'correlation c^l');
    autoResize(plots);
  }
  // The position (CSS pixels in the plot's overlay) of a point of the diagram; for the browser tests.
  state.positionOf = (sw, sb) => ({ x: plots.diagram.valToPos(sw, 'x'), y: plots.diagram.valToPos(sb, 'y') });

  function redraw() {
    if (!plots.layers) return;
    plots.diagram.redraw(false, false);
    const th = state.theory;
    const sim = state.simulation;
    if (th) {
      const depth = th.layers.c.length;
      const l = Array.from({ length: depth }, (v, k) => k + 1);
      const simOk = sim && sim.c.mean.length === depth;
      plots.layers.setData([l, th.layers.c, simOk ? sim.c.mean : l.map(() => null), th.layers.q,
        simOk ? sim.q.mean : l.map(() => null)]);
      const qs = th.qMap.q;
      const it = [[], []];
      for (let k = 1; k < th.layers.q.length; k++) { it[0].push(th.layers.q[k - 1]); it[1].push(th.layers.q[k]); }
      plots.qmap.setData(join([qs, th.qMap.next], [[qs[0], qs[qs.length - 1]], [qs[0], qs[qs.length - 1]]], sortPairs(it)));
      const ct = [[], []];
      for (let k = 1; k < th.layers.c.length; k++) { ct[0].push(th.layers.c[k - 1]); ct[1].push(th.layers.c[k]); }
      plots.cmap.setData(th.cMap.c.length ? join([th.cMap.c, th.cMap.next], [[-1, 1], [-1, 1]], sortPairs(ct))
        : [[], [], [], []]);
    }
  }
  function sortPairs(p) {
    const order = p[0].map((x, k) => k).filter((k) => p[0][k] != null && isFinite(p[0][k])).sort((a, b) => p[0][a] - p[0][b]);
    const xs = [];
    const ys = [];
    for (const k of order) {
      if (xs.length && xs[xs.length - 1] === p[0][k]) continue;   // one point per abscissa (a fixed point repeats)
      xs.push(p[0][k]);
      ys.push(p[1][k]);
    }
    return [xs, ys];
  }

  // ---------------------------------------------------------------- text
  function showTheory() {
    const th = state.theory;
    if (!th) return;
    const phase = $('phase');
    phase.textContent = th.phase;
    phase.className = th.phase === 'chaotic' ? 'poor' : th.phase === 'ordered' ? 'good' : '';
    phase.dataset.sigmaW2 = th.sigmaW2;
    $('fixed-points').textContent = fmt(th.qStar) + ', ' + fmt(th.cStar);
    $('chis').textContent = fmt(th.chi1) + ', ' + fmt(th.chiC);
    $('depth-scales').textContent = fmt(th.xiQ, 3) + ', ' + (th.xiC == null ? '∞' : fmt(th.xiC, 3)) + ' layers';
    $('note').textContent = th.note || '';
  }
  function showSimulation() {
    const sim = state.simulation;
    const th = state.theory;
    if (sim && th && sim.c.mean.length === th.layers.c.length) {
      const L = sim.c.mean.length;
      $('sim-c').textContent = fmt(sim.c.mean[L - 1]) + ' ± ' + fmt(sim.c.se[L - 1], 2) + ' (' + fmt(th.layers.c[L - 1]) + ')';
      $('sim-z').textContent = fmt(sim.maxAbsZq, 3) + ', ' + fmt(sim.maxAbsZc, 3) + ' (significant beyond '
        + fmt(sim.significantZ, 3) + '; R = ' + sim.realizations + ', N = ' + sim.width + ')';
    } else {
      $('sim-c').textContent = '–';
      $('sim-z').textContent = '–';
    }
    $('status').textContent = (state.connected ? 'connected' : 'disconnected') + ' · ' + state.simState;
  }
  function showErrors(errors) {
    state.errors = errors || {};
    window.chaoslab.showErrors(FIELDS, state.errors);
  }

  // ---------------------------------------------------------------- controls
  function values() {
    const v = {};
    for (const f of FIELDS) v[f] = $(f).value;
    return v;
  }
  function fill(v) {
    for (const f of FIELDS) $(f).value = v[f];
  }
  let send = () => {};
  const changed = window.chaoslab.debounce(() => send({ type: 'set', params: values() }), 400);
  function wire() {
    for (const f of FIELDS) $(f).addEventListener('input', changed);
    $('reset').addEventListener('click', () => send({ type: 'reset', params: values() }));
  }

  // ---------------------------------------------------------------- protocol
  const handlers = {
    hello(m) {
      buildPlots(m.limits);
      fill(m.defaults);
    },
    accepted(m) {
      state.accepted = m.params;
      showErrors({});
      state.simulation = null;
      showSimulation();
      redraw();
    },
    invalid(m) { showErrors(m.errors); },
    diagram(m) { state.diagram = m; colorRange(m); redraw(); },
    theory(m) { state.theory = m; showTheory(); redraw(); },
    progress(m) {
      state.progress = m.fraction;
      const p = $('progress');
      p.hidden = false;
      p.value = m.fraction;
    },
    simulation(m) {
      state.simulation = m;
      state.frames++;
      $('progress').hidden = true;
      showSimulation();
      redraw();
    },
    status(m) {
      state.simState = m.state;
      if (m.state === 'simulating') { $('progress').hidden = false; $('progress').value = 0; }
      if (m.state === 'done' || m.state === 'failed') $('progress').hidden = true;
      banner(m.state === 'failed' ? m.message : '');
      $('status').title = m.message || '';
      showSimulation();
    },
  };

  wire();
  send = window.chaoslab.connect('deep', state, handlers, showSimulation);
})();
