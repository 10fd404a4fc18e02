#!/usr/bin/python3
"""Times scipy.cluster.hierarchy.linkage on a CSV of points (one per line), the peer of the .NET clustering benchmark.

    /usr/bin/python3 scripts/scipy_linkage.py POINTS.csv METHOD     # Debian's python3-scipy

Prints "METHOD N wall_s=… cpu_s=… top=…" like `CityExchange.Benchmarks cluster`; run it under /usr/bin/time -v for
the peak RSS (scripts/bench-clustering.sh). linkage computes the condensed distance matrix (pdist) first, included.
"""
import sys
import time

import numpy as np
from scipy.cluster.hierarchy import linkage

path, method = sys.argv[1], sys.argv[2]
points = np.loadtxt(path, delimiter=",", ndmin=2)
wall, cpu = time.perf_counter(), time.process_time()
tree = linkage(points, method=method)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(f"{method} {len(points)} wall_s={wall:.3f} cpu_s={cpu:.3f} top={tree[-1, 2]:.4f}")
