// chaoslab explore: the page of the rate view (what every view shares is in common.js). Keeps the last WINDOW time
// units of the streamed samples and draws them with uPlot. Every value typed is sent as text; the server checks it by
// the CLI's rules and answers "accepted" or "invalid" (a message per field).
(function () {
  'use strict';
  const WINDOW = 100;          // time units of traces and <x^2> kept on screen
  const FIELDS = ['n', 'g', 'phi', 'j0', 'input', 'noise', 'seed'];
  const { $, COLORS, makePlot, dots, line, autoResize, join, fmt, banner } = window.chaoslab;

  // State the page shows; also read by the browser tests (window.explore).
  const state = {
    connected: false, token: null, frames: 0, time: 0, simState: 'connecting',
    t: [], meanSquare: [], traces: [], units: [],
    theory: null, theoryPending: false, accepted: null, errors: {}, lastError: null,
    acf: { lag: [], value: [] }, lambda: null, lambdaTime: 0, meanSquareAverage: null, averagedTime: 0,
    phiCurve: { x: [], y: [] }, cloud: { x: [], y: [] }, paused: false,
  };
  window.explore = state;

  // ---------------------------------------------------------------- plots
  const plots = {
    traces: null, phi: null, ms: null, acf: null,
  };
  function buildTracePlot(units) {
    if (plots.traces) plots.traces.destroy();
    plots.traces = makePlot('plot-traces', units.map((u, k) => line(COLORS[k % COLORS.length], 'x_' + u)),
      'time t (units of τ)', 'activity x_i');
  }
  function buildPlots() {
    buildTracePlot([]);
    plots.phi = makePlot('plot-phi', [line('#444', 'φ(x)'), dots('#d62728', 'units (x_i, φ(x_i))')], 'x', 'φ(x)');
    plots.ms = makePlot('plot-ms', [line('#1f77b4', 'simulation ⟨x²⟩'), line('#000', 'DMFT Δ0 + μ²', [6, 4])],
      'time t (units of τ)', 'population mean square ⟨x²⟩');
    plots.acf = makePlot('plot-acf', [dots('#1f77b4', 'simulation'), line('#000', 'DMFT Δ(s)')],
      'lag s (units of τ)', 'autocovariance Δ(s)');
    autoResize(plots);
  }

  function redraw() {
    if (!plots.ms) return;
    const th = state.theory;
    const level = th && th.meanSquare != null ? th.meanSquare : null;
    plots.ms.setData([state.t, state.meanSquare, state.t.map(() => level)]);
    plots.traces.setData([state.t].concat(state.traces));
    const order = state.cloud.x.map((x, k) => k).sort((p, q) => state.cloud.x[p] - state.cloud.x[q]);
    plots.phi.setData(join([state.phiCurve.x, state.phiCurve.y], [order.map((k) => state.cloud.x[k]), order.map((k) => state.cloud.y[k])]));
    const theoryCurve = th && th.tau ? [th.tau, th.delta] : [[], []];
    plots.acf.setData(join([state.acf.lag, state.acf.value], theoryCurve));
  }

  // ---------------------------------------------------------------- text
  function showTheory() {
    const th = state.theory;
    const phase = $('phase');
    if (!th) { phase.textContent = '–'; return; }
    phase.textContent = state.theoryPending ? th.phase + ' (updating…)' : th.phase;
    phase.className = th.phase;
    phase.dataset.g = th.g;
    $('gc').textContent = th.gCritical == null ? (th.noise && th.noise !== 'none' ? 'computing…' : '–') : fmt(th.gCritical);
    $('dmft-ms').textContent = fmt(th.meanSquare);
    $('dmft-lambda').textContent = fmt(th.lambdaMax, 3);
    $('theory-note').textContent = th.message || '';
  }
  function showSimulation() {
    $('sim-state').textContent = state.simState;
    $('sim-ms').textContent = state.meanSquareAverage == null ? '–'
      : fmt(state.meanSquareAverage) + ' (' + state.averagedTime.toFixed(0) + ' τ)';
    $('sim-lambda').textContent = state.lambda == null ? '–'
      : fmt(state.lambda, 3) + ' (' + state.lambdaTime.toFixed(0) + ' τ)';
    $('status').textContent = (state.connected ? 'connected' : 'disconnected') + ' · ' + state.simState
      + ' · t = ' + state.time.toFixed(1) + ' τ';
  }
  function showErrors(errors) {
    state.errors = errors || {};
    window.chaoslab.showErrors(FIELDS, state.errors, (f) => (f === 'noise' ? $('noise-sigma') : $(f)));
  }

  // ---------------------------------------------------------------- controls
  function noiseSpec() {
    const kind = $('noise-kind').value;
    const s = $('noise-sigma').value.trim();
    const t = $('noise-tau').value.trim();
    if (kind === 'none') return 'none';
    if (kind === 'ou') return 'ou:' + s + ':' + t;
    return kind + ':' + s;
  }
  function values() {
    const v = {};
    for (const f of FIELDS) v[f] = f === 'noise' ? noiseSpec() : $(f).value;
    return v;
  }
  function fill(v) {
    for (const f of FIELDS) {
      if (f === 'noise') {
        const parts = String(v.noise).split(':');
        $('noise-kind').value = parts[0];
        if (parts[1] !== undefined) $('noise-sigma').value = parts[1];
        if (parts[2] !== undefined) $('noise-tau').value = parts[2];
      } else {
        $(f).value = v[f];
      }
    }
    $('g-slider').value = v.g;
  }
  let send = () => {};
  const changed = window.chaoslab.debounce(() => send({ type: 'set', params: values() }), 50);
  function wire() {
    $('g-slider').addEventListener('input', () => { $('g').value = $('g-slider').value; changed(); });
    $('g').addEventListener('input', () => {
      const g = parseFloat($('g').value);
      if (isFinite(g)) $('g-slider').value = g;
      changed();
    });
    for (const id of ['n', 'seed', 'phi', 'j0', 'input', 'noise-sigma', 'noise-tau']) $(id).addEventListener('input', changed);
    $('noise-kind').addEventListener('change', changed);
    $('reset').addEventListener('click', () => send({ type: 'reset', params: values() }));
    $('pause').addEventListener('click', () => {
      send({ type: state.paused ? 'resume' : 'pause' });
    });
  }

  // ---------------------------------------------------------------- protocol
  function append(frame) {
    const t = frame.t || [];
    state.t = state.t.concat(t);
    state.meanSquare = state.meanSquare.concat(frame.meanSquare || []);
    const traces = frame.traces || [];
    for (let k = 0; k < traces.length; k++) state.traces[k] = (state.traces[k] || []).concat(traces[k]);
    const tEnd = state.t.length ? state.t[state.t.length - 1] : 0;
    let cut = 0;
    while (cut < state.t.length && state.t[cut] < tEnd - WINDOW) cut++;
    if (cut > 0) {
      state.t = state.t.slice(cut);
      state.meanSquare = state.meanSquare.slice(cut);
      state.traces = state.traces.map((s) => s.slice(cut));
    }
  }
  const handlers = {
    hello(m) { fill(m.defaults); },
    accepted(m) {
      state.accepted = m.params;
      showErrors({});
      if (m.restarted) {
        state.t = []; state.meanSquare = []; state.traces = [];
        state.units = m.units;
        buildTracePlot(m.units);
      }
      state.phiCurve = m.phiCurve;
      state.acf = { lag: [], value: [] };
    },
    invalid(m) { showErrors(m.errors); },
    'theory-pending'() { state.theoryPending = true; showTheory(); },
    theory(m) { state.theory = m; state.theoryPending = false; showTheory(); redraw(); },
    status(m) {
      state.simState = m.state;
      state.paused = m.state === 'paused';
      $('pause').textContent = state.paused ? 'resume' : 'pause';
      if (m.message) banner(m.message); else if (m.state !== 'diverged') banner('');
      showSimulation();
    },
    frame(m) {
      state.frames++;
      state.time = m.time;
      state.simState = m.state;
      append(m);
      state.cloud = m.cloud || state.cloud;
      state.lambda = m.lambda;
      state.lambdaTime = m.lambdaTime;
      state.meanSquareAverage = m.meanSquareAverage;
      state.averagedTime = m.averagedTime;
      if (m.acf) state.acf = m.acf;
      showSimulation();
      redraw();
    },
  };
  buildPlots();
  wire();
  send = window.chaoslab.connect('rate', state, handlers, showSimulation);
})();
