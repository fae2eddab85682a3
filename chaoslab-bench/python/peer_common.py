"""What the numpy peers of chaoslab's benchmarks share: the JSON-lines protocol, the environment line, the case
syntax and the CPU-share bookkeeping (the python side of chaoslab's CpuLoad).

The peers print one JSON object per line on stdout, flushed at once, so that the Java side (PythonRun) reads what a
peer managed before a timeout; the first line describes the environment ({"env": {...}}), or says why there is none
({"error": ...}). The scripts import this module from their own directory, which python puts first on sys.path for a
script it runs; scripts/bench/cli_vs_numpy.py puts chaoslab-bench/python there itself.
"""
import argparse
import json
import os
import platform


def emit(obj):
    """One JSON line on stdout, flushed (a caller that times out still has it)."""
    print(json.dumps(obj), flush=True)


def import_numpy():
    """numpy, after the environment line (python, numpy and BLAS versions, OPENBLAS_NUM_THREADS); None after an
    {"error": ...} line when numpy cannot be imported (the peer then exits with status 3)."""
    try:
        import numpy as np
    except ImportError as e:
        emit({"error": "numpy not importable: %s" % e})
        return None
    blas = "unknown"
    try:
        b = np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})
        blas = "%s %s" % (b.get("name", "?"), b.get("version", ""))
    except Exception:  # older numpy: no mode="dicts"
        pass
    emit({"env": {"python": platform.python_version(), "numpy": np.__version__, "blas": blas.strip(),
                  "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS")}})
    return np


def parse_case(text, form, example):
    """A case "N:X:dtype" as (N, X, dtype): two integers >= 1 and float64 or float32; for argparse's type=.

    form and example name the second number in the messages ("N:M:dtype", "2000:1:float64")."""
    try:
        n, x, dtype = text.split(":")
        n, x = int(n), int(x)
    except ValueError:
        raise argparse.ArgumentTypeError("case must be %s, e.g. %s (got %r)" % (form, example, text))
    if dtype not in ("float64", "float32") or n < 1 or x < 1:
        raise argparse.ArgumentTypeError("case must be %s with dtype float64|float32 (got %r)" % (form, text))
    return n, x, dtype


def cpu_jiffies():
    """(busy, total) jiffies of all CPUs since boot, from /proc/stat (steal counts in the total); None off Linux."""
    try:
        with open("/proc/stat") as f:
            v = [int(t) for t in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    user, nice, system, idle, iowait, irq, softirq, steal = v
    busy = user + nice + system + irq + softirq
    return busy, busy + idle + iowait + steal


def foreign_load(a, b, own_seconds, min_jiffies):
    """Fraction of all CPUs' time used by other processes between the cpu_jiffies() snapshots a and b, where
    own_seconds is the CPU time (s) the measuring side spent meanwhile (this process, or its finished children);
    None when unknown, or when fewer than min_jiffies passed (the 10 ms tick would dominate)."""
    if a is None or b is None or b[1] - a[1] < min_jiffies:
        return None
    hz = os.sysconf("SC_CLK_TCK")
    return max(0.0, ((b[0] - a[0]) - own_seconds * hz) / (b[1] - a[1]))
