#!/usr/bin/env python3
"""Turns the raw outputs of scripts/bench.sh into one Markdown table (goal, measured, target, met).

Usage: bench_report.py RESULTS_DIR CITIES THREADS CONNECTIONS DURATION"""
import csv
import io
import os
import re
import sys

results, cities, threads, connections, duration = sys.argv[1:6]


def read(name):
    path = os.path.join(results, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else None


def ms(value, unit):
    return float(value) * {"us": 0.001, "μs": 0.001, "ns": 1e-6, "ms": 1.0, "s": 1000.0}[unit]


def wrk(name):
    text = read(f"wrk-{name}.txt")
    if text is None:
        return None
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {
        "rps": rps,
        "p99": ms(*p99.groups()) if p99 else float("nan"),
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0),
    }


def timed(name):
    text = read(f"{name}.time")
    if text is None:
        return None
    status, seconds, size, cpu = text.split()
    return int(status), float(seconds), int(size), float(cpu)


def bdn():
    text = read("bdn.csv")
    rows = {}
    if not text:
        return rows
    header = None
    for row in csv.reader(io.StringIO(text), delimiter=","):
        if row and row[0] == "Method":
            header = row
            continue
        if not header or not row:
            continue
        record = dict(zip(header, row))
        mean = re.match(r"([\d,.]+)\s*(ns|us|μs|ms|s)$", record.get("Mean", "").strip())
        if not mean:
            continue
        key = record["Method"] + ("/" + record["Cities"] if record.get("Cities") else "")
        rows[key] = (ms(mean.group(1).replace(",", ""), mean.group(2)), record.get("Allocated", ""))
    return rows


def yes(ok):
    return "yes" if ok else "**no**"


table = []


def add(goal, measured, target, ok):
    table.append((goal, measured, target, "" if ok is None else yes(ok)))


for suffix, how in [("", ""), ("_br", ", `Accept-Encoding: br, gzip`")]:
    load = wrk("static" + suffix)
    if not load:
        continue
    add(f"Static file `/css/site.css` (wrk -t{threads} -c{connections} -d{duration}{how})",
        f"{load['rps']:,.0f} req/s, p99 {load['p99']:.1f} ms, {load['errors']} errors", "baseline", load["errors"] == 0)
    for name, label, share in [("api", "`/api/rankings/2015`", 0.50), ("page", "`/Rankings?year=2015`", 0.35),
                               ("api_scale", "`/api/rankings/{5,000-city year}` (1.8 MB of JSON)", None),
                               ("page_scale", "`/Rankings?year={5,000-city year}` (page 1 of 50)", None)]:
        r = wrk(name + suffix)
        if not r:
            continue
        ratio = r["rps"] / load["rps"]
        ok = r["p99"] < 50 and r["errors"] == 0 and (share is None or ratio >= share)
        target = (f"≥ {share:.0%} of static, " if share else "") + "p99 < 50 ms, no errors"
        add(label + how, f"{r['rps']:,.0f} req/s ({ratio:.0%} of static), p99 {r['p99']:.1f} ms, {r['errors']} errors", target, ok)

cities_put, import_put = timed("put_cities"), timed("put_indicators")
if cities_put and import_put:
    total = cities_put[1] + import_put[1]
    store = (read("database.txt") or "Sqlite").strip().replace("Sqlite", "SQLite").replace("Postgres", "PostgreSQL")
    add(f"`PUT /api/cities` ({int(cities):,} cities) + `PUT /api/years/y/indicators` ({int(cities):,} × 17), {store}",
        f"{cities_put[1]:.2f} s + {import_put[1]:.2f} s = {total:.2f} s (app CPU {cities_put[3] + import_put[3]:.2f} s; HTTP {cities_put[0]}, {import_put[0]})", "< 10 s",
        total < 10 and cities_put[0] == 200 and import_put[0] == 200)
for name, label, limit in [("first_ranking", "First ranking of that year (`/api/rankings/y`)", 1.0),
                           ("first_page", "Its `/Rankings` page, first request (100 of 5,000 rows)", 2.0),
                           ("last_page", "Its last page", 2.0),
                           ("search_page", "A search sorted by name (`q=c12&sort=name`)", 2.0)]:
    t = timed(name)
    if t:
        add(label, f"{t[1]:.3f} s (app CPU {t[3]:.2f} s; HTTP {t[0]}, {t[2]:,} bytes)", f"< {limit:g} s", t[1] < limit and t[0] == 200)

transfer = read("transfer.txt")
if transfer:
    html, total, assets = map(int, transfer.split())
    add("`/Rankings?year=2015` with its map, transfer, Brotli (HTML + CSS + JS + Chart.js + the geo plugin)",
        f"{total / 1024:.1f} KB ({assets} files; HTML {html / 1024:.1f} KB)", "< 250 KB", total < 250 * 1024)

marks = bdn()
cpu = {}
for line in (read("cputime.txt") or "").splitlines():
    name, cpu_ms, wall_ms = line.split()
    cpu[name] = (float(cpu_ms), float(wall_ms))
pandas_text = read("pandas.txt")
pandas_wall = pandas_cpu = None
if pandas_text:
    parts = pandas_text.split()
    pandas_wall = float(parts[0]) * 1000
    pandas_cpu = float(parts[1]) * 1000 if len(parts) > 1 else None


def engine(name, label, limit=None, unit="ms"):
    """BenchmarkDotNet's wall-clock mean and the CPU time per operation; the goal is judged on CPU time when measured."""
    if name not in marks and name not in cpu:
        return
    scale = 1000 if unit == "µs" else 1
    parts = []
    if name in marks:
        parts.append(f"BenchmarkDotNet mean {marks[name][0] * scale:.3f} {unit} wall ({marks[name][1]} allocated)")
    if name in cpu:
        parts.append(f"CPU {cpu[name][0] * scale:.3f} {unit}/op (wall {cpu[name][1] * scale:.3f})")
    judged = cpu[name][0] if name in cpu else marks[name][0]
    add(label, "; ".join(parts), f"< {limit:g} ms" if limit else "", judged < limit if limit else None)


engine("MinMax/10000", "Scoring engine, 10,000 × 17, min–max (one thread)", 2)
if pandas_wall and ("MinMax/10000" in cpu or "MinMax/10000" in marks):
    ours_cpu = cpu.get("MinMax/10000", (None,))[0]
    ours_wall = marks["MinMax/10000"][0] if "MinMax/10000" in marks else cpu["MinMax/10000"][1]
    text = f"pandas {pandas_wall:.2f} ms wall → {pandas_wall / ours_wall:.1f}×"
    ratio = pandas_wall / ours_wall
    if pandas_cpu and ours_cpu:
        ratio = pandas_cpu / ours_cpu
        text += f"; pandas CPU {pandas_cpu:.2f} ms → {ratio:.1f}×"
    add("pandas, same data and scoring (median of 30) vs the engine", text, "≥ 3×", ratio >= 3)
engine("RankScore/10000", "Scoring engine, 10,000 × 17, rank score")
engine("Audit/5000", "Statistical audit, 5,000 cities × 17", 1000)
engine("Sobol1000/46", "Sobol indices, N = 1,000 over five choices (7,000 runs), 46 cities", 1000)
engine("Scenarios/46", "Scenario table (every alternative, preset, indicator and domain left out), 46 cities", 200)
engine("Scenarios/5000", "Scenario table, 5,000 cities")
engine("MinMax/46", "Scoring engine, 46 × 17, min–max", unit="µs")
engine("Dirichlet1000", "Rank uncertainty, 1,000 samples × 46 cities", 20)
if "Parse5000Cities" in marks:
    add("CSV parse and validate, 5,000 cities", f"{marks['Parse5000Cities'][0]:.1f} ms wall", "", None)

for preset in ("mobile", "desktop"):
    lighthouse = read(f"lighthouse-{preset}.txt")
    for line in (lighthouse or "").strip().splitlines():
        page, perf, a11y, runs = line.split()
        add(f"Lighthouse {preset} `{page}` (performance / accessibility, median)", f"{perf} / {a11y} (runs: {runs.replace(',', ', ')})",
            "≥ 95 / 100", float(perf) >= 95 and float(a11y) >= 100)

for line in (read("map.txt") or "").strip().splitlines():
    page, points, median_ms, runs = line.split()
    add(f"City map drawn in Chromium, `{page}` ({int(points):,} cities; median of 5, ms from the module's start to the first render)",
        f"{median_ms} ms (runs: {runs.replace(',', ', ')})", "< 1,000 ms", int(median_ms) < 1000)

load_avg = read("load.txt")
print("| Goal | Measured | Target | Met |")
print("| --- | --- | --- | --- |")
for row in table:
    print("| " + " | ".join(row) + " |")
if load_avg:
    print(f"\nLoad average after the load test: {load_avg.strip().split('load average:')[-1].strip()} (2 cores).")
