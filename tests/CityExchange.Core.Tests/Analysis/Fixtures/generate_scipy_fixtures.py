#!/usr/bin/python3
"""Writes the SciPy fixtures of ScipyFixtureTests (run once; the outputs are committed).

    /usr/bin/python3 generate_scipy_fixtures.py     # Debian's python3-scipy, python3-numpy

- scipy_points60.csv: 60 points in 4 dimensions, normal(50, 20) rounded to 3 decimals (exact in the CSV), fixed seed.
- scipy_linkage60.csv: scipy.cluster.hierarchy.linkage(points, method) for each method: the merges as SciPy numbers them.
- scipy_linkage70.csv: the same for those 60 points followed by copies of the first 10 (ten ties at height 0, which
  SciPy orders its own way).
- scipy_published2013.csv: the same for the 46 published 2013 cities (data/siis2015_published.csv, domain scores,
  cities in code order as ClusterAnalysis clusters them).
"""
import csv
import os

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "data", "siis2015_published.csv")
METHODS = ["ward", "centroid", "single", "average", "complete"]


def write_linkage(path, points, source):
    with open(path, "w", newline="") as out:
        out.write(f"# scipy.cluster.hierarchy.linkage(points, method), SciPy {scipy.__version__}, NumPy {np.__version__}, on {source}.\n")
        out.write("# Written by generate_scipy_fixtures.py.\n")
        out.write("linkage,left,right,height,size\n")
        for method in METHODS:
            for left, right, height, size in linkage(points, method=method):
                out.write(f"{method},{int(left)},{int(right)},{height!r},{int(size)}\n")


rng = np.random.default_rng(20150601)
points = rng.normal(50, 20, size=(60, 4)).round(3)
with open(os.path.join(HERE, "scipy_points60.csv"), "w", newline="") as out:
    out.write("# 60 points, 4 dimensions. Written by generate_scipy_fixtures.py.\n")
    out.write("x1,x2,x3,x4\n")
    for p in points:
        out.write(",".join(repr(float(v)) for v in p) + "\n")
write_linkage(os.path.join(HERE, "scipy_linkage60.csv"), points, "scipy_points60.csv")
write_linkage(os.path.join(HERE, "scipy_linkage70.csv"), np.vstack([points, points[:10]]), "scipy_points60.csv and copies of its first 10 points")

with open(DATA, encoding="utf-8") as f:
    rows = sorted(csv.DictReader(f), key=lambda r: r["code"])
published = np.array([[float(r[f"{d}_score"]) for d in ("social", "culture", "trade", "politics")] for r in rows])
write_linkage(os.path.join(HERE, "scipy_published2013.csv"), published, "the 46 published 2013 cities (domain scores, code order)")
