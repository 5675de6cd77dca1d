"""A deterministic generator of realistic news corpora with a manifest of what was planted.

    python benchmarks/make_corpus.py OUT_DIR --articles N [--seed S] [--files-per-dir K]
        [--articles-per-file M] [--conflict-rate R] [--syndication-rate R]

Every figure comes from one table of true values (entity x metric x period), so articles
agree with each other even when they round, change units or hedge: those restatements are
traps a checker must never flag. A small share of articles carries a planted conflict (a
value more than 5% off the truth, written precisely), and some articles are reprinted in
other files with desk edits (syndication: one source, not several). Traps of other kinds
sit inside articles: crude-only next to crude plus condensate, a quota next to output, the
previous month next to the last, a forecast against an actual.

The same seed and size give byte-identical files. OUT_DIR/manifest.json lists the planted
conflicts, the traps and the reprints with file and 1-based line of every figure.

Python use: generate(out_dir, n) writes a corpus and returns its Manifest;
generate_articles(n, seed) yields (relative path, file text) in memory and exposes the
manifest as `.manifest` once iterated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import math
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_templates as T  # noqa: E402

FIRST_DATE = dt.date(2025, 3, 3)       # monthly figures named in articles all fall in 2025
LAST_DATE = dt.date(2025, 12, 19)
KINDS = (("txt", 45), ("jsonl", 20), ("html", 20), ("md", 15))
PLANT_MIN, PLANT_MAX = 0.07, 0.15     # a planted value is this far off the truth
FORECAST_MIN, FORECAST_MAX = 0.06, 0.12
RESTATEMENT_TRAPS_PER_KEY = 6
TRAPS_PER_PAIRING = 3

class FastRandom(random.Random):
    """random.Random whose choice() costs one random() call: the generator makes millions."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


# ---- figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class Fig:
    """A value m * 10**e held exactly; m has the series' significant digits."""

    m: int
    e: int

    @property
    def value(self) -> float:
        return self.m * 10 ** self.e if self.e >= 0 else self.m / 10 ** (-self.e)


def _tie(m: int, sig: int) -> bool:
    # A value that sits exactly half way when rounded to fewer digits would make two
    # honest roundings touch only at a boundary; the truth table never holds one.
    return any(m % 10 ** d == 5 * 10 ** (d - 1) for d in range(1, sig - 1))


def quantize(x: float, sig: int) -> Fig:
    e = math.floor(math.log10(x)) - sig + 1
    m = round(x / 10 ** e)
    if m >= 10 ** sig:
        m, e = round(m / 10), e + 1
    while _tie(m, sig):
        m += 1
    return Fig(m, e)


def _round(f: Fig, sig: int, mode: str = "near") -> Fig:
    digits = len(str(f.m))
    if sig >= digits:
        return f
    drop = digits - sig
    p = 10 ** drop
    m = {"near": (f.m + p // 2) // p, "floor": f.m // p, "ceil": -(-f.m // p)}[mode]
    return Fig(m, f.e + drop)


def _num(f: Fig, scale: int) -> str:
    """f / 10**scale written with thousands separators, trailing decimal zeros dropped."""
    p = f.e - scale
    if p >= 0:
        return f"{f.m * 10 ** p:,}"
    s = str(f.m).rjust(-p + 1, "0")
    ip, fp = s[:p], s[p:].rstrip("0")
    return f"{int(ip):,}" + ("." + fp if fp else "")


def _shown_half(text_num: str, scale: int) -> float:
    """Half a unit of the last nonzero digit written: the widest honest reading."""
    digits = text_num.replace(",", "")
    if "." in digits:
        dec = len(digits.split(".")[1])
        return 0.5 * 10 ** (scale - dec)
    stripped = digits.rstrip("0")
    return 0.5 * 10 ** (scale + len(digits) - len(stripped))


@dataclass(frozen=True)
class Rendered:
    text: str
    hedged: bool
    exact: bool          # the written number equals the true value
    half: float          # half a unit of the last nonzero digit written, canonical units


FLOW_WORDS = ("barrels per day", "barrels a day", "bpd", "b/d", "barrels per day (bpd)")
UNIT_SCALE = {"bbl/d": 6, "%": 0, "USD": 9, "m3": 9, "t": 6, "t/yr": 6}
APPROX = ("about", "around", "roughly", "some", "approximately")
ABOVE = ("more than", "over", "above")
BELOW = ("nearly", "almost", "just under", "just below")


def _wrap(unit: str, num: str, rng: random.Random, small_flow: bool = False) -> str:
    if unit == "bbl/d":
        if small_flow:
            return f"{num} {rng.choice(FLOW_WORDS)}"
        return f"{num} million {rng.choice(FLOW_WORDS)}"
    if unit == "%":
        return num + rng.choice(("%", "%", " percent", " per cent"))
    if unit == "USD":
        return rng.choice((f"${num} billion", f"${num} billion", f"${num}bn",
                           f"US${num} billion"))
    if unit == "m3":
        return rng.choice((f"{num} billion cubic metres", f"{num} bcm",
                           f"{num} billion cubic meters (bcm)"))
    if unit == "t":
        return rng.choice((f"{num} million tonnes", f"{num} million metric tons",
                           f"{num} mln tonnes", f"{num} million tons"))
    if unit == "t/yr":
        return rng.choice((f"{num} million metric tons a year", f"{num} million tonnes per year",
                           f"{num} million tonnes a year"))
    raise ValueError(unit)


def render(f: Fig, unit: str, style: str, rng: random.Random) -> Rendered:
    """Write a true value as copy would: exactly, rounded, hedged or as a range.

    Every form stands for an interval that holds the true value, so honest restatements
    can always meet. Integers with trailing zeros are written only when exact or hedged,
    because their precision cannot be read from the page.
    """
    scale = UNIT_SCALE[unit]
    small = unit == "bbl/d" and f.value < 1e6
    if small:
        scale = 0
    sig = len(str(f.m))
    if style == "exact":
        pick = rng.random()
        if unit == "bbl/d" and pick < 0.3 and "." not in _num(f, 3):
            # kb/d, or every barrel spelt out: written only at the series' full precision
            if pick < 0.15:
                k = _num(f, 3)
                text = f"{k} {rng.choice(('kb/d', 'kb/d', 'thousand barrels per day'))}"
                return Rendered(text, False, True, _shown_half(k, 3))
            num = _num(f, 0)
            return Rendered(f"{num} {rng.choice(FLOW_WORDS)}", False, True, _shown_half(num, 0))
        num = _num(f, scale)
        return Rendered(_wrap(unit, num, rng, small), False, True, _shown_half(num, scale))
    if style == "round":
        for s in range(sig - 1, 1, -1):
            r = _round(f, s)
            num = _num(r, scale)
            if num[-1] != "0" and not (small and "." not in num):
                return Rendered(_wrap(unit, num, rng, small), False, r == f,
                                _shown_half(num, scale))
        return render(f, unit, "exact", rng)
    if style == "hedge":
        kind = rng.random()
        coarse = max(1, min(2, sig - 1)) if unit == "%" else 2
        if kind < 0.45:
            r = _round(f, coarse)
            word = rng.choice(APPROX)
        elif kind < 0.7:
            r = _round(f, coarse, "floor")
            word = rng.choice(ABOVE) if r.value < f.value else rng.choice(APPROX)
        elif kind < 0.8:
            r = _round(f, coarse, "floor")
            word = "at least"
        else:
            r = _round(f, coarse, "ceil")
            if r.value > f.value and (r.value - f.value) / r.value <= 0.03:
                word = rng.choice(BELOW)
            else:
                r, word = _round(f, coarse), rng.choice(APPROX)
        text = f"{word} {_wrap(unit, _num(r, scale), rng, small)}"
        return Rendered(text, True, False, _shown_half(_num(r, scale), scale))
    if style == "range":
        lo, hi = _round(f, 2, "floor"), _round(f, 2, "ceil")
        if lo == hi:
            return render(f, unit, "hedge", rng)
        a, b = _num(lo, scale), _num(hi, scale)
        if unit == "bbl/d" and not small:
            text = rng.choice((f"between {a} million and {b} million {rng.choice(FLOW_WORDS)}",
                               f"between {a} and {b} million {rng.choice(FLOW_WORDS)}"))
        elif unit == "%":
            text = f"between {a}% and {b}%"
        else:
            pattern = _wrap(unit, "{}", rng, small)
            text = f"between {pattern.format(a)} and {pattern.format(b)}"
        return Rendered(text, True, False, 0.0)
    raise ValueError(style)


def _sharp(r: Rendered, value: float) -> bool:
    """Precise enough, read as widely as its digits allow, to witness a 5% conflict."""
    return not r.hedged and r.half / value < 0.003


# ---- periods ---------------------------------------------------------------------------


def _month_index(y: int, m: int) -> int:
    return (y - 2024) * 12 + (m - 1)


def _ym(idx: int) -> tuple[int, int]:
    return 2024 + idx // 12, idx % 12 + 1


@dataclass(frozen=True)
class Period:
    kind: str           # "M" month, "Q" quarter, "Y" year, "" none
    year: int = 0
    n: int = 0          # month 1-12 or quarter 1-4

    def __str__(self) -> str:
        if self.kind == "M":
            return f"{self.year}-{self.n:02d}"
        if self.kind == "Q":
            return f"{self.year}-Q{self.n}"
        if self.kind == "Y":
            return str(self.year)
        return ""

    def months(self) -> list[int]:
        if self.kind == "M":
            return [_month_index(self.year, self.n)]
        if self.kind == "Q":
            return [_month_index(self.year, 3 * self.n - 2 + i) for i in range(3)]
        return [_month_index(self.year, m) for m in range(1, 13)]


NO_PERIOD = Period("")


def month_before(d: dt.date, k: int = 1) -> Period:
    y, m = _ym(_month_index(d.year, d.month) - k)
    return Period("M", y, m)


def phrase(p: Period, d: dt.date, rng: random.Random) -> str:
    """The period as copy dated d would say it, relative or explicit."""
    if p.kind == "M":
        name = T.MONTH_NAMES[p.n - 1]
        gap = _month_index(d.year, d.month) - _month_index(p.year, p.n)
        if gap == 1:
            return rng.choice(("last month", "last month", f"in {name}", f"in {name} {p.year}"))
        if gap == -1:
            return rng.choice(("next month", f"in {name}")) if p.year == d.year else f"in {name} {p.year}"
        if p.year == d.year:
            return rng.choice((f"in {name}", f"in {name}", f"during {name}", f"in {name} {p.year}"))
        return f"in {name} {p.year}"
    if p.kind == "Q":
        o = T.ORDINAL_QUARTER[p.n - 1]
        if p.year == d.year:
            return rng.choice((f"in the {o} quarter", f"in the {o} quarter of the year",
                               f"in Q{p.n}", f"in the {o} quarter of {p.year}"))
        return rng.choice((f"in the {o} quarter of {p.year}", f"in Q{p.n} {p.year}"))
    if p.kind == "Y":
        if p.year == d.year - 1:
            return rng.choice(("last year", f"in {p.year}", f"for the whole of {p.year}",
                               f"in {p.year} as a whole"))
        if p.year == d.year:
            return rng.choice(("this year", f"in {p.year}"))
        return f"in {p.year}"
    return ""


# ---- the table of true values -----------------------------------------------------------


class Truth:
    """entity x metric x unit x period -> Fig, with forecasts that miss the actual."""

    def __init__(self, seed: int):
        rng = random.Random(f"truth|{seed}")
        self.seed = seed
        self.series: dict[tuple[str, str, str], tuple[str, int, object]] = {}
        for ent, metric, unit, base, sig, cadence, vol in T.SERIES:
            if cadence == "month":
                raw, x = [], base
                for _ in range(12 * 3):
                    x *= 1 + rng.gauss(0, vol)
                    raw.append(x)
                data: object = raw
            elif cadence == "year":
                data = {2024: base * (1 + rng.gauss(0, vol))}
            else:
                data = base
            self.series[(ent, metric, unit)] = (cadence, sig, data)
        self._cache: dict = {}

    def has(self, ent: str, metric: str, unit: str = "bbl/d") -> bool:
        return (ent, metric, unit) in self.series

    def unit_of(self, ent: str, metric: str) -> str:
        for (e, m, u) in self.series:
            if e == ent and m == metric:
                return u
        return ""

    def get(self, ent: str, metric: str, unit: str, p: Period) -> Fig | None:
        key = (ent, metric, unit, p)
        if key in self._cache:
            return self._cache[key]
        s = self.series.get((ent, metric, unit))
        out = None
        if s is not None:
            cadence, sig, data = s
            if cadence == "fixed":
                out = self._q(data, sig, unit)
            elif cadence == "year" and p.kind == "Y" and p.year in data:
                out = self._q(data[p.year], sig, unit)
            elif cadence == "month" and p.kind in "MQY" and p.kind:
                idx = p.months()
                if all(0 <= i < len(data) for i in idx):
                    out = self._q(sum(data[i] for i in idx) / len(idx), sig, unit)
        self._cache[key] = out
        return out

    def forecast(self, ent: str, metric: str, unit: str, p: Period) -> Fig | None:
        key = ("F", ent, metric, unit, p)
        if key in self._cache:
            return self._cache[key]
        cadence, sig, data = self.series[(ent, metric, unit)]
        if cadence == "month":
            idx = [i for i in p.months() if 0 <= i < len(data)]
            base = sum(data[i] for i in idx) / len(idx)
        elif cadence == "year":
            base = data[2024]
        else:
            base = data
        r = random.Random(f"forecast|{self.seed}|{ent}|{metric}|{unit}|{p}")
        miss = r.uniform(FORECAST_MIN, FORECAST_MAX) * (1 if r.random() < 0.6 else -1)
        out = self._q(base * (1 + miss), sig, unit)
        self._cache[key] = out
        return out

    @staticmethod
    def _q(x: float, sig: int, unit: str) -> Fig:
        # rates are printed to one decimal whatever their size
        return Fig(round(x * 10), -1) if unit == "%" else quantize(x, sig)

    def is_record(self, ent: str, metric: str, p: Period) -> bool:
        cadence, sig, data = self.series[(ent, metric, "bbl/d")]
        i = p.months()[0]
        now = self.get(ent, metric, "bbl/d", p).value
        return all(quantize(data[j], sig).value < now for j in range(0, i))


# ---- articles ----------------------------------------------------------------------


@dataclass
class Draft:
    uid: int
    headline: str
    outlet: str
    style: str
    authors: list[str]
    date: dt.date
    city: str
    paras: list[str] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)   # "_para": -1 headline, else index
    bullets: list[str] = field(default_factory=list)
    planted: bool = False
    reprint_of: int | None = None
    file: str = ""
    index: int = 0


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _lower_first(s: str) -> str:
    # only a leading function word is lowered: names keep their capitals
    first = s.split(" ", 1)[0]
    return s[0].lower() + s[1:] if first in ("The", "That", "Output", "Exports", "Flows",
                                              "Annual", "Crude", "Excluding", "Under",
                                              "Oil", "Once") else s


ENT_FORM = {"United States": "the United States", "Caspian Pipeline Consortium":
            "the Caspian Pipeline Consortium", "Tengiz": "the Tengiz field"}


def _slots(ent: str) -> dict:
    poss, dem, _ = T.ENTITIES[ent]
    return {"Ent": ENT_FORM.get(ent, ent), "Poss": poss, "Dem": dem or ENT_FORM.get(ent, ent)}


class Corpus:
    """Generates files one by one; `manifest` is complete once iteration ends."""

    def __init__(self, n_articles: int, seed: int = 0, files_per_dir: int = 200,
                 articles_per_file: int = 5, conflict_rate: float = 0.02,
                 syndication_rate: float = 0.08):
        if n_articles < 0 or files_per_dir < 1 or articles_per_file < 1:
            raise ValueError("sizes must be positive")
        self.n = n_articles
        self.seed = seed
        self.files_per_dir = files_per_dir
        self.per_file = articles_per_file
        self.conflict_rate = conflict_rate
        self.syndication_rate = syndication_rate
        self.rng = FastRandom(seed)
        self.truth = Truth(seed)
        self.target_plants = (max(1, round(conflict_rate * n_articles))
                              if conflict_rate > 0 and n_articles >= 10 else 0)
        self.planted: list[dict] = []
        self.traps: list[dict] = []
        self.syndicated: dict[int, dict] = {}
        self.witness: dict[tuple, list] = {}       # key -> [(claim, uid, sharp)]
        self.seen_texts: dict[tuple, set] = {}
        self.trap_count: dict[tuple, int] = {}
        self.originals: list[Draft] = []
        self.kinds: dict[str, int] = {}
        self.layout: list[tuple[str, int]] = []     # (path, articles in it), in order
        self.n_files = 0
        self.made = 0
        self.span = min((LAST_DATE - FIRST_DATE).days, 20 + n_articles // 20)
        self.manifest: Manifest | None = None

    # -- witness bookkeeping --------------------------------------------------------

    def _note(self, claim: dict, uid: int, sharp: bool) -> None:
        key = (claim["entity"], claim["metric"], claim["period"], claim["modality"])
        texts = self.seen_texts.setdefault(key, set())
        ws = self.witness.setdefault(key, [])
        other = next((w for w in ws if w[1] != uid and w[2]), None)
        if other and claim["text"] not in texts and \
                self.trap_count.get(key, 0) < RESTATEMENT_TRAPS_PER_KEY:
            self.trap_count[key] = self.trap_count.get(key, 0) + 1
            self._trap("restatement", [other[0], claim])
        texts.add(claim["text"])
        # a forecast and an actual of the same key are different claims
        flip = "actual" if claim["modality"] == "forecast" else "forecast"
        if claim["modality"] in ("actual", "forecast"):
            fkey = key[:3] + (flip,)
            fw = next((w for w in self.witness.get(fkey, ()) if w[1] != uid), None)
            if fw and self.trap_count.get(("fa",) + key[:3], 0) < 2:
                self.trap_count[("fa",) + key[:3]] = self.trap_count.get(("fa",) + key[:3], 0) + 1
                self._trap("forecast-vs-actual", [fw[0], claim])
        if len(ws) < 4:
            ws.append((claim, uid, sharp))

    def _trap(self, kind: str, claims: list[dict]) -> None:
        if any(c.get("_planted") for c in claims):
            return
        self.traps.append({"id": f"T{len(self.traps) + 1:06d}", "kind": kind, "_claims": claims})

    # -- article composition --------------------------------------------------------

    def _article(self, uid: int, date: dt.date) -> Draft:
        rng = self.rng
        outlet, style = rng.choice(T.OUTLETS)
        k = 2 if rng.random() < 0.25 else 1
        authors = rng.sample(T.AUTHORS, k)
        shape = rng.choices(("production", "exports", "outlook", "company", "macro",
                             "politics"), (30, 15, 15, 12, 10, 18))[0]
        d = Draft(uid, "", outlet, style, authors, date, "LONDON")
        due = len(self.planted) < self.target_plants * (uid + 1) / max(1, self.n)
        w = _Writer(self, d, rng, plant=due)
        getattr(w, shape)()
        w.close()
        return d

    def _reprint(self, uid: int, orig: Draft, date_fixed: dt.date | None) -> Draft:
        rng = self.rng
        outlet, style = rng.choice([o for o in T.OUTLETS if o[0] != orig.outlet])
        if date_fixed is not None and date_fixed != orig.date and style == "end":
            style = "top-dash"
        headline = orig.headline
        edits: set[str] = set()
        prefix = rng.choice(T.HEADLINE_REPRINT_PREFIX)
        if prefix:
            headline = prefix + headline
            edits.add("headline-prefix")
        else:
            headline = headline.upper() if headline != headline.upper() else headline.title()
            edits.add("headline-case")
        paras = list(orig.paras)
        to_us = rng.random() < 0.5
        swap = rng.sample(T.SPELLING, 3)
        claims_by_para: dict[int, list[str]] = {}
        for c in orig.claims:
            claims_by_para.setdefault(c["_para"], []).append(c["text"])
        for i, p in enumerate(paras):
            q = re.sub(r"\bU\.S\.(?=[\s,;:')])", "US", p) if to_us else \
                re.sub(r"\bUS\b(?!\$)", "U.S.", p)
            us_changed = q != p
            r = q
            for a, b in swap:
                a, b = (a, b) if to_us else (b, a)
                r = r.replace(a, b).replace(_cap(a), _cap(b))
            # a desk edit never touches a figure; a paragraph where it would stays as it was
            if all(t in r for t in claims_by_para.get(i, ())):
                if us_changed:
                    edits.add("US/U.S.")
                if r != q:
                    edits.add("spelling")
                paras[i] = r
        if len(paras) > 3 and (len(paras) - 1) not in claims_by_para and rng.random() < 0.5:
            paras.pop()
            edits.add("trimmed")
        d = Draft(uid, headline, outlet, style, list(orig.authors), orig.date, orig.city,
                  paras, [], list(orig.bullets), reprint_of=orig.uid)
        for c in orig.claims:
            if c["_para"] >= len(paras) or (c["_para"] == -1 and c["text"] not in headline):
                continue
            d.claims.append({**c, "file": None, "line": None, "_planted": False})
        entry = self.syndicated.setdefault(orig.uid, {"id": f"S{len(self.syndicated) + 1:05d}",
                                                      "_original": orig, "_copies": [],
                                                      "edits": []})
        entry["_copies"].append(d)
        entry["edits"].append(sorted(edits))
        return d

    # -- files ------------------------------------------------------------------------

    def _date(self) -> dt.date:
        return FIRST_DATE + dt.timedelta(days=self.rng.randint(0, self.span))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        rng = self.rng
        while self.made < self.n:
            kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
            count = min(self.per_file if kind in ("txt", "jsonl") else 1, self.n - self.made)
            fdate = self._date()
            path = (f"d{self.n_files // self.files_per_dir:04d}/"
                    f"{self.n_files:06d}_{rng.getrandbits(64):016x}.{kind}")
            drafts = []
            for i in range(count):
                uid = self.made
                self.made += 1
                date = fdate if kind == "txt" else self._date()
                pool = [o for o in self.originals[-60:] if o.file != path]
                if pool and rng.random() < self.syndication_rate:
                    orig = rng.choice(pool)
                    d = self._reprint(uid, orig, fdate if kind == "txt" else None)
                else:
                    d = self._article(uid, date)
                d.file, d.index = path, i
                drafts.append(d)
            text = RENDER[kind](drafts, fdate, rng)
            for d in drafts:
                if d.reprint_of is None and not d.planted:
                    self.originals.append(d)
                    if len(self.originals) > 200:
                        del self.originals[:100]
            self.n_files += 1
            self.kinds[kind] = self.kinds.get(kind, 0) + 1
            self.layout.append((path, len(drafts)))
            yield path, text
        self.manifest = self._manifest()

    def _manifest(self) -> "Manifest":
        def cite(c: dict) -> dict:
            return {k: v for k, v in c.items() if not k.startswith("_")}

        planted = []
        for p in self.planted:
            cs = p["_claims"]
            planted.append({"id": p["id"], "kind": "conflict", "entity": cs[0]["entity"],
                            "metric": cs[0]["metric"], "period": cs[0]["period"],
                            "modality": cs[0]["modality"], "unit": cs[0]["unit"],
                            "values": [c["value"] for c in cs], "texts": [c["text"] for c in cs],
                            "files": [c["file"] for c in cs], "lines": [c["line"] for c in cs],
                            "claims": [cite(c) for c in cs]})
        # A conflict finding on a planted key lists every claim of that key, honest ones too;
        # traps on such keys say so, so that a check can tell "listed" from "set against".
        planted_keys = {(p["entity"], p["metric"], p["period"], p["modality"]) for p in planted}
        traps = []
        for t in self.traps:
            cs = t["_claims"]
            keys = {(c["entity"], c["metric"], c["period"], c["modality"]) for c in cs}
            traps.append({"id": t["id"], "kind": t["kind"],
                          "planted_key": bool(keys & planted_keys), "entity": cs[0]["entity"],
                          "metric": cs[0]["metric"], "period": cs[0]["period"],
                          "values": [c["value"] for c in cs], "texts": [c["text"] for c in cs],
                          "files": [c["file"] for c in cs], "lines": [c["line"] for c in cs],
                          "claims": [cite(c) for c in cs]})
        synd = []
        for s in self.syndicated.values():
            o = s["_original"]
            synd.append({"id": s["id"],
                         "original": {"file": o.file, "index": o.index, "headline": o.headline},
                         "copies": [{"file": c.file, "index": c.index, "headline": c.headline,
                                     "edits": e} for c, e in zip(s["_copies"], s["edits"])]})
        return Manifest(self.seed, self.n, self.n_files, dict(sorted(self.kinds.items())),
                        planted, traps, synd)


class _Sentence(str):
    """A sentence that carries the claims of the figures written in it."""

    claims: list


class _Writer:
    """Composes one article: paragraphs of sentences, registering every figure."""

    def __init__(self, corpus: Corpus, d: Draft, rng: random.Random, plant: bool):
        self.c, self.d, self.rng, self.plant = corpus, d, rng, plant
        self.t = corpus.truth
        self.pending: list[tuple[dict, bool]] = []
        self.used: set[str] = set()
        self.p1 = month_before(d.date, 1)
        self.p0 = month_before(d.date, 2)

    # -- figures --------------------------------------------------------------

    def fig(self, ent: str, metric: str, unit: str, p: Period, modality: str = "actual",
            style: str | None = None, value_metric: str | None = None) -> tuple[str, dict] | None:
        """Render the figure for a key and register its claim (planting if one is due)."""
        rng = self.rng
        f = (self.t.forecast(ent, value_metric or metric, unit, p) if modality == "forecast"
             else self.t.get(ent, value_metric or metric, unit, p))
        if f is None:
            return None
        key = (ent, metric, str(p), modality)
        planted_from = None
        if self.plant and modality == "actual" and metric not in ("production_quota",
                                                                   "export_capacity",
                                                                   "production_capacity"):
            planted_from = next((w for w in self.c.witness.get(key, ())
                                 if w[1] != self.d.uid and w[2]), None)
        if planted_from is not None:
            sign = 1 if rng.random() < 0.5 else -1
            sig = len(str(f.m))
            w = quantize(f.value * (1 + sign * rng.uniform(PLANT_MIN, PLANT_MAX)), sig)
            r = render(w, unit, "exact", rng)
            wit = planted_from[0]
            # the honest witness may sit anywhere in its own rounding of the truth
            gap = abs(w.value - f.value) - r.half - 2 * wit["_half"]
            if gap / f.value > 0.04:
                claim = self._claim(r.text, ent, metric, p, modality, w.value, unit)
                claim["_planted"], claim["_half"], claim["_hedged"] = True, r.half, False
                self.plant, self.d.planted = False, True
                self.c.planted.append({"id": f"P{len(self.c.planted) + 1:05d}",
                                       "_claims": [claim, wit]})
                self.pending.append((claim, False))
                return r.text, claim
        if style is None:
            style = rng.choices(("exact", "round", "hedge", "range"), (40, 35, 20, 5))[0]
        r = render(f, unit, style, rng)
        claim = self._claim(r.text, ent, metric, p, modality, f.value, unit)
        claim["_half"], claim["_hedged"] = r.half, r.hedged
        self.pending.append((claim, _sharp(r, f.value)))
        return r.text, claim

    def _claim(self, text, ent, metric, p, modality, value, unit) -> dict:
        return {"file": None, "line": None, "text": text, "entity": ent, "metric": metric,
                "period": str(p), "modality": modality, "value": value, "unit": unit,
                "_para": None, "_planted": False}

    def sentence(self, templates, ent: str, metric: str, p: Period, modality: str = "actual",
                 unit: str = "bbl/d", style: str | None = None, extra: dict | None = None,
                 value_metric: str | None = None):
        got = self.fig(ent, metric, unit, p, modality, style, value_metric)
        if got is None:
            return None, None
        text, claim = got
        slots = {**_slots(ent), "V": text, "P": phrase(p, self.d.date, self.rng),
                 "Src": self.src(), "Rose": self.rose(ent, value_metric or metric, unit, p,
                                                      claim["_planted"]),
                 "Fc": "", "FcCap": ""}
        if modality == "forecast":
            fc = self.rng.choice(T.FORECASTERS)
            slots["Fc"], slots["FcCap"] = fc, _cap(fc)
        slots.update(extra or {})
        template = self.rng.choice(templates)
        lead = self.rng.choice(T.LEAD_INS)
        if " {P}" in template and slots["P"] and self.rng.random() < 0.35:
            # "In March, Kazakh output ..." as often as "... in March"
            lead = _cap(slots["P"]) + ", "
            template = template.replace(" {P}", "")
        body = template.format(**slots)
        text = lead + (body if not lead or body.startswith(("U.S.", "KazMunayGas", "OPEC"))
                       or body[:2].isupper() else _lower_first(body))
        out = _Sentence(_cap(text))
        out.claims, self.pending = self.pending, []
        return out, claim

    def src(self) -> str:
        parts = self.rng.choice(T.SOURCE_PARTS)
        words = " ".join(self.rng.choice(p) for p in parts)
        return words.format(weekday=self.rng.choice(T.WEEKDAYS[:5]))

    def rose(self, ent, metric, unit, p: Period, planted: bool) -> str:
        if p.kind == "M" and not planted:
            now = self.t.get(ent, metric, unit, p)
            before = self.t.get(ent, metric, unit, month_before(dt.date(p.year, p.n, 1)))
            if now and before and now.value != before.value:
                if self.rng.random() < 0.7:
                    return self.rng.choice(("rose to", "climbed to", "edged up to")
                                           if now.value > before.value else
                                           ("fell to", "slipped to", "declined to"))
        return self.rng.choice(("stood at", "was", "came in at"))

    def para(self, *sentences: str | None) -> None:
        text = " ".join(s for s in sentences if s)
        if not text:
            return
        idx = len(self.d.paras)
        self.d.paras.append(text)
        carried = [c for s in sentences if isinstance(s, _Sentence) for c in s.claims]
        for claim, sharp in carried + self.pending:
            claim["_para"] = idx
            self.d.claims.append(claim)
            if not claim["_planted"]:
                self.c._note(claim, self.d.uid, sharp)
        self.pending = []

    def headline(self, template: str, ent: str, **kw) -> None:
        slots = {**_slots(ent), "Month": T.MONTH_NAMES[self.p1.n - 1], **kw}
        self.d.headline = _cap(template.format(**slots))
        for claim, sharp in self.pending:
            claim["_para"] = -1
            self.d.claims.append(claim)
            if not claim["_planted"]:
                self.c._note(claim, self.d.uid, sharp)
        self.pending = []

    def filler(self, *themes: str, k: int = 1, ent: str = "Kazakhstan") -> list[str]:
        """k sentences without figures from the themes, never repeating one in an article."""
        rng, out = self.rng, []
        for _ in range(k):
            theme = rng.choice(themes)
            if theme == "quotes":
                quote = rng.choice(T.QUOTES)
                if quote in self.used:
                    continue
                self.used.add(quote)
                out.append(f'"{quote}," {rng.choice(T.SPEAKERS)} said.')
                continue
            subjects, predicates = T.FILLER[theme]
            pred = rng.choice(predicates)
            if pred in self.used:
                continue
            self.used.add(pred)
            clause = f"{rng.choice(subjects)} {pred}"
            when = rng.choice(T.WHEN).format(weekday=rng.choice(T.WEEKDAYS[:5]))
            form = rng.random()
            proper = clause.split(" ", 1)[0] in ("Kazakh", "OPEC+", "Gulf", "European",
                                                 "Western")
            if form < 0.3:
                text = f"{clause}, {rng.choice(T.WHO)} {rng.choice(T.SAID)}{when}."
            elif form < 0.45:
                who = rng.choice(T.WHO)
                text = (f"{who} {rng.choice(T.SAID)} that "
                        f"{clause if proper else clause[0].lower() + clause[1:]}.")
            else:
                lead = rng.choice(T.CONNECTORS)
                if lead in self.used:
                    lead = ""
                self.used.add(lead or "-")
                text = f"{lead}{clause[0].lower() + clause[1:] if lead and not proper else clause}."
            out.append(_cap(text))
        return out

    def trap(self, kind: str, a: dict | None, b: dict | None) -> None:
        if not (a and b):
            return
        # a few examples of each pairing are enough for a test; the corpus holds many more
        key = (kind, a["entity"], a["metric"], a["period"], b["metric"], b["period"])
        n = self.c.trap_count.get(key, 0)
        if n < TRAPS_PER_PAIRING:
            self.c.trap_count[key] = n + 1
            self.c._trap(kind, [a, b])

    def close(self) -> None:
        assert not self.pending, "a figure was rendered but never written"
        # pad with background to a realistic length, keeping the article's figures up front
        want = self.rng.randint(130, 280)
        words = sum(p.count(" ") + 1 for p in self.d.paras)
        while words < want:
            more = self.filler("background", "market", "quotes", "pipeline",
                               k=self.rng.randint(1, 2))
            if not more:
                break
            self.para(*more)
            words += sum(p.count(" ") + 1 for p in more)
        if not self.d.headline:
            self.d.headline = "Caspian energy roundup"

    def updown(self, ent, metric, unit) -> tuple[str, str, str]:
        a = self.t.get(ent, metric, unit, self.p1)
        b = self.t.get(ent, metric, unit, self.p0)
        up = a is not None and b is not None and a.value >= b.value
        return ("Rises", "rises", "rise") if up else ("Falls", "falls", "fall")

    # -- article shapes ---------------------------------------------------------

    def production(self) -> None:
        rng, d = self.rng, self.d
        ent = rng.choices([e for e, _ in T.PRODUCERS], [w for _, w in T.PRODUCERS])[0]
        d.city = T.ENTITIES[ent][2]
        cc = self.t.has(ent, "crude_condensate_production")
        main = "crude_condensate_production" if cc else "crude_production"
        record = self.t.is_record(ent, main, self.p1)
        Up, up, _ = self.updown(ent, main, "bbl/d")
        if record and rng.random() < 0.5:
            tpl = rng.choice(T.HEADLINES["production_record"])
            v = ("{V}" in tpl and self.fig(ent, "oil_production", "bbl/d", self.p1,
                                           style="round", value_metric=main)) or ("",)
            self.headline(tpl, ent, V=v[0])
        else:
            self.headline(rng.choice(T.HEADLINES["production"]), ent, UpDownWord=Up,
                          updownword=up)
        if rng.random() < 0.3:
            d.bullets = rng.sample(T.BULLETS, 2)
        templates = (T.CC_RECORD if record else T.CC) if cc else T.CRUDE
        s1, c1 = self.sentence(templates, ent, main, self.p1, style=rng.choice(
            ("exact", "round", "round", "hedge")))
        self.para(s1)
        # previous month: a change sentence with both levels sharp, or a plain comparison
        if c1 is not None and not c1["_planted"] and rng.random() < 0.5:
            a = self.t.get(ent, main, "bbl/d", self.p1)
            b = self.t.get(ent, main, "bbl/d", self.p0)
            v2, c2 = self.fig(ent, main, "bbl/d", self.p0, style="exact")
            pct = round((a.value - b.value) / b.value * 100, 1)
            if not c1["_hedged"] and c1["_half"] / a.value < 0.003 and abs(pct) >= 0.1:
                s2 = rng.choice(T.CHANGE).format(
                    Updown="up" if pct > 0 else "down", Pct=f"{abs(pct):.1f}%", V2=v2,
                    P2=phrase(self.p0, d.date, rng), Signed=f"{pct:+.1f}%")
            else:
                s2 = rng.choice(T.OTHER_PERIOD).format(V2=v2, P2=phrase(self.p0, d.date, rng))
            self.para(s2)
            self.trap("other-period", c1, c2)
        if c1 is not None and not c1["_planted"] and rng.random() < 0.2:
            sf, cf = self.sentence(T.FORECAST_PAST[main], ent, main, self.p1, modality="forecast",
                                   style=rng.choice(("exact", "round")))
            self.para(sf)
            self.trap("forecast-vs-actual", c1, cf)
        crude = None
        if cc and rng.random() < 0.7:
            s3, crude = self.sentence(T.CRUDE_ONLY, ent, "crude_production", self.p1)
            self.para(s3, *self.filler("opec", k=rng.randint(0, 1), ent=ent))
            self.trap("crude-vs-condensate", c1, crude)
        else:
            self.para(*self.filler("opec", "market", k=1, ent=ent))
        if self.t.has(ent, "production_quota") and rng.random() < 0.7:
            q = self.t.get(ent, "production_quota", "bbl/d", NO_PERIOD)
            out = self.t.get(ent, "crude_production", "bbl/d", self.p1)
            above = out is not None and out.value > q.value * 1.02
            sq, cq = self.sentence(T.QUOTA_ABOVE if above else T.QUOTA, ent, "production_quota",
                                   self.p1, modality="target",
                                   style=rng.choice(("exact", "exact", "round")))
            self.para(sq, *self.filler("opec", k=rng.randint(0, 1), ent=ent))
            self.trap("quota-vs-output", crude or c1, cq)
        if rng.random() < 0.35 and (d.date.month - 1) // 3 >= 1:
            q = Period("Q", d.date.year, (d.date.month - 1) // 3)
            sq, _ = self.sentence(templates[:1] if cc else T.CRUDE, ent, main, q,
                                  style=rng.choice(("round", "exact")))
            self.para(sq)
        if self.t.has(ent, "exports") and rng.random() < 0.4:
            se, _ = self.sentence(T.EXPORTS, ent, "exports", self.p1)
            self.para(se)
        for s in self.filler("pipeline", "companies", "market", "quotes", k=rng.randint(1, 3)):
            self.para(s)

    def exports(self) -> None:
        rng, d = self.rng, self.d
        ent = rng.choices([e for e, _ in T.EXPORTERS], [w for _, w in T.EXPORTERS])[0]
        d.city = T.ENTITIES[ent][2]
        _, _, up = self.updown(ent, "exports", "bbl/d")
        self.headline(rng.choice(T.HEADLINES["exports"]), ent, updownverb=up)
        s1, _ = self.sentence(T.EXPORTS, ent, "exports", self.p1)
        self.para(s1, *self.filler("pipeline", k=1, ent=ent))
        if ent == "Kazakhstan":
            cpc = "Caspian Pipeline Consortium"
            s2, _ = self.sentence(T.THROUGHPUT_FLOW, cpc, "throughput", self.p1)
            self.para(s2)
            if rng.random() < 0.5:
                s3, _ = self.sentence(T.EXPORT_CAPACITY, cpc, "export_capacity", NO_PERIOD,
                                      unit="t/yr", style=rng.choice(("exact", "round")))
                self.para(s3, *self.filler("pipeline", k=1))
            if rng.random() < 0.4:
                s4, _ = self.sentence(T.THROUGHPUT_YEAR, cpc, "throughput",
                                      Period("Y", d.date.year - 1), unit="t")
                self.para(s4)
        for s in self.filler("pipeline", "politics", "market", k=rng.randint(2, 3)):
            self.para(s)
        if rng.random() < 0.4:
            s5, _ = self.sentence(T.EXPORTS, ent, "exports", self.p0)
            self.para(s5)

    def outlook(self) -> None:
        rng, d = self.rng, self.d
        ent = rng.choices([e for e, _ in T.PRODUCERS[:4]], [w for _, w in T.PRODUCERS[:4]])[0]
        d.city = T.ENTITIES[ent][2]
        main = ("crude_condensate_production" if self.t.has(ent, "crude_condensate_production")
                else "crude_production")
        self.headline(rng.choice(T.HEADLINES["outlook"]), ent)
        this_year = Period("Y", d.date.year)
        nxt = month_before(d.date, -1)
        p = this_year if rng.random() < 0.6 or nxt.year != d.date.year else nxt
        sf, _ = self.sentence(T.FORECAST[main], ent, main, p, modality="forecast",
                              style=rng.choice(("exact", "round", "hedge")))
        sa, _ = self.sentence(T.CC[2:3] if main.startswith("crude_cond") else T.CRUDE[2:3],
                              ent, main, Period("Y", d.date.year - 1),
                              style=rng.choice(("round", "exact")))
        self.para(sf, sa)
        for s in self.filler("opec", "market", "quotes", k=2, ent=ent):
            self.para(s)
        if (d.date.month - 1) // 3 >= 1 and rng.random() < 0.6:
            q = Period("Q", d.date.year, (d.date.month - 1) // 3)
            sq, _ = self.sentence(T.CC[2:3] if main.startswith("crude_cond") else T.CRUDE[2:3],
                                  ent, main, q)
            self.para(sq)
        if self.t.has(ent, "growth_rate", "%") and rng.random() < 0.6:
            sg, _ = self.sentence(T.GROWTH, ent, "growth_rate", Period("Y", d.date.year - 1),
                                  unit="%", style="exact")
            sgf, _ = self.sentence(T.FORECAST["growth_rate"], ent, "growth_rate", this_year,
                                   modality="forecast", unit="%", style="exact")
            self.para(sg, sgf)
        self.para(*self.filler("companies", "pipeline", k=1, ent=ent))

    def company(self) -> None:
        rng, d = self.rng, self.d
        ent = rng.choice(("Chevron", "KazMunayGas"))
        d.city = T.ENTITIES[ent][2]
        self.headline(rng.choice(T.HEADLINES["company"]), ent)
        last = Period("Y", d.date.year - 1)
        s1, _ = self.sentence(T.REVENUE, ent, "revenue", last, unit="USD")
        extra = ((T.INVESTMENT, "investment") if ent == "Chevron" else (T.DIVIDENDS, "dividends"))
        s2, _ = self.sentence(extra[0], ent, extra[1], last, unit="USD")
        self.para(s1, s2)
        self.para(*self.filler("companies", k=2))
        s3, _ = self.sentence(T.TENGIZ_OUTPUT, "Tengiz", "oil_production", self.p1)
        self.para(s3)
        if rng.random() < 0.5:
            s4, _ = self.sentence(T.TENGIZ_CAPACITY, "Tengiz", "production_capacity", NO_PERIOD,
                                  style=rng.choice(("exact", "round")))
            self.para(s4, *self.filler("quotes", k=1))
        for s in self.filler("market", "opec", k=rng.randint(1, 2)):
            self.para(s)

    def macro(self) -> None:
        rng, d = self.rng, self.d
        ent = rng.choices([e for e, _ in T.MACRO], [w for _, w in T.MACRO])[0]
        d.city = T.ENTITIES[ent][2]
        _, up, upv = self.updown(ent, "inflation", "%")
        self.headline(rng.choice(T.HEADLINES["macro"]), ent, updownword=up, updownverb=upv)
        s1, c1 = self.sentence(T.INFLATION, ent, "inflation", self.p1, unit="%", style="exact")
        s2, c2 = self.sentence(T.INFLATION_BEFORE, ent, "inflation", self.p0, unit="%",
                               style="exact")
        self.para(s1)
        self.para(s2, *self.filler("macro", k=1, ent=ent))
        self.trap("other-period", c1, c2)
        for s in self.filler("macro", k=2, ent=ent):
            self.para(s)
        sg, _ = self.sentence(T.GROWTH, ent, "growth_rate", Period("Y", d.date.year - 1),
                              unit="%", style=rng.choice(("exact", "hedge")))
        self.para(sg)
        if ent == "Russia" and rng.random() < 0.6:
            sgas, _ = self.sentence(T.GAS, ent, "gas_production", Period("Y", d.date.year - 1),
                                    unit="m3")
            self.para(sgas)
        self.para(*self.filler("politics", k=1, ent=ent))

    def politics(self) -> None:
        rng, d = self.rng, self.d
        self.headline(rng.choice(T.HEADLINES["politics"]), "Kazakhstan")
        d.city = rng.choice(("LONDON", "MOSCOW", "KYIV", "ASTANA"))
        if rng.random() < 0.4:
            d.bullets = rng.sample(T.BULLETS, 3)
        for s in self.filler("politics", k=2):
            self.para(s)
        pick = rng.random()
        if pick < 0.4:
            s, _ = self.sentence(T.THROUGHPUT_FLOW, "Caspian Pipeline Consortium", "throughput",
                                 self.p1)
        elif pick < 0.7:
            s, _ = self.sentence(T.EXPORTS, "Kazakhstan", "exports", self.p1)
        else:
            s, _ = self.sentence(T.CRUDE, "Russia", "crude_production", self.p1)
        self.para(s, *self.filler("pipeline", k=1))
        for s in self.filler("politics", "pipeline", "quotes", k=rng.randint(2, 4)):
            self.para(s)


# ---- rendering files ----------------------------------------------------------------


def _long_date(d: dt.date) -> str:
    return f"{T.MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"


def _dateline(d: Draft) -> str:
    agency = d.outlet.split()[0]
    return f"{d.city}, {T.MONTH_NAMES[d.date.month - 1]} {d.date.day} ({agency}) - "


def _and(names: list[str]) -> str:
    return " and ".join(names)


def _body_lines(d: Draft, rng: random.Random) -> tuple[list[str], list[str], dict[int, int]]:
    """(top lines after the headline, body lines, para index -> body line index) for text."""
    top: list[str] = []
    if d.style == "top-dash":
        a = d.date
        top.append(f"By {_and(d.authors)} - {T.MONTH_ABBR[a.month - 1]} {a.day:02d}, {a.year}")
    elif d.style == "paren":
        top.append(f"{d.outlet} | {_long_date(d.date)} |")
    elif d.style == "block":
        top += [f"By {_and(d.authors)}", _long_date(d.date), d.outlet.split()[0].upper()]
    body: list[str] = []
    where: dict[int, int] = {}
    if d.bullets:
        for b in d.bullets:
            body += [f"  \u2022 {b}", ""]
    if rng.random() < 0.25:
        body += [rng.choice(T.PHOTO_CREDITS).format(Author=rng.choice(T.AUTHORS),
                                                    Outlet=d.outlet), ""]
    if rng.random() < 0.15:
        body += [rng.choice(T.NOISE[1:3]), ""]
    for i, p in enumerate(d.paras):
        if i == 0 and d.style in ("wire", "block"):
            p = _dateline(d) + p
        where[i] = len(body)
        body += [p, ""]
        if 0 < i < len(d.paras) - 1 and rng.random() < 0.1:
            body += [rng.choice(T.NOISE), ""]
    if d.style == "end":
        body.append(f"By {_and(d.authors)} for {d.outlet}")
    elif d.style == "paren":
        body.append(f"({'By ' + _and(d.authors)})")
    elif d.style == "wire":
        body.append(f"Reporting by {_and(d.authors)}; Editing by {rng.choice(T.EDITORS)}")
    return top, body, where


def _place(d: Draft, headline_line: int, para_line: dict[int, int]) -> None:
    for c in d.claims:
        c["file"] = d.file
        c["line"] = headline_line if c["_para"] == -1 else para_line[c["_para"]]


def render_txt(drafts: list[Draft], fdate: dt.date, rng: random.Random) -> str:
    lines = [f"{T.WEEKDAYS[fdate.weekday()]}, {T.MONTH_NAMES[fdate.month - 1]} "
             f"{fdate.day:02d}, {fdate.year}", "", "  ", ""]
    for d in drafts:
        head = len(lines) + 1
        lines.append(d.headline)
        top, body, where = _body_lines(d, rng)
        lines += top
        lines.append("")
        base = len(lines) + 1
        lines += body
        lines += ["", ""]
        _place(d, head, {i: base + j for i, j in where.items()})
    return "\n".join(lines).rstrip("\n") + "\n"


def render_md(drafts: list[Draft], fdate: dt.date, rng: random.Random) -> str:
    d = drafts[0]
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += ["---", f"title: {json.dumps(d.headline)}", f"date: {d.date.isoformat()}",
                  f"author: {json.dumps(_and(d.authors))}", f"outlet: {json.dumps(d.outlet)}",
                  "---", ""]
    head = len(lines) + 1
    lines += [f"# {d.headline}", ""]
    lines += [f"*By {_and(d.authors)} | {d.outlet} | {_long_date(d.date)}*", ""]
    if d.bullets:
        lines += [f"- {b}" for b in d.bullets] + [""]
    where = {}
    for i, p in enumerate(d.paras):
        if i == 0 and d.style in ("wire", "block"):
            p = _dateline(d) + p
        where[i] = len(lines) + 1
        lines += [p, ""]
        if 0 < i < len(d.paras) - 1 and rng.random() < 0.08:
            lines += ["*Advertisement*", ""]
    _place(d, head, where)
    return "\n".join(lines).rstrip("\n") + "\n"


_SCRIPT = ("<script>window.dataLayer = window.dataLayer || []; "
           "var adSlots = [[300, 250], [728, 90]]; var pageId = {pid};</script>")


def render_html(drafts: list[Draft], fdate: dt.date, rng: random.Random) -> str:
    d = drafts[0]
    e = lambda s: html.escape(s, quote=False)  # noqa: E731
    iso = d.date.isoformat()
    lines = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{e(d.headline)} | {e(d.outlet)}</title>",
             f'<meta property="article:published_time" content="{iso}T08:{rng.randint(0, 59):02d}:00Z">',
             _SCRIPT.format(pid=rng.randint(10000, 99999)), "</head>", "<body>",
             "<nav>" + " ".join(f'<a href="/{n.lower()}">{n}</a>' for n in T.NAV) + "</nav>",
             "<main>", "<article>"]
    head = len(lines) + 1
    lines.append(f"<h1>{e(d.headline)}</h1>")
    lines.append(f'<p class="byline">By <span class="author">{e(_and(d.authors))}</span> | '
                 f'<time datetime="{iso}">{_long_date(d.date)}</time></p>')
    if rng.random() < 0.4:
        cap = rng.choice(T.PHOTO_CREDITS).format(Author=rng.choice(T.AUTHORS), Outlet=d.outlet)
        lines.append(f'<figure><img src="/img/{rng.getrandbits(32):08x}.jpg" alt="">'
                     f"<figcaption>{e(cap)}</figcaption></figure>")
    if d.bullets:
        lines.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in d.bullets) + "</ul>")
    where = {}
    for i, p in enumerate(d.paras):
        if i == 0 and d.style in ("wire", "block"):
            p = _dateline(d) + p
        where[i] = len(lines) + 1
        lines.append(f"<p>{e(p)}</p>")
        if 0 < i < len(d.paras) - 1 and rng.random() < 0.12:
            lines.append('<aside class="ad">Advertisement</aside>')
    lines += ["</article>", "</main>",
              "<footer>" + " | ".join(T.FOOTER) + f" | &copy; {fdate.year} {e(d.outlet)}</footer>",
              '<script src="/static/analytics.js" async></script>', "</body>", "</html>"]
    _place(d, head, where)
    return "\n".join(lines) + "\n"


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60]


def render_jsonl(drafts: list[Draft], fdate: dt.date, rng: random.Random) -> str:
    out = []
    for n, d in enumerate(drafts, 1):
        paras = [(_dateline(d) + p if i == 0 and d.style in ("wire", "block") else p)
                 for i, p in enumerate(d.paras)]
        rec = {"title": d.headline,
               "date": f"{d.date.isoformat()}T{rng.randint(5, 20):02d}:{rng.randint(0, 59):02d}:00Z",
               "body": "\n\n".join(paras), "outlet": d.outlet, "author": _and(d.authors),
               "url": f"https://www.{_slug(d.outlet)}.example/{d.date:%Y/%m/%d}/{_slug(d.headline)}"}
        out.append(json.dumps(rec, ensure_ascii=False))
        _place(d, n, {i: n for i in range(len(d.paras))})
    return "\n".join(out) + "\n"


RENDER = {"txt": render_txt, "md": render_md, "html": render_html, "jsonl": render_jsonl}


# ---- manifest and entry points -----------------------------------------------------------


@dataclass
class Manifest:
    seed: int
    articles: int
    files: int
    kinds: dict
    planted: list
    traps: list
    syndicated: list

    def to_dict(self) -> dict:
        return {"seed": self.seed, "articles": self.articles, "files": self.files,
                "kinds": self.kinds, "planted": self.planted, "traps": self.traps,
                "syndicated": self.syndicated}

    def to_json(self) -> str:
        """One record a line: readable, diffable, and small enough for a 100k corpus."""
        d = self.to_dict()
        out = ["{"]
        for k in ("seed", "articles", "files", "kinds"):
            out.append(f" {json.dumps(k)}: {json.dumps(d[k], ensure_ascii=False)},")
        for n, k in enumerate(("planted", "traps", "syndicated")):
            rows = [json.dumps(r, ensure_ascii=False) for r in d[k]]
            body = ("[\n  " + ",\n  ".join(rows) + "\n ]") if rows else "[]"
            out.append(f" {json.dumps(k)}: {body}" + ("," if n < 2 else ""))
        out.append("}")
        return "\n".join(out) + "\n"


def generate_articles(n: int, seed: int = 0, **options) -> Corpus:
    """Files in memory: iterate for (relative path, text); `.manifest` is set at the end."""
    return Corpus(n, seed, **options)


def generate(out_dir: str | Path, n_articles: int, seed: int = 0, **options) -> Manifest:
    """Write a corpus of n_articles under out_dir, and out_dir/manifest.json."""
    out = Path(out_dir)
    corpus = Corpus(n_articles, seed, **options)
    made_dirs: set[str] = set()
    for rel, text in corpus:
        parent = rel.rsplit("/", 1)[0]
        if parent not in made_dirs:
            (out / parent).mkdir(parents=True, exist_ok=True)
            made_dirs.add(parent)
        (out / rel).write_bytes(text.encode("utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "manifest.json").write_bytes(corpus.manifest.to_json().encode("utf-8"))
    return corpus.manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--files-per-dir", type=int, default=200)
    ap.add_argument("--articles-per-file", type=int, default=5)
    ap.add_argument("--conflict-rate", type=float, default=0.02)
    ap.add_argument("--syndication-rate", type=float, default=0.08)
    a = ap.parse_args(argv)
    m = generate(a.out_dir, a.articles, a.seed, files_per_dir=a.files_per_dir,
                 articles_per_file=a.articles_per_file, conflict_rate=a.conflict_rate,
                 syndication_rate=a.syndication_rate)
    print(f"{m.articles} articles in {m.files} files {m.kinds}: {len(m.planted)} planted "
          f"conflicts, {len(m.traps)} traps, {len(m.syndicated)} syndicated originals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
