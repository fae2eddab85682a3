#!/usr/bin/env python3
"""Whole-process wall time of `chaoslab simulate rate` beside the numpy peer, and chaoslab's start-up (issue 16).

What a user times: one process each, start-up, J and writing the outputs included.

  chaoslab:  LAUNCHER simulate rate --n N --dt 0.1 --t STEPS*0.1 --transient 0 [--float32] --out TMP
             (Euler, default recorders: traces, moments, autocorrelations of x and phi to lag 30, plots), and the
             same with --record moments (the moments alone: about the work of the numpy peer); --record picks one
  numpy:     python3 chaoslab-bench/python/numpy_cli_peer.py --n N --steps STEPS [--dtype float32]
             (x += dt*(-x + J @ np.tanh(x)) with a running <x^2>)
  start-up:  LAUNCHER --version, and a 1-step N = 1000 run (simulate rate --n 1000 --t 0.1 --dt 0.1 --transient 0)

Each command runs --reps times, the two sides alternating so that a change of load hits both; the table gives the
best (and median) wall time, chaoslab's in-process step time from its summary.json (so that wall - steps x ms/step is
what start-up, J and the outputs cost), and the share of the CPUs that other processes used during the best
repetition ("load"; from /proc/stat, minus the children's own CPU time). Usage:

  scripts/bench/cli_vs_numpy.py                       the issue-16 cases: N=500 x 120000 steps f64 and f32,
                                                      N=2000 x 10000 steps f64, and the start-up lines
  scripts/bench/cli_vs_numpy.py --quick               N=500 x 20000, N=2000 x 2000, start-up
  scripts/bench/cli_vs_numpy.py --case 1000:5000:float32 --reps 5 --no-startup
  scripts/bench/cli_vs_numpy.py --launcher /path/to/other/checkout/chaoslab    (e.g. a "before" build;
                                                      --record all for one older than --record)

--threads T passes --threads T to chaoslab and OPENBLAS_NUM_THREADS=T to numpy; without it both use their defaults
(chaoslab all cores; numpy as OPENBLAS_NUM_THREADS says, else all cores). The launcher is run once before timing, so
that a build (first run, changed sources) is not timed.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEERS = os.path.join(ROOT, "chaoslab-bench", "python")
PEER = os.path.join(PEERS, "numpy_cli_peer.py")
sys.path.insert(0, PEERS)
import peer_common  # noqa: E402  (the peers' shared module: case syntax, CPU shares)

DT = 0.1
ISSUE_CASES = [(500, 120000, "float64"), (500, 120000, "float32"), (2000, 10000, "float64")]
QUICK_CASES = [(500, 20000, "float64"), (500, 20000, "float32"), (2000, 2000, "float64")]


def parse_case(text):
    return peer_common.parse_case(text, "N:STEPS:dtype", "500:120000:float64")


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd, env, cwd):
    """Runs cmd; returns (wall seconds, share of the CPUs used by other processes or None, stdout)."""
    a, ca = peer_common.cpu_jiffies(), children_cpu()
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    b, cb = peer_common.cpu_jiffies(), children_cpu()
    if p.returncode != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (" ".join(cmd), p.returncode, p.stderr.strip()[-2000:]))
    # the child has been waited for: its CPU time is the children's, the rest the other processes'
    return wall, peer_common.foreign_load(a, b, cb - ca, 20), p.stdout


def best_of(samples):
    """samples: list of (wall, load, extra); the best by wall, with its load, and the median wall."""
    best = min(samples, key=lambda s: s[0])
    return best, statistics.median(s[0] for s in samples)


def fmt_load(load):
    return "?" if load is None else "%.0f %%" % (100 * load)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--launcher", default=os.path.join(ROOT, "chaoslab"), help="the chaoslab launcher to time")
    p.add_argument("--python", default=sys.executable or "python3", help="interpreter for the numpy peer")
    p.add_argument("--case", action="append", type=parse_case, help="N:STEPS:dtype, repeatable")
    p.add_argument("--quick", action="store_true", help="shorter cases (N=500 x 20000, N=2000 x 2000)")
    p.add_argument("--reps", type=int, default=3, help="repetitions per command (best is reported)")
    p.add_argument("--threads", type=int, help="threads for both sides (default: each side's own default)")
    p.add_argument("--no-startup", action="store_true", help="skip the start-up lines")
    p.add_argument("--no-numpy", action="store_true", help="time chaoslab only")
    p.add_argument("--json", action="store_true", help="also print every sample as JSON lines")
    p.add_argument("--record", choices=("all", "moments", "both"), default="both",
                   help="chaoslab's recording: all (the defaults: traces, moments, autocorrelations, plots), moments "
                        "(--record moments: the moments alone, about the numpy peer's work), or both, one line each "
                        "(default)")
    args = p.parse_args(argv)
    cases = args.case or (QUICK_CASES if args.quick else ISSUE_CASES)
    launcher = os.path.abspath(args.launcher)
    env = dict(os.environ)
    if args.threads:
        env["OPENBLAS_NUM_THREADS"] = str(args.threads)
    threads = ["--threads", str(args.threads)] if args.threads else []
    work = tempfile.mkdtemp(prefix="chaoslab-cli-bench.")
    try:
        # a build on first use (or after a change of the sources) is not what is timed
        subprocess.run([launcher, "--version"], env=env, stdout=subprocess.DEVNULL, check=True)
        with open("/proc/loadavg") as f:
            loadavg = f.read().split()[:3]
        print("launcher %s; numpy peer %s; %d repetitions, best shown; load average at start %s"
              % (launcher, PEER, args.reps, " ".join(loadavg)))
        print()
        print("| case | chaoslab wall s (median) | of which in-process steps s | numpy wall s (median) "
              "| chaoslab / numpy | load (chaoslab, numpy) |")
        print("|---|---:|---:|---:|---:|---|")
        for n, steps, dtype in cases:
            out = os.path.join(work, "run")
            modes = ("all", "moments") if args.record == "both" else (args.record,)
            cl_cmds = {}
            for mode in modes:
                cl_cmds[mode] = [launcher, "simulate", "rate", "--n", str(n), "--dt", str(DT), "--t", repr(steps * DT),
                                 "--transient", "0", "--out", out, "--force", "--record", mode] + threads
                if dtype == "float32":
                    cl_cmds[mode].append("--float32")
            np_cmd = [args.python, PEER, "--n", str(n), "--steps", str(steps), "--dtype", dtype, "--dt", str(DT)]
            cls, nps = {mode: [] for mode in modes}, []
            for _ in range(args.reps):
                for mode in modes:
                    wall, load, _ = timed(cl_cmds[mode], env, work)
                    with open(os.path.join(out, "summary.json")) as f:
                        summary = json.load(f)
                    # the results block of summary.json (the run's own step-loop time)
                    loop = summary.get("results", summary)["wallSeconds"]
                    cls[mode].append((wall, load, loop))
                    if args.json:
                        print(json.dumps({"side": "chaoslab", "record": mode, "n": n, "steps": steps, "dtype": dtype,
                                          "wall": wall, "load": load, "loop": loop}))
                if not args.no_numpy:
                    wall, load, _ = timed(np_cmd, env, work)
                    nps.append((wall, load, None))
                    if args.json:
                        print(json.dumps({"side": "numpy", "n": n, "steps": steps, "dtype": dtype, "wall": wall,
                                          "load": load}))
            for mode in modes:
                (cw, cload, cloop), cmed = best_of(cls[mode])
                label = "N=%d, %d steps, %s%s" % (n, steps, "f32" if dtype == "float32" else "f64",
                                                  ", --record moments" if mode == "moments" else "")
                if nps:
                    (nw, nload, _), nmed = best_of(nps)
                    print("| %s | %.2f (%.2f) | %.2f | %.2f (%.2f) | %.2f | %s, %s |"
                          % (label, cw, cmed, cloop, nw, nmed, cw / nw, fmt_load(cload), fmt_load(nload)))
                else:
                    print("| %s | %.2f (%.2f) | %.2f | | | %s |" % (label, cw, cmed, cloop, fmt_load(cload)))
            sys.stdout.flush()
        if not args.no_startup:
            print()
            print("| start-up | wall s, best (median) | load |")
            print("|---|---:|---|")
            out = os.path.join(work, "one")
            for label, cmd in (("chaoslab --version", [launcher, "--version"]),
                               ("simulate rate, N=1000, 1 step", [launcher, "simulate", "rate", "--n", "1000", "--t",
                                                                  "0.1", "--dt", "0.1", "--transient", "0", "--out",
                                                                  out, "--force"] + threads)):
                samples = [timed(cmd, env, work) for _ in range(max(args.reps, 5))]
                (w, load, _), med = best_of(samples)
                print("| %s | %.2f (%.2f) | %s |" % (label, w, med, fmt_load(load)))
                sys.stdout.flush()
            if not args.no_numpy:
                samples = [timed([args.python, "-c", "import numpy"], env, work) for _ in range(max(args.reps, 5))]
                (w, load, _), med = best_of(samples)
                print("| python3 -c 'import numpy' (for scale) | %.2f (%.2f) | %s |" % (w, med, fmt_load(load)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
