"""Maps our canonical units (and counted nouns) to CQE's normalized_unit names, so the
benchmark can score value+unit against NewsQuant and the Recognizers-Text sets."""

from __future__ import annotations

import re

CQE_NAMES: dict[str, set[str]] = {
    "%": {"percentage", "percent"},
    "pp": {"percentage point", "basis point"},
    "pt": {"point"},
    "x": {"count", "times"},
    "USD": {"dollar", "united states dollar", "cent"},
    "EUR": {"euro"},
    "GBP": {"pound sterling", "penny", "pence"},
    "JPY": {"japanese yen", "yen"},
    "CNY": {"chinese yuan", "yuan", "renminbi"},
    "RUB": {"russian ruble", "ruble", "rouble"},
    "AUD": {"australian dollar"},
    "CAD": {"canadian dollar"},
    "HKD": {"hong kong dollar"},
    "NZD": {"new zealand dollar"},
    "SGD": {"singapore dollar", "singaporean dollar"},
    "MYR": {"malaysian ringgit", "sen"},
    "ILS": {"shekel", "israeli new shekel"},
    "INR": {"indian rupee", "rupee"},
    "TRY": {"turkish lira", "lira"}, "KZT": {"kazakhstani tenge", "tenge"},
    "UAH": {"ukrainian hryvnia", "hryvnia"}, "BRL": {"brazilian real", "real"},
    "MXN": {"mexican peso", "peso"}, "SAR": {"saudi riyal"}, "AED": {"united arab emirates dirham"},
    "NGN": {"nigerian naira", "naira"},
    "DKK": {"danish krone"},
    "SEK": {"swedish krona"},
    "NOK": {"norwegian krone"},
    "CHF": {"swiss franc"},
    "KRW": {"south korean won", "won"},
    "ZAR": {"south african rand"},
    "bbl/d": {"barrel per day"},
    "bbl": {"barrel", "barrel of oil"},
    "t": {"ton", "metric ton", "tonne", "gigaton", "megaton", "kiloton"},
    "kg": {"kilogram"},
    "g": {"gram"},
    "mg": {"milligram"},
    "ug": {"microgram"},
    "cup": {"cup"}, "pint": {"pint"}, "qt": {"quart"}, "floz": {"fluid ounce", "ounce"}, "tbsp": {"tablespoon"}, "tsp": {"teaspoon"},
    "lb": {"pound-mass", "pound"},
    "oz": {"ounce"},
    "mi": {"mile"},
    "km": {"kilometre", "kilometer"},
    "m": {"metre", "meter"},
    "cm": {"centimetre"},
    "mm": {"millimetre"},
    "um": {"micrometre"},
    "nm": {"nanometre"},
    "ft": {"foot"},
    "in": {"inch"},
    "yd": {"yard"},
    "m2": {"square metre"},
    "km2": {"square kilometre"},
    "ft2": {"square foot", "square feet"},
    "mi2": {"square mile"},
    "ha": {"hectare"},
    "acre": {"acre"},
    "L": {"litre", "liter"},
    "mL": {"millilitre"},
    "gal": {"gallon"},
    "mph": {"mile per hour"},
    "km/h": {"kilometre per hour"},
    "m/s": {"metre per second"},
    "kn": {"knot"},
    "year": {"year", "year of age"},
    "month": {"month", "month of age"},
    "week": {"week"},
    "day": {"day"},
    "hour": {"hour"},
    "minute": {"minute"},
    "second": {"second"},
    "°C": {"celsius", "degree celsius"},
    "°F": {"fahrenheit", "degree fahrenheit"},
    "deg": {"degree", "degree angle"},
    "W": {"watt"}, "kW": {"kilowatt"}, "MW": {"megawatt"}, "GW": {"gigawatt"},
    "hp": {"horsepower", "brake horsepower", "horse"}, "PS": {"horsepower", "metric horsepower"},
    "Wh": {"watt hour"}, "kWh": {"kilowatt hour"}, "MWh": {"megawatt hour"},
    "GWh": {"gigawatt hour"}, "TWh": {"terawatt hour"},
    "kcal": {"calorie", "kilocalorie"},
    "V": {"volt"}, "kV": {"kilovolt"}, "mAh": {"milliampere-hour", "milliampere hour"},
    "Hz": {"hertz"}, "kHz": {"kilohertz"}, "MHz": {"megahertz"}, "GHz": {"gigahertz"},
    "rpm": {"revolutions per minute", "revolution per minute"},
    "Nm": {"newton metre"}, "lb-ft": {"pound-foot", "foot pound-force"},
    "psi": {"pound per square inch"}, "ksi": {"kilopound per square inch"},
    "MPa": {"megapascal"}, "GPa": {"gigapascal"}, "dB": {"decibel"},
    "KB": {"kilobyte"}, "MB": {"megabyte"}, "GB": {"gigabyte"}, "TB": {"terabyte"},
    "Mbps": {"megabit per second"}, "Gbps": {"gigabit per second"},
    "mpg": {"mile per gallon"}, "ppm": {"part per million", "parts-per-million"},
    "ppb": {"parts-per-billion", "part per billion"},
    "m3": {"cubic metre"}, "ft3": {"cubic foot"}, "MMBtu": {"mega british thermal unit"},
}
DEN_NAMES = {
    "d": {"day"}, "yr": {"year"}, "month": {"month"}, "week": {"week"}, "hour": {"hour"},
    "minute": {"minute"}, "second": {"second"}, "century": {"century"},
    "bbl": {"barrel"}, "t": {"ton", "metric ton", "tonne"}, "kg": {"kilogram"},
    "g": {"gram"}, "lb": {"pound", "pound-mass"}, "oz": {"ounce"}, "gal": {"gallon"},
    "L": {"litre"}, "ft2": {"square foot"}, "m2": {"square metre"}, "share": {"share"},
    "person": {"person"}, "MMBtu": {"mega british thermal unit"}, "MWh": {"megawatt hour"},
    "kWh": {"kilowatt hour"}, "m3": {"cubic metre"},
}


def unit_names(unit: str, dimension: str = "") -> set[str]:
    """CQE names our canonical unit may be written as."""
    if dimension == "age":
        return {"year of age", "month of age", "age"}
    if unit in CQE_NAMES:
        return CQE_NAMES[unit]
    if "/" in unit:
        num, _, den = unit.rpartition("/")
        return {f"{a} per {b}" for a in unit_names(num) for b in DEN_NAMES.get(den) or CQE_NAMES.get(den, {den})}
    return {unit.lower()}


_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "feet": "foot",
              "people": "people", "teeth": "tooth"}


def _lemma(word: str) -> str:
    w = word.lower().strip(".,;:'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"           # "fishermen", "policemen"
    if w.endswith(("ss", "us", "is")):
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("uses", "us"), ("ches", "ch"),
                         ("shes", "sh"), ("xes", "x"), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            return w[: -len(suffix)] + repl
    return w


def counted_matches(counted: str, gold_unit: str) -> bool:
    """A counted noun matches when its head noun is a word of CQE's noun phrase."""
    if not counted:
        return gold_unit.strip() in ("-", "", "count")
    words = [_lemma(w) for w in re.split(r"[\s-]+", gold_unit) if w]
    gold = set(words)
    # a compound written open by one side and closed by the other ("touch down" and
    # "touchdown"): adjacent gold words joined count as one noun
    gold |= {a + b for a, b in zip(words, words[1:])}
    mine = [_lemma(w) for w in re.split(r"[\s-]+", counted) if w]
    return bool(mine) and mine[-1] in gold


def equivalent_names(name: str) -> set[str]:
    """Another system's unit name with the spellings CQE uses for the same unit, so that
    every system is scored through the same table ("degree Celsius" is CQE's "celsius")."""
    n = name.lower()
    out = {n, n.replace("degree ", ""), n.replace("united states ", ""),
           n.replace("metric ", "")}
    for names in CQE_NAMES.values():
        if n in names or n.replace("degree ", "") in names:
            out |= names
    return out
