"""Groups: claims that say the same thing form a side; sides that clash form a contested group.

Union-find over agree edges, strongest first, gives the sides; an agreement that would put two
claims that clash on one side is left out (agreement is not transitive: A ~ B and B ~ C while
A clashes with C keeps A and C apart). Union-find over contradict edges between sides then gives
the groups. Near-linear in the number of relations (each side's clash set is merged small into
large). A side's canonical claim is its most central member (largest sum of agreement scores;
earliest, then lowest id, on ties).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import polars as pl

_FAR = dt.date.max
SAME_MATTER = 0.55  # cosine above which a model-judged clash joins two sides into one group
GROUPS = pl.Schema({  # type: ignore[arg-type]
    "group_id": pl.Int64, "contested": pl.Boolean, "canonical": pl.Int64,
    "sides": pl.List(pl.List(pl.Int64)), "side_sources": pl.List(pl.Int64),
    "side_speakers": pl.List(pl.Int64), "sources": pl.List(pl.String),
    "speakers": pl.List(pl.String), "first_seen": pl.Date, "last_seen": pl.Date,
    "size": pl.Int64,
})


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_groups(claims: pl.DataFrame, relations: pl.DataFrame) -> pl.DataFrame:
    """Corroborated sides (2+ claims) and contested groups (2+ sides that clash)."""
    agree = relations.filter(pl.col("kind") == "agree")
    # A clash joins two sides into one matter only when they are about the same thing: a rule
    # fired, or the model's clash is between close claims (no chains of loose clashes).
    clash = relations.filter((pl.col("kind") == "contradict") & (
        (pl.col("method") != "model") | pl.col("similarity").is_null()
        | (pl.col("similarity") >= SAME_MATTER)))
    sides = _UnionFind()
    weight: dict[int, float] = defaultdict(float)
    against: dict[int, set[int]] = defaultdict(set)  # side root -> claims it clashes with
    for a, b in relations.filter(pl.col("kind") == "contradict").select("a", "b").iter_rows():
        against[a].add(b)
        against[b].add(a)
    for a, b, score in agree.sort("score", "a", "b", descending=[True, False, False]) \
            .select("a", "b", "score").iter_rows():
        ra, rb = sides.find(a), sides.find(b)
        if ra == rb:
            continue
        # Clashes are symmetric: looking through the smaller side's clash set is enough.
        (r_small, r_large) = (ra, rb) if len(against.get(ra, ())) <= len(against.get(rb, ())) \
            else (rb, ra)
        if any(sides.find(c) == r_large for c in against.get(r_small, ())):
            continue  # the two sides clash somewhere: they do not say the same thing
        sides.union(ra, rb)
        root = sides.find(ra)
        small, large = sorted((against.pop(ra, set()), against.pop(rb, set())), key=len)
        large |= small
        against[root] = large
        weight[a] += score
        weight[b] += score
    members: dict[int, list[int]] = defaultdict(list)
    involved = set(agree["a"]) | set(agree["b"]) | set(clash["a"]) | set(clash["b"])
    for c in sorted(involved):
        members[sides.find(c)].append(c)
    groups = _UnionFind()
    for side in members:
        groups.find(side)
    for a, b in clash.select("a", "b").iter_rows():
        sa, sb = sides.find(a), sides.find(b)
        if sa != sb:
            groups.union(sa, sb)
    by_group: dict[int, list[int]] = defaultdict(list)
    for side in members:
        by_group[groups.find(side)].append(side)

    info = {r["claim_id"]: r for r in claims.select(
        "claim_id", "source", "speaker", "published").iter_rows(named=True)}

    def centre(side: list[int]) -> int:
        return min(side, key=lambda c: (-weight[c], info[c]["published"] or _FAR, c))

    rows: list[dict[str, Any]] = []
    for side_roots in by_group.values():
        side_lists = sorted((sorted(members[s]) for s in side_roots), key=lambda s: (-len(s), s))
        contested = len(side_lists) > 1
        if not contested and len(side_lists[0]) < 2:
            continue  # a lone claim is no group
        everyone = [c for s in side_lists for c in s]
        dates = [info[c]["published"] for c in everyone if info[c]["published"] is not None]
        rows.append({
            "contested": contested,
            "canonical": centre(side_lists[0]),
            "sides": side_lists,
            "side_sources": [len({info[c]["source"] for c in s}) for s in side_lists],
            "side_speakers": [len({info[c]["speaker"] for c in s if info[c]["speaker"]})
                              for s in side_lists],
            "sources": sorted({info[c]["source"] for c in everyone}),
            "speakers": sorted({info[c]["speaker"] for c in everyone if info[c]["speaker"]}),
            "first_seen": min(dates) if dates else None,
            "last_seen": max(dates) if dates else None,
            "size": len(everyone),
        })
    rows.sort(key=lambda r: (not r["contested"], -len(r["sources"]), -r["size"], r["canonical"]))
    for i, r in enumerate(rows):
        r["group_id"] = i
    return pl.DataFrame(rows, schema=GROUPS)

