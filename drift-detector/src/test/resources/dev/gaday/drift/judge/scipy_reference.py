"""Independent reference for drift-detector's judge: SciPy's tests on the same samples.

Reads a JSON list of cases from argv[1] and prints a JSON list of results (same order).
Rank cases: scipy.stats.mannwhitneyu (two-sided, method as given), the Hodges-Lehmann shift as the
median of all current - baseline differences (numpy), and the interval from order statistics of the
differences at rank k: exact -> the smallest q with P(U <= q) >= alpha/2 from the exact null
distribution of U (counted here by a recursion, independently of the Java code); asymptotic ->
floor(mn/2 - z(1 - alpha/2) * sqrt(mn(m+n+1)/12)), at least 1 (as R's wilcox.test for the exact case).
Proportion cases: scipy.stats.fisher_exact, or the pooled two-proportion z-test with scipy.stats.norm.
"""
import json
import math
import sys
from functools import lru_cache

import numpy as np
from scipy import stats


@lru_cache(maxsize=None)
def u_count(u, m, n):
    """Number of arrangements of m x's and n y's with U = u (Mann's recursion)."""
    if u < 0:
        return 0
    if m == 0 or n == 0:
        return 1 if u == 0 else 0
    return u_count(u - n, m - 1, n) + u_count(u, m, n - 1)


def exact_lower_quantile(p, m, n):
    total = math.comb(m + n, m)
    cumulative = 0
    for q in range(m * n + 1):
        cumulative += u_count(q, m, n)
        if cumulative / total >= p:
            return q
    return m * n


def rank_case(case):
    x = np.array(case["baseline"], dtype=float)
    y = np.array(case["current"], dtype=float)
    method = case["method"]
    res = stats.mannwhitneyu(x, y, alternative="two-sided", method=method, use_continuity=True)
    m, n = len(x), len(y)
    diffs = np.sort((y[None, :] - x[:, None]).ravel())
    alpha = 1 - case["confidence"]
    if method == "exact":
        k = exact_lower_quantile(alpha / 2, m, n)
    else:
        z = stats.norm.isf(alpha / 2)
        k = math.floor(m * n / 2 - z * math.sqrt(m * n * (m + n + 1) / 12))
    k = max(1, min(k, (m * n + 1) // 2))
    return {
        "statistic": float(res.statistic),
        "pValue": float(res.pvalue),
        "hlShift": float(np.median(diffs)),
        "ciLow": float(diffs[k - 1]),
        "ciHigh": float(diffs[m * n - k]),
    }


def proportion_case(case):
    e1, t1, e2, t2 = case["baselineErrors"], case["baselineTotal"], case["currentErrors"], case["currentTotal"]
    if case["method"] == "fisher":
        res = stats.fisher_exact([[e1, t1 - e1], [e2, t2 - e2]], alternative="two-sided")
        return {"pValue": float(res.pvalue)}
    p1, p2 = e1 / t1, e2 / t2
    pooled = (e1 + e2) / (t1 + t2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / t1 + 1 / t2))
    z = (p2 - p1) / se
    return {"statistic": z, "pValue": float(2 * stats.norm.sf(abs(z)))}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    out = [rank_case(c) if c["type"] == "rank" else proportion_case(c) for c in cases]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
