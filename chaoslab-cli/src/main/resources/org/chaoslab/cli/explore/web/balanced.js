// chaoslab explore: the balanced view (van Vreeswijk & Sompolinsky 1998). Keeps the last RATE_WINDOW of the population
// rates and the last WINDOW of the raster and of unit 0's inputs, and draws them with uPlot beside the mean field.
(function () {
  'use strict';
  const WINDOW = 20;           // τ_E of raster and inputs kept on screen
  const RATE_WINDOW = 100;     // τ_E of population rates
  const FIELDS = ['ne', 'ni', 'k', 'm0', 'seed'];
  const { $, makePlot, dots, line, autoResize, join, keepLast, fmt, banner } = window.chaoslab;

  // State the page shows; also read by the browser tests (window.explore).
  const state = {
    view: 'balanced', connected: false, token: null, frames: 0, time: 0, simState: 'connecting',
    t: [], rateE: [], rateI: [], ti: [], exc: [], inh: [], ext: [], total: [],
    raster: { t: [], unit: [] }, rasterE: 0, rasterI: 0, threshold: null,
    theory: null, theoryPending: false, accepted: null, errors: {}, lastError: null,
    rateEAverage: null, rateIAverage: null, averagedTime: 0, paused: false, note: '',
  };
  window.explore = state;

  // ---------------------------------------------------------------- plots
  const plots = { raster: null, inputs: null, rates: null };
  function buildPlots() {
    plots.raster = makePlot('plot-raster', [dots('#d62728', 'E units', 3), dots('#1f77b4', 'I units', 3)],
      'time t (units of τ_E)', 'unit (E below, I above)');
    plots.inputs = makePlot('plot-inputs', [line('#d62728', 'excitatory'), line('#1f77b4', 'inhibitory'),
      line('#ff7f0e', 'external √K E m0'), line('#000', 'total exc + inh + ext'), line('#777', 'threshold θ_E', [6, 4])],
      'time t (units of τ_E)', 'synaptic input');
    plots.rates = makePlot('plot-rates', [line('#d62728', 'simulation m_E'), line('#1f77b4', 'simulation m_I'),
      line('#d62728', 'mean field m_E', [6, 4]), line('#1f77b4', 'mean field m_I', [6, 4])],
      'time t (units of τ_E)', 'population rate m(t)');
    autoResize(plots);
  }
  function redraw() {
    if (!plots.rates) return;
    const th = state.theory;
    const mE = th && th.rateE != null ? th.rateE : null;
    const mI = th && th.rateI != null ? th.rateI : null;
    plots.rates.setData([state.t, state.rateE, state.rateI, state.t.map(() => mE), state.t.map(() => mI)]);
    const theta = state.threshold;
    plots.inputs.setData([state.ti, state.exc, state.inh, state.ext, state.total, state.ti.map(() => theta)]);
    const e = [[], []];
    const i = [[], []];
    for (let k = 0; k < state.raster.t.length; k++) {
      const target = state.raster.unit[k] < state.rasterE ? e : i;
      target[0].push(state.raster.t[k]);
      target[1].push(state.raster.unit[k]);
    }
    plots.raster.setData(join(e, i));
  }

  // ---------------------------------------------------------------- text
  function showTheory() {
    const th = state.theory;
    const cell = $('mf-state');
    if (!th) { cell.textContent = state.theoryPending ? 'computing…' : '–'; return; }
    if (th.rateE == null) {
      cell.textContent = 'no solution' + (state.theoryPending ? ' (updating…)' : '');
      cell.className = 'poor';
      $('mf-rate-e').textContent = '–';
      $('mf-rate-i').textContent = '–';
      $('mf-limit').textContent = '–';
      $('mf-input').textContent = '–';
      $('note').textContent = th.message || '';
      return;
    }
    cell.textContent = (th.stable ? 'stable' : 'unstable') + (th.balanced ? ', balanced' : '')
      + (state.theoryPending ? ' (updating…)' : '');
    cell.className = th.stable ? 'good' : 'poor';
    cell.dataset.m0 = th.m0;
    $('mf-rate-e').textContent = fmt(th.rateE);
    $('mf-rate-i').textContent = fmt(th.rateI);
    $('mf-limit').textContent = fmt(th.limitE, 3) + ', ' + fmt(th.limitI, 3);
    $('mf-input').textContent = fmt(th.meanExcitatoryInput, 3) + ', ' + fmt(th.meanInhibitoryInput, 3) + ', '
      + fmt(th.externalInput, 3);
    $('note').textContent = state.note || '';
  }
  function mean(a) {
    return a.length ? a.reduce((p, q) => p + q, 0) / a.length : null;
  }
  function showSimulation() {
    $('sim-state').textContent = state.simState;
    $('sim-rate-e').textContent = state.rateEAverage == null ? '–'
      : fmt(state.rateEAverage) + ' (' + state.averagedTime.toFixed(0) + ' τ)';
    $('sim-rate-i').textContent = state.rateIAverage == null ? '–' : fmt(state.rateIAverage);
    $('sim-input').textContent = state.exc.length ? fmt(mean(state.exc), 3) + ', ' + fmt(mean(state.inh), 3) + ', '
      + fmt(state.ext[state.ext.length - 1], 3) : '–';
    $('status').textContent = (state.connected ? 'connected' : 'disconnected') + ' · ' + state.simState
      + ' · t = ' + state.time.toFixed(1) + ' τ_E';
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
    $('m0-slider').value = v.m0;
  }
  let send = () => {};
  const changed = window.chaoslab.debounce(() => send({ type: 'set', params: values() }), 80);
  function wire() {
    $('m0-slider').addEventListener('input', () => { $('m0').value = $('m0-slider').value; changed(); });
    $('m0').addEventListener('input', () => {
      const m0 = parseFloat($('m0').value);
      if (isFinite(m0)) $('m0-slider').value = m0;
      changed();
    });
    for (const id of ['ne', 'ni', 'k', 'seed']) $(id).addEventListener('input', changed);
    $('reset').addEventListener('click', () => send({ type: 'reset', params: values() }));
    $('pause').addEventListener('click', () => send({ type: state.paused ? 'resume' : 'pause' }));
  }

  // ---------------------------------------------------------------- protocol
  function append(frame) {
    state.t.push(...frame.t);
    state.rateE.push(...frame.rateE);
    state.rateI.push(...frame.rateI);
    state.ti.push(...frame.t);
    state.exc.push(...frame.inputs.excitatory);
    state.inh.push(...frame.inputs.inhibitory);
    state.ext.push(...frame.inputs.external);
    state.total.push(...frame.inputs.total);
    state.raster.t.push(...frame.raster.t);
    state.raster.unit.push(...frame.raster.unit);
    keepLast([state.t, state.rateE, state.rateI], RATE_WINDOW);
    keepLast([state.ti, state.exc, state.inh, state.ext, state.total], WINDOW);
    const end = state.t.length ? state.t[state.t.length - 1] : 0;
    let cut = 0;
    while (cut < state.raster.t.length && state.raster.t[cut] < end - WINDOW) cut++;
    if (cut > 0) { state.raster.t.splice(0, cut); state.raster.unit.splice(0, cut); }
  }
  function clear() {
    for (const k of ['t', 'rateE', 'rateI', 'ti', 'exc', 'inh', 'ext', 'total']) state[k] = [];
    state.raster = { t: [], unit: [] };
  }
  const handlers = {
    hello(m) { fill(m.defaults); },
    accepted(m) {
      state.accepted = m.params;
      showErrors({});
      if (m.restarted) clear();
      state.rasterE = m.rasterE;
      state.rasterI = m.rasterI;
      state.threshold = m.thresholdE;
      state.note = m.note || state.note;
      $('note').textContent = state.note;
    },
    invalid(m) { showErrors(m.errors); },
    'theory-pending'() { state.theoryPending = true; showTheory(); },
    theory(m) { state.theory = m; state.theoryPending = false; showTheory(); redraw(); },
    status(m) {
      state.simState = m.state;
      state.paused = m.state === 'paused';
      $('pause').textContent = state.paused ? 'resume' : 'pause';
      if (m.message) banner(m.message);
      showSimulation();
    },
    frame(m) {
      state.frames++;
      state.time = m.time;
      state.simState = m.state;
      append(m);
      state.rateEAverage = m.rateEAverage;
      state.rateIAverage = m.rateIAverage;
      state.averagedTime = m.averagedTime;
      showSimulation();
      redraw();
    },
  };

  buildPlots();
  wire();
  send = window.chaoslab.connect('balanced', state, handlers, showSimulation);
})();
