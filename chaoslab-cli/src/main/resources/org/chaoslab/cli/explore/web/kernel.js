// chaoslab explore: the kernel view (Bauer, Keup, Kadmon & Helias 2026; docs/kernels.md). Two plots, a binary and a
// rate network: the theory's cross-trial K(Δ) (line), the same-trial K(0) (diamond at Δ = 0), the nugget between them
// (orange bar), and after a simulation the simulated kernel (dots ± standard error) and K(0).
(function () {
  'use strict';
  const FIELDS = ['dynamics', 'n', 'g', 'j0', 's', 'theta', 'phi', 'stimuli', 'realizations', 'seed'];
  const NETWORKS = ['binary', 'rate'];
  const { $, makePlot, dots, line, autoResize, join, fmt, banner } = window.chaoslab;

  // State the page shows; also read by the browser tests (window.explore).
  const state = {
    view: 'kernel', connected: false, token: null, simState: 'connecting', accepted: null, errors: {}, lastError: null,
    theory: null, theories: {}, simulations: {}, progress: 0, frames: 0, time: 0, simulated: 0,
  };
  window.explore = state;

  // ---------------------------------------------------------------- plots
  const plots = {};
  function overlay(name) {
    return (u) => {
      const th = state.theories[name];
      const sim = state.simulations[name];
      const ctx = u.ctx;
      ctx.save();
      if (sim) {           // error bars of the simulated kernel
        ctx.strokeStyle = '#1f77b4';
        ctx.lineWidth = devicePixelRatio;
        ctx.beginPath();
        for (let k = 0; k < sim.delta.length; k++) {
          if (sim.kernel[k] == null || sim.se[k] == null) continue;
          const x = u.valToPos(sim.delta[k], 'x', true);
          ctx.moveTo(x, u.valToPos(sim.kernel[k] - sim.se[k], 'y', true));
          ctx.lineTo(x, u.valToPos(sim.kernel[k] + sim.se[k], 'y', true));
        }
        ctx.stroke();
      }
      if (th && th.nugget > 1e-9) {   // the nugget: K(0+) to K(0) at Δ = 0
        const x = u.valToPos(0, 'x', true) + 4 * devicePixelRatio;
        const y0 = u.valToPos(th.zeroPlus, 'y', true);
        const y1 = u.valToPos(th.sameTrial, 'y', true);
        ctx.strokeStyle = '#ff7f0e';
        ctx.lineWidth = 3 * devicePixelRatio;
        ctx.beginPath();
        ctx.moveTo(x, y0);
        ctx.lineTo(x, y1);
        ctx.stroke();
        ctx.fillStyle = '#b35806';
        ctx.font = (12 * devicePixelRatio) + 'px sans-serif';
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText('ν = ' + fmt(th.nugget, 3), x + 6 * devicePixelRatio, (y0 + y1) / 2);
      }
      ctx.restore();
    };
  }
  function buildPlots() {
    for (const name of NETWORKS) {
      plots[name] = makePlot('plot-' + name, [line('#000', 'cross-trial K(Δ) theory'), dots('#1f77b4', 'cross-trial K(Δ) simulation', 6),
        dots('#000', 'same trial K(0) theory', 9), dots('#d62728', 'same trial K(0) simulation', 7)],
      'stimulus distance Δ (rad)', 'kernel K(Δ)', { hooks: { draw: [overlay(name)] } });
    }
    autoResize(plots);
  }
  function redraw(name) {
    const th = state.theories[name];
    const sim = state.simulations[name];
    if (!th) return;
    const simTable = sim ? [sim.delta, sim.kernel] : [[], []];
    const k0Sim = sim ? [[0], [sim.sameTrial.value]] : [[], []];
    plots[name].setData(join([th.delta, th.kernel], simTable, [[0], [th.sameTrial]], k0Sim));
  }

  // ---------------------------------------------------------------- text
  function showTheory(name) {
    const th = state.theories[name];
    if (!th) return;
    $(name + '-model').textContent = th.model;
    const chaos = $(name + '-chaos');
    chaos.textContent = (th.chaos.chaotic ? 'chaotic' : 'not chaotic') + (isFinite(th.chaos.value) ? ' (' + fmt(th.chaos.value, 3) + ')' : '');
    chaos.title = th.chaos.criterion;
    chaos.className = th.chaos.chaotic ? 'poor' : 'good';
    $(name + '-k').textContent = fmt(th.sameTrial) + ', ' + fmt(th.zeroPlus);
    $(name + '-nugget').textContent = Math.abs(th.nugget) < 1e-12 ? '0' : fmt(th.nugget, 3);
  }
  function showSimulation(name) {
    const sim = state.simulations[name];
    $(name + '-sim-nugget').textContent = sim ? fmt(sim.nugget.value, 3) + ' ± ' + fmt(sim.nugget.se, 2) : '–';
    const v = $(name + '-verdict');
    v.textContent = sim ? (sim.agrees ? 'agree' : 'deviate') + ' (' + sim.realizations + ' realizations)' : '–';
    v.className = sim ? (sim.agrees ? 'good' : 'poor') : '';
    v.title = sim ? sim.verdicts.map((x) => x.line).join('\n') : '';
  }
  function showStatus() {
    $('status').textContent = (state.connected ? 'connected' : 'disconnected') + ' · ' + state.simState;
  }
  function showErrors(errors) {
    state.errors = errors || {};
    window.chaoslab.showErrors(FIELDS, state.errors, (f) => (f === 'stimuli' ? $('stimuli-count') : $(f)));
  }

  // ---------------------------------------------------------------- controls
  function values() {
    const v = {};
    for (const f of FIELDS) v[f] = f === 'stimuli' ? 'circle:' + $('stimuli-count').value.trim() : $(f).value;
    return v;
  }
  function fill(v) {
    for (const f of FIELDS) {
      if (f === 'stimuli') $('stimuli-count').value = String(v.stimuli).replace(/^circle:/, '');
      else $(f).value = v[f];
    }
    $('g-slider').value = v.g;
  }
  let send = () => {};
  const changed = window.chaoslab.debounce(() => send({ type: 'set', params: values() }), 150);
  function wire() {
    $('g-slider').addEventListener('input', () => { $('g').value = $('g-slider').value; changed(); });
    $('g').addEventListener('input', () => {
      const g = parseFloat($('g').value);
      if (isFinite(g)) $('g-slider').value = g;
      changed();
    });
    for (const id of ['n', 's', 'j0', 'theta', 'phi', 'stimuli-count', 'realizations', 'seed']) $(id).addEventListener('input', changed);
    $('dynamics').addEventListener('change', changed);
    $('simulate').addEventListener('click', () => send({ type: 'simulate' }));
    $('reset').addEventListener('click', () => send({ type: 'reset', params: values() }));
  }

  // ---------------------------------------------------------------- protocol
  const handlers = {
    hello(m) { fill(m.defaults); },
    accepted(m) {
      state.accepted = m.params;
      showErrors({});
      state.simulations = {};
      for (const name of NETWORKS) { showSimulation(name); redraw(name); }
    },
    invalid(m) { showErrors(m.errors); },
    theory(m) {
      state.theories[m.network] = m;
      state.theory = state.theories.binary && state.theories.rate ? state.theories : null;
      showTheory(m.network);
      redraw(m.network);
    },
    progress(m) {
      state.progress = m.fraction;
      $('progress').hidden = false;
      $('progress').value = m.fraction;
    },
    simulation(m) {
      state.simulations[m.network] = m;
      state.simulated++;
      state.frames++;
      showSimulation(m.network);
      redraw(m.network);
    },
    status(m) {
      state.simState = m.state;
      const running = m.state === 'simulating';
      $('progress').hidden = !running;
      if (running && state.progress >= 1) state.progress = 0;
      $('simulate').disabled = running;
      banner(m.state === 'failed' ? m.message : '');
      $('status').title = m.message || '';
      showStatus();
    },
  };

  buildPlots();
  wire();
  send = window.chaoslab.connect('kernel', state, handlers, showStatus);
})();
