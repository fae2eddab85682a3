#!/usr/bin/env python3
"""The statistics of one set of networks stored in float64, float32 and bfloat16 (issue 13, docs/dense-large.md).

For each N and precision, `chaoslab compare scs` on the same seeds (realization r: seed + r, the same network in every
precision up to the rounding of each coupling): <x^2>, C(0) and the shape of Delta(tau) against the DMFT (g = 2,
tanh, RK4 dt = 0.1); and `chaoslab lyapunov --method two-replica` for lambda_max (its products run on the couplings
widened exactly to float64: the exponent of the rounded network). Paired differences against float64 (same seeds)
remove the quenched part of the realization scatter.

    python3 scripts/precision/dense_precision_stats.py [--sizes 2000:6,4000:4,8000:3] [--t 200] [--out DIR]

Writes DIR/stats.json and prints the table. Runs the launcher (./chaoslab) with `nice -n 10`, or with
CHAOSLAB_JAR=path/to/chaoslab.jar (and JAVA_HOME) that jar directly.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def chaoslab(args, out):
    jar = os.environ.get("CHAOSLAB_JAR")
    if jar:
        # a fixed copy of chaoslab-cli/target/chaoslab.jar: the launcher would rebuild it when sources change mid-run
        java = os.path.join(os.environ["JAVA_HOME"], "bin", "java")
        launch = [java, "--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true", "-Xmx8g", "-jar", jar]
    else:
        launch = [os.path.join(ROOT, "chaoslab")]
    cmd = ["nice", "-n", "10"] + launch + args + ["--out", out, "--force"]
    t0 = time.time()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 3):
        sys.exit("failed: " + " ".join(cmd) + "\n" + r.stderr)
    with open(os.path.join(out, "summary.json")) as f:
        return json.load(f)["results"], time.time() - t0


def mean_se(v):
    m = sum(v) / len(v)
    s = math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1)) if len(v) > 1 else float("nan")
    return m, s / math.sqrt(len(v))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="2000:6,4000:4,8000:3", help="N:R,... (R realizations)")
    p.add_argument("--t", type=float, default=200)
    p.add_argument("--transient", type=float, default=50)
    p.add_argument("--lyap-sizes", default="2000,4000", help="N for lambda_max (two replicas)")
    p.add_argument("--lyap-t", type=float, default=300)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", default=os.path.join(ROOT, "results", "precision-stats"))
    a = p.parse_args()
    rows = []
    for spec in a.sizes.split(","):
        n, r = (int(x) for x in spec.split(":"))
        per = {}
        for prec in ("f64", "f32", "bf16"):
            res, wall = chaoslab(["compare", "scs", "--n", str(n), "--precision", prec, "--g", "2", "--phi", "tanh",
                                  "--realizations", str(r), "--t", str(a.t), "--transient", str(a.transient),
                                  "--seed", str(a.seed)], os.path.join(a.out, f"scs-n{n}-{prec}"))
            per[prec] = res
            ms = res["meanSquare"]
            shape = res["autocorrelationShape"] or {}
            row = {"n": n, "precision": prec, "realizations": r, "meanSquare": ms["simulation"],
                   "meanSquareSE": ms["standardError"], "delta0": ms["theory"], "zVsDmft": ms["zScore"],
                   "c0": res["c0"]["simulation"], "c0SE": res["c0"]["standardError"], "c0Dmft": res["c0"]["theory"],
                   "shapeL2": shape.get("relativeL2"), "shapeNoiseL2": shape.get("noiseL2"),
                   "perRealization": res["meanSquarePerRealization"], "wallSeconds": wall}
            if prec != "f64":
                d = [x - y for x, y in zip(res["meanSquarePerRealization"], per["f64"]["meanSquarePerRealization"])]
                row["pairedDiffVsF64"], row["pairedDiffSE"] = mean_se(d)
            rows.append(row)
            print(json.dumps(row), flush=True)
    lyap = []
    for n in (int(x) for x in a.lyap_sizes.split(",") if x):
        for prec in ("f64", "f32", "bf16"):
            res, wall = chaoslab(["lyapunov", "--method", "two-replica", "--n", str(n), "--precision", prec, "--g", "2",
                                  "--phi", "tanh", "--t", str(a.lyap_t), "--warmup", "50", "--seed", str(a.seed)],
                                 os.path.join(a.out, f"lyap-n{n}-{prec}"))
            row = {"n": n, "precision": prec, "lambdaMax": res["lambdaMaxTwoReplica"],
                   "ci95": res["lambdaMaxTwoReplicaCi"], "dmft": res["lambdaMaxDmft"], "wallSeconds": wall}
            lyap.append(row)
            print(json.dumps(row), flush=True)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "stats.json"), "w") as f:
        json.dump({"scs": rows, "lyapunov": lyap, "t": a.t, "transient": a.transient, "seed": a.seed}, f, indent=1)
    print("\n| N | precision | R | <x^2> +- SE | vs DMFT (z) | paired - f64 | C(0) +- SE | shape L2 (noise) |")
    for r in rows:
        pd = "" if "pairedDiffVsF64" not in r else f"{r['pairedDiffVsF64']:+.4f} +- {r['pairedDiffSE']:.4f}"
        sh = "" if r["shapeL2"] is None else f"{r['shapeL2']:.3f} ({r['shapeNoiseL2']:.3f})"
        print(f"| {r['n']} | {r['precision']} | {r['realizations']} | {r['meanSquare']:.4f} +- {r['meanSquareSE']:.4f} | "
              f"{r['zVsDmft']:+.2f} | {pd} | {r['c0']:.4f} +- {r['c0SE']:.4f} | {sh} |")
    print("\n| N | precision | lambda_max (95% CI) | DMFT |")
    for r in lyap:
        print(f"| {r['n']} | {r['precision']} | {r['lambdaMax']:.4f} +- {r['ci95']:.4f} | {r['dmft']:.4f} |")


if __name__ == "__main__":
    main()
