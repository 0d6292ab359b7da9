import numpy as np
import pandas as pd
import pytest

from ccsim.analysis import main_effects, prcc


def long_frame(points, replications, response, rng):
    rows = []
    for point, parameters in enumerate(points):
        for replication in range(replications):
            rows.append({"point": point, "replication": replication, "status": "ok", **parameters,
                         "metric": "y", "value": response(parameters) + rng.normal(0, 0.1)})
    return pd.DataFrame(rows)


def test_main_effects_find_the_parameter_that_moves_the_metric_and_the_interaction():
    rng = np.random.default_rng(7)
    grid = [{"a": a, "b": b, "c": c} for a in (1, 2, 3) for b in (10, 20) for c in (0, 1)]
    # y = 2a − b/10 + (b = 20 and c = 1): a's main effect +4 (1 → 3), b's −1 + 0.5 = −0.5,
    # c's +0.5; b × c interact by +1 (the bonus only at their high corner); a × b do not.
    frame = long_frame(grid, 8, lambda p: 2 * p["a"] - p["b"] / 10 + (1.0 if p["b"] == 20 and p["c"] == 1 else 0.0), rng)
    effects = main_effects(frame, "y", ["a", "b", "c"], resamples=200).set_index("term")
    assert effects.loc["a", "effect"] == pytest.approx(4, abs=0.1)
    # Noise sd 0.1 over 8 runs per cell: the interval is narrow but not empty.
    assert 0 < effects.loc["a", "ci_upper"] - effects.loc["a", "ci_lower"] < 0.3
    assert effects.loc["b", "effect"] == pytest.approx(-0.5, abs=0.1)
    assert effects.loc["c", "effect"] == pytest.approx(0.5, abs=0.1)
    assert effects.loc["b × c", "effect"] == pytest.approx(1, abs=0.1)
    # No a × b interaction: only noise, whose sd here is 0.1 / √16 × 2 = 0.05 (4 corners of 16 runs).
    assert effects.loc["a × b", "effect"] == pytest.approx(0, abs=0.2)
    assert effects.index[0] == "a"


def test_prcc_ranks_a_monotone_driver_near_one_and_noise_near_zero():
    rng = np.random.default_rng(3)
    n = 40
    # A Latin hypercube: each column a permutation of n strata.
    design = [{"x1": (rng.permutation(n)[i] + 0.5) / n} for i in range(n)]
    x2 = rng.permutation(n)
    x3 = rng.permutation(n)
    for i, point in enumerate(design):
        point["x2"] = (x2[i] + 0.5) / n
        point["x3"] = (x3[i] + 0.5) / n
    frame = long_frame(design, 2, lambda p: np.exp(3 * p["x1"]) - 2 * p["x2"], rng)
    result = prcc(frame, "y", ["x1", "x2", "x3"], resamples=300).set_index("parameter")
    assert result.loc["x1", "prcc"] > 0.9
    assert result.loc["x2", "prcc"] < -0.5
    assert result.loc["x3", "ci_lower"] < 0 < result.loc["x3", "ci_upper"]
    assert list(result.index[:2]) == ["x1", "x2"]


def test_too_few_points_for_prcc_is_an_error():
    frame = pd.DataFrame({"point": [0, 1, 2], "status": "ok", "x1": [1, 2, 3], "x2": [3, 1, 2],
                          "metric": "y", "value": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="more points than parameters"):
        prcc(frame, "y", ["x1", "x2"])
