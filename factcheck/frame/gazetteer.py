"""The entity gazetteer (rules/entities.yaml), compiled to one regular expression.

Every surface form (name, alias, demonym, with generated possessives and plurals) goes
into a single character trie turned into one alternation, so finding all mentions in an
article is one regex pass however large the gazetteer grows. Matching is case-sensitive:
proper nouns are capitalised, and "US" must never match "us".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from factcheck.frame.lazy_pattern import lazy_compile
from factcheck.rules import Field, RulesError, load_yaml, validate

KINDS = ("country", "region", "place", "company", "organisation", "agency", "outlet",
         "field", "pipeline", "facility", "person")


@dataclass(frozen=True)
class Entity:
    name: str
    kind: str
    parent: str = ""


class Mention(NamedTuple):
    """One gazetteer hit; a tuple because an article makes hundreds of them."""

    start: int
    end: int             # end of the surface form, possessive suffix included
    name: str            # canonical entity name
    kind: str
    form: str            # "name" | "alias" | "demonym" | "anaphor"
    possessive: bool = False
    text: str = ""
    key: str = ""        # for an anaphor, its phrase in the anaphora table


@dataclass
class Gazetteer:
    entities: dict[str, Entity]
    forms: dict[str, tuple[str, str]]            # surface -> (canonical name, form)
    anaphora: dict[str, tuple[str, ...]]         # "the country" -> kinds
    pattern: re.Pattern = field(repr=False)
    anaphor_pattern: re.Pattern | None = field(repr=False, default=None)

    def lookup(self, surface: str) -> Entity | None:
        """The entity a surface form names, tolerant of a leading 'the' and a possessive."""
        s = re.sub(r"^(?:the|The)\s+", "", surface.strip())
        s = re.sub(r"['’]s?$", "", s)
        hit = self.forms.get(s)
        return self.entities[hit[0]] if hit else None

    def mentions(self, text: str) -> list[Mention]:
        """All gazetteer mentions and anaphors ("the country") in `text`, in order."""
        out = []
        forms, entities = self.forms, self.entities
        for m in self.pattern.finditer(text):
            start = m.start()
            # the patterns have no lookbehind (it would stop the regex engine skipping
            # ahead to possible first letters), so the left edge is checked here
            if start and (text[start - 1].isalnum() or text[start - 1] in "_&.+"
                          or text[max(0, start - 4):start] in ("non-", "Non-")):
                continue
            surface = m.group("form")
            hit = forms.get(surface) or forms[" ".join(surface.split())]
            out.append(Mention(start, m.end(), hit[0], entities[hit[0]].kind, hit[1],
                               m.group("pos") is not None, m.group(0)))
        if self.anaphor_pattern is not None:
            anaphors = [Mention(m.start(), m.end(), "", "", "anaphor", bool(m.group("pos")),
                                m.group(0), " ".join(m.group("form").lower().split()))
                        for m in self.anaphor_pattern.finditer(text)
                        if not (m.start() and (text[m.start() - 1].isalnum()
                                               or text[m.start() - 1] == "_"))]
            if anaphors:
                # "the U.S. oil giant" is one anaphor, not a mention of the United States;
                # but "the Ras Tanura terminal" names its terminal: the name stays
                named = set()
                for a in anaphors:
                    kinds = self.anaphora.get(a.key, ())
                    if any(a.start <= m.start and m.end <= a.end and m.kind in kinds
                           for m in out):
                        named.add(a.start)
                anaphors = [a for a in anaphors if a.start not in named]
                covered = {i for a in anaphors for i in range(a.start, a.end)}
                out = [m for m in out if m.start not in covered]
                out += anaphors
                out.sort(key=lambda x: x.start)
        return out


def trie_regex(words: list[str]) -> str:
    """One regex alternation matching any of `words`, built as a character trie."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else \
            "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_ENTRY = {
    "name": Field(str, required=True),
    "kind": Field(str, required=True,
                  check=lambda k: None if k in KINDS else f"unknown kind (allowed: {', '.join(KINDS)})"),
    "aliases": Field(list),
    "demonyms": Field(list),
    "parent": Field(str),
}
_TOP = {"entities": Field(list, required=True), "anaphora": Field(dict)}


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("an", "i", "ian", "er", "ite")) and " " not in demonym:
        return demonym + "s"
    return None


def load_gazetteer(path: str | Path) -> Gazetteer:
    data = load_yaml(path)
    validate(path, data, _TOP)
    entities: dict[str, Entity] = {}
    forms: dict[str, tuple[str, str]] = {}
    lines: dict[str, int | None] = {}
    for item in data["entities"]:
        validate(path, item, _ENTRY, where="entities[]")
        name = item["name"]
        line = getattr(item, "line", None)
        if name in entities:
            raise RulesError(path, f"duplicate entity '{name}'", line=line, field="name")
        entities[name] = Entity(name, item["kind"], item.get("parent", ""))
        candidates = [(name, "name")]
        candidates += [(str(a), "alias") for a in item.get("aliases") or []]
        for d in item.get("demonyms") or []:
            candidates.append((str(d), "demonym"))
            plural = _plural(str(d))
            if plural:
                candidates.append((plural, "demonym"))
        for surface, form in candidates:
            variants = [surface]
            if surface[:1].islower():
                variants.append(surface[:1].upper() + surface[1:])   # sentence-initial
            for v in variants:
                if v in forms and forms[v][0] != name:
                    raise RulesError(path, f"'{v}' already names '{forms[v][0]}' (line "
                                     f"{lines.get(v)})", line=line, field="aliases")
                forms.setdefault(v, (name, form))
                lines.setdefault(v, line)
    for name, ent in entities.items():
        if ent.parent and ent.parent not in entities:
            raise RulesError(path, f"parent '{ent.parent}' of '{name}' is not in the gazetteer")
    anaphora: dict[str, tuple[str, ...]] = {}
    for phrase, kinds in (data.get("anaphora") or {}).items():
        line = data["anaphora"].line_of(phrase) if hasattr(data["anaphora"], "line_of") else None
        if not isinstance(kinds, list) or any(k not in KINDS for k in kinds):
            raise RulesError(path, f"anaphor '{phrase}' needs a list of kinds from "
                             f"{', '.join(KINDS)}", line=line, field="anaphora")
        key = " ".join(re.sub(r"^the\s+", "", str(phrase).lower()).split())
        anaphora[key] = tuple(kinds)
    # Longest forms first is implicit in the trie; the possessive suffix is optional.
    pattern = lazy_compile(
        r"(?P<form>" + trie_regex(sorted(forms)) + r")(?P<pos>['’]s?)?(?![\w+&])")
    anaphor_pattern = None
    if anaphora:
        # "the country", and with a modifier or two: "the U.S. oil and gas giant"
        phrases = "|".join(r"\s+".join(re.escape(w) for w in a.split())
                           for a in sorted(anaphora, key=len, reverse=True))
        anaphor_pattern = lazy_compile(
            r"[Tt]he\s+(?:(?:[A-Z][\w.’'-]*|oil|gas|and|energy|state|national|Central"
            r"|Asian|[a-z]+-[a-z]+)\s+){0,4}?(?P<form>" + phrases + r")(?P<pos>['’]s)?(?!\w)")
    return Gazetteer(entities, forms, anaphora, pattern, anaphor_pattern)
