#!/usr/bin/python3
"""Expected values for the statistical audit's tests, computed independently of the C# code with numpy and scipy.

Run with Debian's python3 (python3-numpy, python3-scipy) from anywhere:

    /usr/bin/python3 tests/CityExchange.Core.Tests/Analysis/Audit/Fixtures/make_fixtures.py

It writes, next to itself, one JSON file per data set with its inputs and the expected audit:
  handmade.json   a small made-up year (13 cities, 11 indicators) with missing values, ties, a constant indicator,
                  an indicator with three values, a city with only one value and a reversed polarity;
  demo2015.json   the bundled demo year data/demo/indicators_2015.csv (46 cities x 17 indicators);
  published2013.json  the report's published domain scores (data/siis2015_published.csv) as a published year;
  treatment.json  columns for conditional winsorisation (its expected values come from COINr: make_fixtures.R).
make_fixtures.R (COINr) reads these inputs and writes *.coinr.json. Missing values and undefined results are null.

Definitions (each as the C# code documents it, computed here another way):
  sd with n-1; skew/kurtosis = scipy.stats.skew/kurtosis(bias=False) (Excel SKEW/KURT); outlier = COINr's
  check_SkewKurt failing (|skew| >= 2 and kurtosis >= 3.5, with R's NA logic); correlations pairwise complete via
  scipy.stats.pearsonr/spearmanr on each pair's complete cases (p two-sided, from the t/beta distribution); the
  indicators' values enter correlations and PCA multiplied by their polarity; Cronbach's alpha from numpy's pairwise
  covariances of the min-max scores (COINr get_cronbach); PCA = SVD of the standardised complete cases (prcomp),
  sign chosen so the first loadings sum to a positive number.
"""
import csv
import json
import math
import pathlib
import warnings

import numpy as np
from scipy import stats

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[4]
DOMAINS = ["social", "culture", "trade", "politics"]
NAN = float("nan")
SIGNIFICANCE = 0.05
COLLINEAR = 0.92

warnings.simplefilter("ignore")  # scipy warns on constant input; those results are set to null explicitly


def describe(x):
    present = x[~np.isnan(x)]
    n = len(present)
    spread = n > 0 and np.ptp(present) > 0
    skew = float(stats.skew(present, bias=False)) if n >= 3 and spread else NAN
    kurt = float(stats.kurtosis(present, fisher=True, bias=False)) if n >= 4 and spread else NAN
    return {
        "n": n,
        "missing": int(len(x) - n),
        "min": float(present.min()) if n else NAN,
        "max": float(present.max()) if n else NAN,
        "mean": float(present.mean()) if n else NAN,
        "median": float(np.median(present)) if n else NAN,
        "sd": float(present.std(ddof=1)) if n >= 2 else NAN,
        "skew": skew,
        "kurtosis": kurt,
        "outlier": check_skew_kurt_fails(skew, kurt),
    }


def check_skew_kurt_fails(skew, kurt):
    """COINr's check_SkewKurt: Pass <- (abs(sk) < 2) | (kt < 3.5), where NA | TRUE is TRUE and NA | FALSE is NA."""
    sides = [None if math.isnan(skew) else abs(skew) < 2, None if math.isnan(kurt) else kurt < 3.5]
    if True in sides:
        return False
    if None in sides:
        return None
    return True


def pairs(a, b):
    mask = ~np.isnan(a) & ~np.isnan(b)
    return a[mask], b[mask]


def has_spread(x):
    return len(x) >= 2 and np.ptp(x) > 0


def correlation(a, b, same):
    x, y = pairs(a, b)
    n = len(x)
    if n < 2 or not has_spread(x) or not has_spread(y):
        return n, NAN, NAN, NAN, NAN
    if same:
        return n, 1.0, (0.0 if n >= 3 else NAN), 1.0, (0.0 if n >= 3 else NAN)
    r, p = stats.pearsonr(x, y)
    rho, rho_p = stats.spearmanr(x, y)
    if n < 3:  # scipy returns p = 1 for two points; the t-test needs n - 2 >= 1 degrees of freedom
        p = rho_p = NAN
    return n, float(r), float(p), float(rho), float(rho_p)


def correlations(codes, columns):
    m = len(codes)
    table = {k: [[None] * m for _ in range(m)] for k in ("n", "pearson", "pearsonP", "spearman", "spearmanP")}
    for i in range(m):
        for j in range(m):
            n, r, p, rho, rho_p = correlation(columns[i], columns[j], i == j)
            for key, value in zip(("n", "pearson", "pearsonP", "spearman", "spearmanP"), (n, r, p, rho, rho_p)):
                table[key][i][j] = value
    return {"codes": codes, **table}


def pearson_with(a, b):
    x, y = pairs(a, b)
    if len(x) < 2 or not has_spread(x) or not has_spread(y):
        return NAN
    return float(stats.pearsonr(x, y)[0])


def minmax(x, polarity):
    present = x[~np.isnan(x)]
    if len(present) < 2 or np.ptp(present) == 0:
        return np.full_like(x, NAN)
    lo, hi = present.min(), present.max()
    return 100 * ((x - lo) if polarity == 1 else (hi - x)) / (hi - lo)


def cronbach(columns):
    k = len(columns)
    if k < 2:
        return NAN
    cov = np.full((k, k), NAN)
    for i in range(k):
        for j in range(k):
            x, y = pairs(columns[i], columns[j])
            if len(x) >= 2:
                cov[i, j] = np.cov(x, y, ddof=1)[0, 1]
    total = np.nansum(cov)
    mean_off = (total - np.nansum(np.diag(cov))) / (k * (k - 1))
    return float(k * k * mean_off / total)


def pca(codes, columns):
    data = np.column_stack(columns)
    complete = data[~np.isnan(data).any(axis=1)]
    cases = len(complete)
    sd = complete.std(axis=0, ddof=1) if cases >= 2 else None
    if cases < 2 or not np.all(sd > 0):
        return {"firstShare": NAN, "loadings": {c: NAN for c in codes}, "cases": cases}
    z = (complete - complete.mean(axis=0)) / sd
    _, s, vt = np.linalg.svd(z, full_matrices=False)
    loadings = vt[0]
    total = loadings.sum()
    if abs(total) <= 1e-9 * np.abs(loadings).sum():  # e.g. two negatively correlated indicators: (1, -1)/sqrt(2)
        total = loadings[np.abs(loadings) > 1e-9][0]
    if total < 0:
        loadings = -loadings
    return {"firstShare": float(s[0] ** 2 / np.sum(s ** 2)), "loadings": dict(zip(codes, map(float, loadings))), "cases": cases}


def scores(framework, values):
    """The engine's default scores: min-max 0-100, mean of a domain's available indicators, mean of available domains."""
    normalised = {f["code"]: minmax(values[f["code"]], f["polarity"]) for f in framework}
    domain = {}
    for d in DOMAINS:
        cols = [normalised[f["code"]] for f in framework if f["domain"] == d]
        domain[d] = np.nanmean(np.column_stack(cols), axis=1) if cols else np.full(len(next(iter(values.values()))), NAN)
    overall = np.nanmean(np.column_stack([domain[d] for d in DOMAINS]), axis=1)
    return domain, overall


def audit(framework, cities, values, domain_scores, overall):
    codes = [f["code"] for f in framework]
    directed = [values[f["code"]] * f["polarity"] for f in framework]
    table = correlations(codes, directed)
    findings = []
    for i in range(len(codes)):
        for j in range(i + 1, len(codes)):
            r, p = table["pearson"][i][j], table["pearsonP"][i][j]
            same = framework[i]["domain"] == framework[j]["domain"]
            if same and r < 0:
                findings.append(("negativeWithinDomain", codes[i], codes[j]))
            if same and p > SIGNIFICANCE:
                findings.append(("insignificantWithinDomain", codes[i], codes[j]))
            if same and abs(r) > COLLINEAR:
                findings.append(("collinear", codes[i], codes[j]))
    order = ["outlier", "negativeWithinDomain", "insignificantWithinDomain", "collinear"]
    indicators = []
    for j, f in enumerate(framework):
        row = {"code": f["code"], "domain": f["domain"], **describe(values[f["code"]])}
        row["withDomain"] = pearson_with(directed[j], domain_scores[f["domain"]])
        row["withOverall"] = pearson_with(directed[j], overall)
        flags = {"outlier"} if row["outlier"] is True else set()
        flags |= {kind for kind, a, b in findings if f["code"] in (a, b)}
        row["flags"] = [k for k in order if k in flags]
        indicators.append(row)
    normalised = [(f["domain"], minmax(values[f["code"]], f["polarity"])) for f in framework]
    scored = [(d, x) for d, x in normalised if not np.all(np.isnan(x))]
    alpha = {d: cronbach([x for dd, x in scored if dd == d]) for d in DOMAINS}
    alpha["overall"] = cronbach([x for _, x in scored])
    components = {}
    for d in DOMAINS:
        members = [j for j, f in enumerate(framework) if f["domain"] == d and not np.all(np.isnan(directed[j]))]
        if members:
            components[d] = pca([codes[j] for j in members], [directed[j] for j in members])
    coverage = []
    for c, city in enumerate(cities):
        missing = [f["code"] for f in framework if math.isnan(values[f["code"]][c])]
        coverage.append({"code": city, "coverage": (len(codes) - len(missing)) / len(codes), "missing": missing})
    return {
        "indicators": indicators,
        "correlations": table,
        "cronbach": alpha,
        "pca": components,
        "coverage": coverage,
        "findings": [{"finding": k, "first": a, "second": b} for k, a, b in findings],
    }


def fixture(source, framework, cities, values, domain_scores=None, overall=None):
    if domain_scores is None:
        domain_scores, overall = scores(framework, values)
    return {
        "source": source,
        "framework": framework,
        "cities": cities,
        "values": {k: list(map(float, v)) for k, v in values.items()},
        "domainScores": {d: list(map(float, domain_scores[d])) for d in DOMAINS},
        "overall": list(map(float, overall)),
        "expected": audit(framework, cities, values, domain_scores, overall),
    }


def clean(value):
    """NaN and numpy scalars to JSON (null for NaN); floats keep their full repr."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def write(name, data):
    (HERE / name).write_text(json.dumps(clean(data), ensure_ascii=False, indent=1, allow_nan=False) + "\n", encoding="utf-8")


def column(*values):
    return np.array([NAN if v is None else v for v in values], dtype=float)


def handmade():
    n_ = None
    framework = [
        {"code": "s1", "domain": "social", "polarity": 1},
        {"code": "s2", "domain": "social", "polarity": 1},
        {"code": "s3", "domain": "social", "polarity": 1},
        {"code": "c1", "domain": "culture", "polarity": 1},
        {"code": "c2", "domain": "culture", "polarity": 1},
        {"code": "t1", "domain": "trade", "polarity": 1},
        {"code": "t2", "domain": "trade", "polarity": -1},
        {"code": "t3", "domain": "trade", "polarity": 1},
        {"code": "p1", "domain": "politics", "polarity": 1},
        {"code": "p2", "domain": "politics", "polarity": 1},
        {"code": "p3", "domain": "politics", "polarity": 1},
    ]
    cities = [f"h{c:02d}" for c in range(1, 14)]
    values = {
        "s1": column(1, 2, 2, 3, 5, 8, n_, 13, 21, 34, 55, 89, n_),
        "s2": column(1.1, 2.3, 1.9, 3.2, 5.1, 7.7, 4, 13.4, 20.5, 34.9, 54.2, n_, n_),
        "s3": column(3, 4, 4, 5, 6, 5, 7, n_, 6, 5, 4, 250, n_),
        "c1": column(10, 12, 9, 15, 11, 13, 14, 8, n_, 16, 12, 10, n_),
        "c2": column(5, 3, 6, 1, 4, 3, 2, 7, 5, n_, 3, 5, n_),
        "t1": column(2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, n_),
        "t2": column(4, 4, 9, 1, 6, 3, 3, 7, 5, 2, 8, n_, n_),
        "t3": column(5, 6, 4, 9, 5, 8, 3, 9, 4, 9, 6, n_, 7),
        "p1": column(0, 1, 0, 2, 3, 1, 0, 4, 2, 1, 0, 6, n_),
        "p2": column(n_, 5, n_, n_, 2, n_, n_, 9, n_, n_, n_, n_, n_),
        "p3": column(7, 7, 7, n_, 7, 7, 7, 7, 7, 7, 7, 7, n_),
    }
    return fixture("hand-made (make_fixtures.py)", framework, cities, values)


def read_framework():
    with open(ROOT / "data" / "framework.csv", encoding="utf-8") as f:
        return [{"code": r["code"], "domain": r["domain"], "polarity": int(r["polarity"])} for r in csv.DictReader(f)]


def demo2015():
    framework = read_framework()
    with open(ROOT / "data" / "demo" / "indicators_2015.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    cities = [r["city"] for r in rows]
    values = {fw["code"]: column(*[None if r[fw["code"]] in ("", "NA") else float(r[fw["code"]]) for r in rows]) for fw in framework}
    return fixture("data/demo/indicators_2015.csv", framework, cities, values)


def published2013():
    """A published year: the four domain scores stand in for indicators, one per domain, code = the domain."""
    with open(ROOT / "data" / "siis2015_published.csv", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: r["code"].encode())
    cities = [r["code"] for r in rows]
    framework = [{"code": d, "domain": d, "polarity": 1} for d in DOMAINS]
    values = {d: column(*[float(r[f"{d}_score"]) if r[f"{d}_score"] != "" else None for r in rows]) for d in DOMAINS}
    overall = np.nanmean(np.column_stack([values[d] for d in DOMAINS]), axis=1)
    return fixture("data/siis2015_published.csv", framework, cities, values, values, overall)


def treatment():
    """Columns for COINr's Treat() (the expected values are in treatment.coinr.json). Padded with missing values."""
    n_ = None
    columns = {
        "passes": [3, 5, 4, 6, 5, 7, 4, 5, 6, 5, 4, 3, 6, 5, n_],
        "high": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, n_, 100],
        "low": [-100, n_, -30, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "ties": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100, 100],
        "tie_inwards": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 60, 100, 200],
        "two_sides": [3.35, 0.16, 1.08, 3.17, 0.02, 0.54, 2.21, 0.27, 8.55, 0.04, 1.91, 3.39, 0.33, 1.54, 0.37, 0.45,
                      0.71, 0.19, 0.08, 0.49, 0.46, 0.27, 0.03, 41.14, 3.46, -106.45, -10.55, -5.14, -13.05],
        "log": [5.44, 3.03, 196.53, 100.34, 0.07, 0.05, 1.10, 2.23, 0.11, 1.14, 0.10, 1.13, 0.29, 1.11, 2.16, 0.04, 0.35,
                3.59, 0.07, 7.12, 5.43, 1.56, 0.02, 0.44, 423.11, -28.87, -33.89, -37.16, -2.74],
        "collapses": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100],
        "three_values": [1, 2, 100],
        "constant": [7] * 10,
        "empty": [],
    }
    length = max(len(v) for v in columns.values())
    return {"columns": {k: [NAN if x is None else float(x) for x in v] + [NAN] * (length - len(v)) for k, v in columns.items()}}


if __name__ == "__main__":
    write("handmade.json", handmade())
    write("demo2015.json", demo2015())
    write("published2013.json", published2013())
    write("treatment.json", treatment())
