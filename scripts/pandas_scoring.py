#!/usr/bin/env python3
"""The same scoring as CityExchange's engine (min-max per indicator, domain means over available indicators,
overall mean over available domains, standard competition rank), written as a pandas user would, timed.

Usage: pandas_scoring.py FRAMEWORK_CSV DATA_CSV [REPEATS]
Prints the median seconds per scoring run (wall clock), then the median CPU seconds of this process per run (what a
busy machine inflates less), and writes the top ranks to stderr for a sanity check."""
import sys
import time

import pandas as pd


def score(values: pd.DataFrame, domain_of: dict) -> pd.DataFrame:
    lo, hi = values.min(), values.max()
    spread = hi - lo
    keep = spread[(spread > 0) & (values.count() >= 2)].index
    norm = (values[keep] - lo[keep]) / spread[keep] * 100
    domains = norm.T.groupby(lambda c: domain_of[c]).mean().T  # mean over available indicators
    overall = domains.mean(axis=1)                             # mean over available domains
    out = domains.copy()
    out["overall"] = overall
    out["rank"] = overall.rank(method="min", ascending=False)
    for d in domains.columns:
        out[d + "_rank"] = domains[d].rank(method="min", ascending=False)
    return out


def main() -> None:
    framework = pd.read_csv(sys.argv[1])
    domain_of = dict(zip(framework["code"], framework["domain"]))
    data = pd.read_csv(sys.argv[2], index_col="city")
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    score(data, domain_of)  # warm-up
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = score(data, domain_of)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    times.sort()
    cpu.sort()
    print(f"{times[len(times) // 2]:.6f}")
    print(f"{cpu[len(cpu) // 2]:.6f}")
    print(result.sort_values("rank").head(3)[["overall", "rank"]].to_string(), file=sys.stderr)


if __name__ == "__main__":
    main()
