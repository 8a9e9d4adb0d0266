#!/usr/bin/env python
"""Benchmark compare_story: time and peak memory for generated stories of 5, 50 and 500 articles.

Stories are generated, deterministically, from a pool of realistic news sentences about one event:
each fact has two or three phrasings; every article picks a subset of the facts in its own order,
a phrasing for each, and rewrites it the way outlets do (a changed figure, date or weekday, one to
four synonyms, a source tail such as ", officials said", an opening phrase, a dropped closing
clause), with a headline and filler sentences of its own. Few sentences come out identical, so the
alignment cannot lean on collapsing wire copy. The text layer
(build_doc) is built first and not timed; only compare_story is.

    python scripts/bench_compare.py                 # sizes 5 50 500
    python scripts/bench_compare.py --sizes 5 50 --repeat 3

Each size runs in a fresh child process. Time is the best of --repeat runs, wall clock and CPU time
of this process (the machine is shared: CPU time is the steadier figure under load). Peak memory
is what compare_story adds on top of the process's resident memory once the story is loaded: the
high-water mark (ru_maxrss) after the runs minus the resident size (VmRSS) just before them; the
child's resident size after its first (warm-up) comparison and the heavy libraries it has imported
by then (scikit-learn, scipy, nltk, textstat: none since session 3) are printed below the table. With
--trace, a further run under tracemalloc reports the peak of Python and numpy allocations made by
compare_story itself (exact, but tracing makes that run several times slower).
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
         ("said", "claimed"), ("officials", "authorities"), ("fighting", "hostilities"),
         ("talks", "negotiations"), ("border", "frontier"), ("attack", "assault"), ("army", "military"),
         ("minister", "official"), ("country", "nation"), ("died", "lost their lives"),
         ("stressed", "underlined"), ("began", "started"), ("ended", "concluded")]
PREFIXES = ["Meanwhile, ", "Separately, ", "Earlier, ", "In a further development, ", "Officials say ",
            "Reports say ", "According to local media, ", "It emerged that "]
TAILS = [", officials said", ", according to reports", ", sources said", ", the ministry said",
         ", a spokesman said", ", state media reported", ", witnesses said"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, k: int) -> Article:
    facts = rng.sample(range(len(FACTS)), rng.randint(10, len(FACTS)))
    lines = [rng.choice(HEADLINES)]
    body = []
    for f in facts:
        text = rng.choice(FACTS[f])
        text = text.format(n=rng.choice([23, 23, 23, 25, 200, 12]), d=rng.choice([11, 12, 15, 19, 25]),
                           w=rng.choice(WEEKDAYS))
        # each outlet rewrites the shared facts a little: synonyms, a source, an opening phrase
        for a, b in rng.sample(SWAPS, rng.randint(1, 4)):
            text = text.replace(a, b, 1)
        if rng.random() < 0.15 and ", " in text and len(text.rsplit(", ", 1)[0].split()) >= 6:
            text = text.rsplit(", ", 1)[0] + "."
        if rng.random() < 0.35:
            text = text.rstrip(".") + rng.choice(TAILS) + "."
        if rng.random() < 0.25:
            text = rng.choice(PREFIXES) + text[0].lower() + text[1:]
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


def _rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(analyses, repeat: int, trace: bool = False) -> dict:
    import resource

    story = Story(name="bench", articles=tuple(a.article for a in analyses))
    gc.collect()
    before = _rss_mib()
    best = best_cpu = math.inf
    result = None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        result = compare_story(analyses, story)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before
    out = {"seconds": best, "cpu_seconds": best_cpu, "peak_rss_mib": max(0.0, peak_rss), "claims": len(result.claims),
           "disagreements": len(result.disagreements),
           "units": sum(r.units for r in result.articles)}
    if trace:
        result = None
        gc.collect()
        tracemalloc.start()
        compare_story(analyses, story)
        out["traced_peak_mib"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return out


HEAVY = ("sklearn", "scipy", "nltk", "textstat")


def child(n: int, seed: int, repeat: int, trace: bool) -> dict:
    measure(make_story(3, seed), 1)  # imports and cached data files are not charged to the story
    warm_rss = _rss_mib()
    heavy = sorted(m for m in sys.modules if m in HEAVY)
    t = time.perf_counter()
    analyses = make_story(n, seed)
    t_doc = time.perf_counter() - t
    res = measure(analyses, repeat, trace)
    res.update(n=n, words=sum(a.doc.word_count for a in analyses), build_doc_seconds=t_doc,
               warm_rss_mib=warm_rss, heavy_imports=heavy)
    return res


def main(argv=None) -> int:
    import json
    import subprocess

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--trace", action="store_true", help="also measure tracemalloc peak (slow)")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.seed, args.repeat, args.trace)))
        return 0
    rows = []
    head = (f"{'articles':>8} {'words':>8} {'units':>7} {'claims':>7} {'seconds':>8} {'cpu s':>7} {'peak MiB':>9} "
            + (f"{'traced MiB':>10} " if args.trace else "") + f"{'disagree':>8} {'build_doc s':>11}")
    print(head)
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--child", str(n), "--seed", str(args.seed), "--repeat", str(args.repeat)]
        if args.trace:
            cmd.append("--trace")
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        rows.append(r)
        print(f"{r['n']:>8} {r['words']:>8} {r['units']:>7} {r['claims']:>7} {r['seconds']:>8.2f} {r['cpu_seconds']:>7.2f} "
              f"{r['peak_rss_mib']:>9.1f} " + (f"{r['traced_peak_mib']:>10.1f} " if args.trace else "")
              + f"{r['disagreements']:>8} {r['build_doc_seconds']:>11.2f}", flush=True)
    for r in rows:
        print(f"{r['n']} articles: child resident {r['warm_rss_mib']:.0f} MiB after the warm-up comparison; "
              f"heavy libraries imported: {', '.join(r['heavy_imports']) or 'none'}")
    for a, b in zip(rows, rows[1:]):
        k = math.log(b["n"] / a["n"])
        print(f"{a['n']} -> {b['n']} articles: time x{b['seconds'] / a['seconds']:.1f} "
              f"(exponent {math.log(b['seconds'] / a['seconds']) / k:.2f}), cpu x{b['cpu_seconds'] / a['cpu_seconds']:.1f} "
              f"(exponent {math.log(b['cpu_seconds'] / a['cpu_seconds']) / k:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
