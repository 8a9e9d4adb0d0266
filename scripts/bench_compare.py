#!/usr/bin/env python
"""Benchmark compare_story: time and peak memory for generated stories of 5, 50 and 500 articles.

Stories are generated, deterministically, from a pool of realistic news sentences about one event:
each fact has two or three phrasings; every article picks a subset of the facts in its own order,
a phrasing for each, and perturbs it the way outlets do (a changed figure or date, a loaded synonym,
a dropped trailing clause), with a headline and filler sentences of its own. The text layer
(build_doc) is built first and not timed; only compare_story is.

    python scripts/bench_compare.py                 # sizes 5 50 500
    python scripts/bench_compare.py --sizes 5 50 --repeat 3

Time is the best of --repeat runs (wall clock, no tracing). Peak memory is measured in a separate
run under tracemalloc (Python and numpy allocations made during compare_story), since tracing
slows the code down.
"""
from __future__ import annotations

import argparse
import gc
import math
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing.compare import compare_story  # noqa: E402
from framing.model import Article, ArticleAnalysis, Story  # noqa: E402
from framing.text import build_doc  # noqa: E402

# {n}: a casualty figure, {d}: a day of the month, {w}: a weekday. Each fact: phrasings.
FACTS = [
    ["Militants attacked an army checkpoint near the border on {w}, killing {n} soldiers, the military said.",
     "On {w}, {n} soldiers were killed when militants stormed a checkpoint close to the border, according to the army.",
     "The army said {n} of its soldiers died in a militant assault on a border checkpoint on {w}."],
    ["The two governments agreed to a ceasefire on October {d} after talks mediated by Qatar.",
     "A ceasefire was reached on October {d} in talks brokered by Qatar.",
     "Qatar brokered a truce between the two sides, which took effect on October {d}."],
    ["Clashes erupted along the frontier on the night of October {d} and continued into the morning.",
     "The border clashes began on October {d} after an attack on several border posts.",
     "Fighting broke out on the frontier on October {d}, officials said."],
    ["The second round of talks began in Istanbul on October {d}.",
     "Negotiators met again in Istanbul for a second round of negotiations on October {d}."],
    ["More than {n} militants were killed in retaliatory strikes, officials said.",
     "Officials said retaliatory air strikes killed at least {n} fighters.",
     "As many as {n} insurgents died in the strikes that followed, according to security sources."],
    ["The foreign minister said his country would not tolerate cross-border terrorism.",
     "Cross-border terrorism will not be tolerated, the foreign minister warned."],
    ["Aid agencies said thousands of families had fled their homes in the border districts.",
     "Thousands of families have been displaced from border districts, aid groups said."],
    ["The talks collapsed after four days without a written agreement.",
     "After four days of negotiations, the talks ended without a deal."],
    ["The United Nations urged both sides to show restraint and return to dialogue.",
     "UN officials called on the two neighbours to exercise restraint and resume talks."],
    ["Trade through the main border crossing has been suspended since the fighting began.",
     "The main crossing has stayed closed to trade since the clashes started."],
    ["Iran offered on {w} to mediate between the two neighbours.",
     "Tehran said on {w} it was ready to help resolve the dispute between the two countries."],
    ["The interior minister met the Iranian president in Tehran to discuss border security.",
     "Border security topped the agenda when the interior minister held talks with Iran's president in Tehran."],
    ["The government accused the Taliban of sheltering militants on Afghan soil.",
     "Officials accused the Taliban administration of harbouring armed groups inside Afghanistan, a charge Kabul denies."],
    ["Schools in the border towns remained closed for a {n}th day.",
     "Border-town schools stayed shut for the {n}th consecutive day."],
    ["Hospitals in the region treated {n} wounded civilians, health officials said.",
     "Health officials said {n} injured civilians were brought to hospitals in the area."],
    ["The defence minister blamed elements in Kabul for the failure of the negotiations.",
     "Kabul was responsible for the collapse of the talks, the defence minister said in a television interview."],
    ["Pakistan submitted a counterterrorism framework to the Taliban delegation during the talks.",
     "During the negotiations, Islamabad handed the Taliban delegation a proposed counterterrorism framework."],
    ["Mediators Turkey and Qatar stepped in to revive the stalled process after the talks broke down.",
     "After the breakdown, Turkish and Qatari mediators tried to restart the stalled process."],
    ["A joint statement announced that a high-level meeting would be held in Istanbul on November {d}.",
     "Further decisions will be taken at a high-level meeting in Istanbul on November {d}, a joint statement said."],
    ["The Taliban government denied that militants were operating from Afghan territory.",
     "Kabul rejected accusations that armed groups use Afghan soil to launch attacks across the border."],
    ["Both sides stressed the need for dialogue and regional cooperation to tackle shared threats.",
     "The two sides emphasised dialogue and closer regional cooperation against common security threats."],
    ["The president said his country attached special importance to its relations with its neighbour.",
     "Relations with the neighbouring country carry special importance, the president told the visiting minister."],
    ["Officials said the border would remain closed until security guarantees were given.",
     "The crossing will stay shut until there are guarantees of security, according to officials."],
    ["The prime minister chaired an emergency meeting of the national security committee on {w}.",
     "On {w}, the national security committee met in an emergency session chaired by the prime minister."],
    ["Thousands of people attended the funerals of the soldiers in their home villages.",
     "Large crowds gathered in the soldiers' home villages for their funerals."],
]
FILLER = [
    "Analysts said the dispute had deep roots in decades of mistrust.",
    "Residents described a night of heavy gunfire and explosions.",
    "The statement did not say how many people had been arrested.",
    "Markets in the capital were quiet as traders waited for news.",
    "Opposition leaders demanded a debate in parliament on the crisis.",
    "A spokesman declined to comment on the reports.",
    "The region has seen repeated violence over the past year.",
    "Several flights were cancelled because of the security situation.",
    "Local journalists said communication lines had been cut for hours.",
    "The ministry promised compensation for families who lost their homes.",
    "Prices of flour and cooking oil rose sharply in the border markets.",
    "The information ministry said it would brief foreign diplomats later in the week.",
    "Some lawmakers called for an inquiry into intelligence failures before the attack.",
    "Television channels broadcast footage of damaged buildings and burned vehicles.",
    "Religious leaders appealed for calm and urged people not to spread rumours online.",
    "Exporters warned that the closure was costing them millions every day.",
    "The weather made it difficult for rescue teams to reach remote villages.",
    "Diplomats from several countries held consultations in the capital.",
    "The stock exchange fell by more than two percent in early trading.",
    "Human rights groups urged both governments to protect civilians in the border areas.",
]
HEADLINES = [
    "Border clashes leave soldiers dead as ceasefire talks stall",
    "Ceasefire holds after deadly week on the frontier",
    "Neighbours trade blame as talks collapse",
    "Iran offers to mediate in border dispute",
    "Militants killed in retaliatory strikes, army says",
]
SWAPS = [("killed", "martyred"), ("government", "regime"), ("militants", "terrorists"),
         ("said", "claimed"), ("officials", "authorities"), ("fighting", "hostilities")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, k: int) -> Article:
    facts = rng.sample(range(len(FACTS)), rng.randint(10, len(FACTS)))
    lines = [rng.choice(HEADLINES)]
    body = []
    for f in facts:
        text = rng.choice(FACTS[f])
        text = text.format(n=rng.choice([23, 23, 23, 25, 200, 12]), d=rng.choice([11, 12, 15, 19, 25]),
                           w=rng.choice(WEEKDAYS))
        if rng.random() < 0.3:
            a, b = rng.choice(SWAPS)
            text = text.replace(a, b, 1)
        if rng.random() < 0.15 and ", " in text and len(text.rsplit(", ", 1)[0].split()) >= 6:
            text = text.rsplit(", ", 1)[0] + "."
        body.append(text)
    body += rng.sample(FILLER, rng.randint(3, 10))
    rng.shuffle(body)
    # paragraphs of one to three sentences
    i = 0
    while i < len(body):
        n = rng.randint(1, 3)
        lines.append(" ".join(body[i:i + n]))
        i += n
    month, day = 10, rng.randint(20, 31)
    return Article(id=f"a{k:04d}", text="\n".join(lines), outlet=f"Outlet {k:04d}",
                   date=f"2025-{month:02d}-{day:02d}")


def make_story(n: int, seed: int) -> list[ArticleAnalysis]:
    rng = random.Random(seed * 1000 + n)
    return [ArticleAnalysis(article=a, doc=build_doc(a)) for a in (make_article(rng, k) for k in range(n))]


def measure(analyses, repeat: int) -> tuple[float, float, object]:
    story = Story(name="bench", articles=tuple(a.article for a in analyses))
    best = math.inf
    result = None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = compare_story(analyses, story)
        best = min(best, time.perf_counter() - t)
    gc.collect()
    tracemalloc.start()
    compare_story(analyses, story)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 2**20, result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    # warm up imports and cached data files so the first size is not charged for them
    measure(make_story(3, args.seed), 1)
    rows = []
    print(f"{'articles':>8} {'words':>8} {'units':>7} {'claims':>7} {'seconds':>8} {'peak MiB':>9} "
          f"{'disagree':>8} {'build_doc s':>11}")
    for n in args.sizes:
        t = time.perf_counter()
        analyses = make_story(n, args.seed)
        t_doc = time.perf_counter() - t
        seconds, peak, res = measure(analyses, args.repeat)
        words = sum(a.doc.word_count for a in analyses)
        units = sum(r.units for r in res.articles)
        rows.append((n, words, seconds, peak))
        print(f"{n:>8} {words:>8} {units:>7} {len(res.claims):>7} {seconds:>8.2f} {peak:>9.1f} "
              f"{len(res.disagreements):>8} {t_doc:>11.2f}", flush=True)
    for (n1, w1, s1, p1), (n2, w2, s2, p2) in zip(rows, rows[1:]):
        print(f"{n1} -> {n2} articles: time x{s2 / s1:.1f} (exponent {math.log(s2 / s1) / math.log(n2 / n1):.2f}), "
              f"memory x{p2 / p1:.1f} (exponent {math.log(p2 / p1) / math.log(n2 / n1):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
