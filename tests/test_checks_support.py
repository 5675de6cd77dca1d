"""Builders for the checks tests: articles and claims from sentences written for the tests.

The figures' intervals are worked out here the way the parser states them (half the last
written digit either side), so the checks see the same kind of records as in a real run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from factcheck.model import INF, Article, Claim, Quantity, SourceMap

SCALE = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def article(path: str, body: str, *, index: int = 0, headline: str = "", outlet: str = "",
            published: dt.date | None = dt.date(2025, 4, 1), line_start: int = 1) -> Article:
    text = (headline + "\n\n" + body) if headline else body
    return Article(id=f"{path}#{index}", path=path, index=index, headline=headline,
                   outlet=outlet or path.split("/")[-1], author="", published=published,
                   published_from="byline", text=text, line_start=line_start,
                   line_end=line_start + text.count("\n"),
                   source=SourceMap.for_lines(text, first_line=line_start))


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = 0 if left < 0 else left + (2 if text[left] == "." else 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return text[left:right].strip()


def claim(art: Article, figure: str, *, unit: str, factor: float = 1.0, entity: str = "",
          metric: str = "", period: str = "", modality: str = "actual", attribution: str = "",
          confidence: float = 0.9, qualifier: str = "exact", occurrence: int = 0,
          low: float | None = None, high: float | None = None, dimension: str = "",
          counted: str = "") -> Claim:
    """A claim for `figure` as written in the article; factor converts to `unit`."""
    start = -1
    for _ in range(occurrence + 1):
        start = art.text.index(figure, start + 1)
    end = start + len(figure)
    m = re.search(r"(\d[\d,]*(?:\.(\d+))?)\s*(thousand|million|billion)?", figure)
    numeral = float(m.group(1).replace(",", ""))
    scale = SCALE[m.group(3) or ""]
    value = numeral * scale * factor
    half = 0.5 * 10 ** -len(m.group(2) or "") * scale * factor if (m.group(2) or m.group(3)) else 0
    if qualifier == "at_least":
        lo, hi = value, INF
    elif qualifier == "approx":
        lo, hi = value * 0.9, value * 1.1
    else:
        lo, hi = value - half, value + half
    lo = lo if low is None else low
    hi = hi if high is None else high
    line, col = art.locate(start)
    sentence = _sentence(art.text, start, end)
    digest = hashlib.sha1(f"{art.id}|{figure}|{occurrence}|{sentence}".encode()).hexdigest()
    q = Quantity(text=figure, start=start, end=end, value=None if qualifier == "range" else value,
                 low=lo, high=hi, unit=unit, unit_text="", qualifier=qualifier,
                 number=numeral * scale, dimension=dimension, counted=counted)
    return Claim(id="c" + digest[:12], article=art.id, path=art.path, line=line, start=col,
                 end=col + len(figure), text=figure, sentence=sentence, quantity=q,
                 entity=entity, metric=metric, period=period, modality=modality,
                 attribution=attribution, confidence=confidence, column=col + 1)
