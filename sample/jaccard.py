#!/usr/bin/env python3
"""Measure word-5-gram Jaccard similarity between the sample articles (stdlib only).

Re-checks the numbers quoted in sample/README.md:

    python3 sample/jaccard.py                 # every pair with Jaccard >= 0.2
    python3 sample/jaccard.py --min 0.0       # every pair
    python3 sample/jaccard.py --check         # also verify everything in sample/expected.json

Reads sample/news/articles.jsonl (lines that are not a JSON object with a string "text" are
skipped, as the ingest rejects them) and sample/news/more/*.txt (first line title, body after it;
named "more/<file>"). The body is cleaned the way the pipeline's cleaner is meant to: page-debris
lines ("loading...", "A", "Baca juga: ...", "Editor : ...", "Simak juga ...", "Read more: ...",
"Advertisement") are dropped, then repeated paragraphs, then the text is lower-cased and split into
tokens = runs of letters/digits. Shingles are the sets of 5 consecutive tokens. "raw" is the same
measure without dropping debris lines or repeated paragraphs, i.e. what a cleaner that recognised
none of the debris would see.

--check also re-derives the rest of expected.json with a reference entity matcher (the surfaces of
"entity_variants", case-sensitive, whole words, on the cleaned body), so the file stays true when
the sample is edited.
"""
import argparse
import itertools
import json
import re
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent
SHINGLE = 5
DEBRIS = re.compile(
    r"^(loading\.*|a|a a a|advertisement"
    r"|baca juga\b.*|simak juga\b.*|editor\s*:.*|read more\s*:.*)$",
    re.IGNORECASE,
)
TOKEN = re.compile(r"[^\W_]+")


def load_articles():
    """Returns [(id, text)] in file order: JSONL records with a string text, then the .txt files."""
    articles = []
    with open(SAMPLE / "news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                articles.append((rec["id"], rec["text"]))
    for path in sorted((SAMPLE / "news" / "more").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        articles.append(("more/" + path.name, "\n".join(lines[1:])))
    return articles


def clean(text):
    """Drops debris lines, blank lines and repeated paragraphs."""
    seen, kept = set(), []
    for line in text.split("\n"):
        para = " ".join(line.split())
        if not para or DEBRIS.match(para) or para in seen:
            continue
        seen.add(para)
        kept.append(para)
    return "\n".join(kept)


def shingles(text):
    tokens = TOKEN.findall(text.lower())
    return {tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


def normalised(text):
    """Whitespace- and case-normalised text, the key of exact-duplicate detection."""
    return " ".join(text.split()).lower()


def reject_reason(line):
    """The reason the ingest should give for a JSONL line, or None when it is accepted."""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError:
        return "malformed_json"
    if not isinstance(rec, dict) or "text" not in rec:
        return "missing_text"
    return None if isinstance(rec["text"], str) else "wrong_type"


def entity_matcher(variants):
    """Returns text -> set of canonical names, matching each surface as a whole word."""
    patterns = [(name, re.compile(r"(?<![^\W_])" + re.escape(s) + r"(?![^\W_])"))
                for name, surfaces in variants.items() for s in surfaces]
    return lambda text: {name for name, p in patterns if p.search(text)}


def check_records(expected, texts):
    problems = []
    with open(SAMPLE / "news" / "articles.jsonl", encoding="utf-8") as f:
        lines = f.read().split("\n")[:-1]
    if len(lines) != expected["jsonl_lines"]:
        problems.append(f"{len(lines)} JSONL lines, expected {expected['jsonl_lines']}")
    reasons = {str(n): r for n, r in ((n, reject_reason(l)) for n, l in enumerate(lines, 1)) if r}
    if reasons != expected["rejects"]:
        problems.append(f"rejects {reasons} != expected {expected['rejects']}")
    accepted = [i for i in texts if not i.startswith("more/")]
    if accepted != expected["accepted"]:
        problems.append(f"accepted {accepted} != expected")
    distinct = sorted(set(accepted) - set(expected["canonical"]))
    if distinct != expected["distinct_stories"]:
        problems.append(f"distinct stories {distinct} != expected")
    for dup, canonical in expected["canonical"].items():
        if not any(dup in g and g[0] == canonical for g in
                   expected["exact_groups"] + expected["near_clusters"]):
            problems.append(f"canonical of {dup} is not the first of its group")

    bodies = {i: clean(texts[i]) for i in accepted}
    found = set()
    for surfaces in expected["entity_variants"].values():
        for s in surfaces:
            pattern = entity_matcher({s: [s]})
            if any(pattern(b) for b in bodies.values()):
                found.add(s)
    missing = [s for s in expected["entities_expected"] if s not in found]
    if missing:
        problems.append(f"entities not found: {missing}")
    match = entity_matcher(expected["entity_variants"])
    names = {i: match(b) for i, b in bodies.items()}
    for a, b in expected["pairs_expected"]:
        stats = expected["pair_stories"][f"{a} + {b}"]
        stories = [i for i in distinct if {a, b} <= names[i]]
        copies = sum(1 for i in accepted if {a, b} <= names[i])
        if stories != stats["stories"] or copies != stats["copies"]:
            problems.append(f"pair {a} + {b}: stories {stories}, copies {copies}")
    for a, b in expected["pairs_absent"]:
        if any({a, b} <= n for n in names.values()):
            problems.append(f"pair {a} + {b} should be absent")
    return problems


def check(expected, texts, cleaned, raw):
    """Verifies expected.json against the sample; returns the problems found."""
    problems = check_records(expected, texts)
    for group in expected["exact_groups"]:
        keys = {normalised(texts[i]) for i in group}
        if len(keys) != 1:
            problems.append(f"exact group {group} is not identical after normalisation")
    clusters = expected["near_clusters"] + expected["near_clusters_with_more"]
    for cluster in clusters:
        for a, b in itertools.combinations(cluster, 2):
            if jaccard(cleaned[a], cleaned[b]) < expected["near_min_jaccard"]:
                problems.append(f"near pair {a} {b}: {jaccard(cleaned[a], cleaned[b]):.3f}")
    for a, b in expected["must_not_merge"] + expected["must_not_merge_with_more"]:
        j = max(jaccard(cleaned[a], cleaned[b]), jaccard(raw[a], raw[b]))
        if j >= expected["must_not_merge_max_jaccard"]:
            problems.append(f"must-not-merge pair {a} {b}: {j:.3f}")
    grouped = {}
    for group in expected["exact_groups"] + clusters:
        for i in group:
            grouped.setdefault(i, set()).update(group)
    for a, b in itertools.combinations(cleaned, 2):
        if b in grouped.get(a, ()):
            continue
        j = jaccard(cleaned[a], cleaned[b])
        if j >= expected["must_not_merge_max_jaccard"]:
            problems.append(f"unexpected similar pair {a} {b}: {j:.3f}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min", type=float, default=0.2, help="print pairs at or above this")
    parser.add_argument("--check", action="store_true", help="verify sample/expected.json")
    args = parser.parse_args()

    articles = load_articles()
    texts = dict(articles)
    cleaned = {i: shingles(clean(t)) for i, t in articles}
    raw = {i: shingles(t) for i, t in articles}
    print(f"{len(articles)} articles; pairs with cleaned Jaccard >= {args.min}:")
    print(f"{'a':<18}{'b':<18}{'cleaned':>8}{'raw':>8}")
    for (a, _), (b, _) in itertools.combinations(articles, 2):
        j = jaccard(cleaned[a], cleaned[b])
        if j >= args.min:
            print(f"{a:<18}{b:<18}{j:>8.3f}{jaccard(raw[a], raw[b]):>8.3f}")
    if args.check:
        expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
        problems = check(expected, texts, cleaned, raw)
        for p in problems:
            print("FAIL", p)
        print("check:", "FAILED" if problems else "ok")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
