"""Agreement figures: Cohen's kappa and Krippendorff's alpha through nltk, checked against values
computed by hand, with the undefined cases named instead of printed as numbers."""
from __future__ import annotations

import pytest

from framing.web.agreement import choice_spread, cohen_kappa, krippendorff_alpha


def coding(both, only_a, only_b, neither):
    a = [1] * both + [1] * only_a + [0] * only_b + [0] * neither
    b = [1] * both + [0] * only_a + [1] * only_b + [0] * neither
    return a, b


def test_kappa_matches_the_textbook_formula():
    a, b = coding(20, 5, 10, 15)
    k = cohen_kappa(a, b)
    # po = 35/50 = .7; pa = .5, pb = .6; pe = .5*.6 + .5*.4 = .5; kappa = (.7 - .5) / .5 = .4
    assert k.value == pytest.approx(0.4)
    assert (k.both, k.only_a, k.only_b, k.neither, k.n) == (20, 5, 10, 15, 50)
    assert k.low < 0.4 < k.high and k.high - k.low < 0.6
    assert cohen_kappa(a, a).value == pytest.approx(1.0)


def test_kappa_interval_narrows_with_more_words():
    small = cohen_kappa(*coding(4, 1, 2, 3))
    large = cohen_kappa(*coding(40, 10, 20, 30))
    assert small.value == pytest.approx(large.value)
    assert (small.high - small.low) > (large.high - large.low)


def test_undefined_kappa_says_why():
    k = cohen_kappa([0] * 30, [0] * 30)
    assert k.value is None and "nothing" in k.reason
    assert "undefined" in k.text()
    assert cohen_kappa([], []).value is None
    with pytest.raises(ValueError):
        cohen_kappa([1, 0], [1])


def alpha_by_hand(codings):
    """Nominal Krippendorff's alpha from the coincidence matrix (Krippendorff 2011), binary values."""
    from itertools import permutations

    units = len(codings[0])
    o = {(0, 0): 0.0, (0, 1): 0.0, (1, 0): 0.0, (1, 1): 0.0}
    for u in range(units):
        values = [c[u] for c in codings]
        m = len(values)
        for i, j in permutations(range(m), 2):
            o[(values[i], values[j])] += 1 / (m - 1)
    n0 = o[(0, 0)] + o[(0, 1)]
    n1 = o[(1, 0)] + o[(1, 1)]
    n = n0 + n1
    do = o[(0, 1)] + o[(1, 0)]
    de = 2 * n0 * n1 / (n - 1)
    return 1 - do / de


def test_alpha_matches_the_coincidence_matrix():
    codings = [[1, 1, 0, 0, 1, 0, 0, 0, 1, 0],
               [1, 0, 0, 0, 1, 0, 0, 1, 1, 0],
               [1, 1, 0, 0, 0, 0, 0, 0, 1, 0]]
    a = krippendorff_alpha(codings)
    assert a.value == pytest.approx(alpha_by_hand(codings), abs=1e-9)
    assert (a.coders, a.units, a.marks) == (3, 10, 11)


def test_alpha_undefined_cases():
    assert krippendorff_alpha([[1, 0, 1]]).reason == "needs at least two students"
    assert krippendorff_alpha([[0, 0], [0, 0]]).value is None
    assert "two students" in krippendorff_alpha([]).text() or krippendorff_alpha([]).value is None


def test_choice_spread():
    c = choice_spread(["security", "diplomacy", "security", ""])
    assert c.total == 3 and c.modal == "security" and c.modal_share == pytest.approx(2 / 3)


def test_nltk_needs_no_downloaded_data(monkeypatch):
    import nltk

    monkeypatch.setattr(nltk, "download", lambda *a, **k: pytest.fail("nltk.download was called"))
    monkeypatch.setattr(nltk.data, "path", ["/nonexistent"])
    assert cohen_kappa(*coding(3, 1, 1, 5)).value is not None
