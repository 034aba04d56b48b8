"""Dates of articles: the date lines pages print, ISO values from markup, dateparser for the rest.

Dates are ISO 8601 strings: ``YYYY-MM-DD`` for a date alone, ``YYYY-MM-DDTHH:MM`` when the page
gives a time, ``YYYY-MM-DDTHH:MM+07:00`` when it also gives an offset ("GMT+7"). A date already in
ISO form (an HTML ``<meta>`` or ``<time datetime>``) is kept as given. The fast pattern goes first;
dateparser (slow to import and to run) only reads short lines the pattern does not know.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import regex

from langnghe_extract.boilerplate import or_regex, table

MAX_DATE_LINE = 120  # a date line is short; longer lines are body text


@cache
def _date_line_pattern() -> Any:
    t = table("date_line")
    day, month, year = (regex.escape(t[k]) for k in ("day_word", "month_word", "year_word"))
    date = rf"""(?:{day}\s++)?(?P<d>\d{{1,2}})                  # ngày 17 | 16
        (?:\s*+[-/.]\s*+|\s++{month}\s++)(?P<m>\d{{1,2}})        # -09 | tháng 6
        (?:\s*+[-/.]\s*+|\s*+,?\s*+{year}\s++)(?P<y>\d{{4}})     # -2021 | năm 2024
        """
    time = r"(?P<H>\d{1,2})\s*+[:hg]\s*+(?P<M>\d{2})(?::\d{2})?+"  # 10:04, 10h04, 10:04:59
    zone = rf"""\(?\s*+(?:{or_regex(t["timezone_words"])})\s*+
        (?P<tz>[+-]\d{{1,2}})(?::?+(?P<tzm>\d{{2}}))?+\s*+\)?"""  # GMT+7, (UTC+07:00)
    return regex.compile(
        rf"""(?:(?:{or_regex(t["prefixes"])})\s*+:?\s*+)?+         # Cập nhật:
        (?:(?:{or_regex(t["weekdays"])})\s*+[,-]?\s*+)?+           # Thứ năm,
        (?:{date}(?:\s*+[|,-]?\s*+{time})?+                        # date, then maybe time
          |{time}\s*+[|,-]?\s*+{date})                             # or time, then date
        \s*+(?:{zone})?+\s*+""",
        regex.IGNORECASE | regex.VERBOSE,
    )


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that holds only a date (and time), else None.

    >>> parse_date_line("Thứ năm, 16-09-2021 | 10:04GMT+7")
    '2021-09-16T10:04+07:00'
    >>> parse_date_line("Thứ hai, ngày 17 tháng 6 năm 2024 | 20:44")
    '2024-06-17T20:44'
    >>> parse_date_line("29/01/2026 17:31")
    '2026-01-29T17:31'
    >>> parse_date_line("16/09/2021")
    '2021-09-16'
    >>> parse_date_line("17:31 | 29/01/2026 Làng nghề, nghệ nhân") is None  # a headline item
    True
    >>> parse_date_line("31/02/2024") is None  # no such day
    True
    """
    line = line.strip()
    if len(line) > MAX_DATE_LINE:
        return None
    m = _date_line_pattern().fullmatch(line)
    if m is None:
        return parse_date_words(line)
    return _iso_from_parts(m.groupdict())


MAX_DATEPARSER_LINE = 60  # dateparser is slow; only short lines with a year are worth a try
_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# A day and a month must be there before dateparser is worth importing: "12/3/2024", "12.03.2024",
# "12 tháng Ba" — a headline with a year ("… năm 2024") never reaches it.
_DATE_SHAPE = regex.compile(
    r"\d{1,2}\s*+[/.-]\s*+\d{1,2}\s*+[/.-]\s*+\d{4}|\d{1,2}\s++tháng\b", regex.IGNORECASE
)
_CLOCK = regex.compile(r"(?<!\d)(?P<H>\d{1,2})\s*+[:hg]\s*+(?P<M>\d{2})(?!\d)")
_DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",  # 05/03/2024 is 5 March
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],  # "năm 2025" or "tháng 6/2024" is no date
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["absolute-time"],  # "hôm qua" (yesterday) would give today's run date
}


def parse_date_words(line: str) -> str | None:
    """A date line our pattern does not know, read by dateparser (Vietnamese, day first).

    Only for short lines with a four-digit year; a line with any word dateparser does not know
    as date vocabulary gives None, so a headline with a date in it is no date line.

    >>> parse_date_words("Thứ Ba, 12 Tháng Ba 2024 08:15")
    '2024-03-12T08:15'
    >>> parse_date_words("12 tháng Mười Hai, 2023")
    '2023-12-12'
    >>> parse_date_words("năm 2025") is None, parse_date_words("tháng 6/2024") is None
    (True, True)
    >>> parse_date_words("Hà Nội có 118 làng nghề năm 2024") is None
    True
    """
    if len(line) > MAX_DATEPARSER_LINE or not _YEAR.search(line) or not _DATE_SHAPE.search(line):
        return None
    import dateparser  # noqa: PLC0415 - a second to import; only for unusual date lines

    text = _prefix_pattern().sub("", line, count=1)
    try:
        found = dateparser.parse(text, languages=["vi"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        return None
    if not isinstance(found, dt.datetime) or found.year < 1900:
        return None
    day = found.date().isoformat()
    return day if _CLOCK.search(text) is None else f"{day}T{found.hour:02d}:{found.minute:02d}"


@cache
def _prefix_pattern() -> Any:
    """ "Cập nhật:", "Ngày đăng:" at the start of a date line (dateparser does not know them)."""
    prefixes = or_regex(table("date_line")["prefixes"])
    return regex.compile(rf"\A\s*+(?:{prefixes})\s*+:?\s*+", regex.IGNORECASE)


def _iso_from_parts(parts: dict[str, str | None]) -> str | None:
    try:
        day = dt.date(int(parts["y"] or 0), int(parts["m"] or 0), int(parts["d"] or 0))
    except ValueError:
        return None
    if parts["H"] is None:
        return day.isoformat()
    hour, minute = int(parts["H"]), int(parts["M"] or 0)
    if hour > 23 or minute > 59:
        return None
    iso = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if parts["tz"] is not None:
        offset = int(parts["tz"])
        iso += f"{'-' if offset < 0 else '+'}{abs(offset):02d}:{parts['tzm'] or '00'}"
    return iso


_ISO = regex.compile(
    r"""(?P<date>\d{4}-\d{2}-\d{2})                       # 2024-06-17
    (?:[T\ ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?+)?+      # T20:44:00.000
       (?:Z|[+-]\d{2}(?::?\d{2})?+)?+)?+                # +07:00
    """,
    regex.VERBOSE,
)


def normalise_date(value: str) -> str | None:
    """An ISO 8601 string for a date as a page states it (ISO kept as given), else None.

    >>> normalise_date("2024-06-17T20:44:00+07:00")
    '2024-06-17T20:44:00+07:00'
    >>> normalise_date("2024-06-17 20:44")
    '2024-06-17T20:44'
    >>> normalise_date("16/09/2021 10:04")
    '2021-09-16T10:04'
    >>> normalise_date("hôm qua") is None
    True
    """
    value = value.strip()
    if _ISO.fullmatch(value[:40]) and len(value) <= 40:
        try:
            dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
        return value.replace(" ", "T", 1)
    return parse_date_line(value)


# Sites that stamp an article's address with its publication time (Dân trí, Tuổi Trẻ:
# "…-ngheo-20210430170833239.htm" is 30 April 2021, 17:08:33.239): fourteen digits of date and
# time, up to three of milliseconds, closing the path. Shorter ids (baomoi's eight digits,
# VnExpress's seven) hold no date.
_URL_STAMP = regex.compile(
    r"[-/](?P<y>20\d\d)(?P<m>\d\d)(?P<d>\d\d)(?P<H>\d\d)(?P<M>\d\d)(?P<S>\d\d)\d{0,3}+"
    r"(?:\.[a-z]{2,5}+)?+/?+\Z"
)


def date_from_url(url: str | None, today: dt.date | None = None) -> str | None:
    """The publication time a news address is stamped with, when it is a real past moment.

    >>> date_from_url("https://dantri.com.vn/xa-hoi/lang-nghe-20210430170833239.htm")
    '2021-04-30T17:08'
    >>> date_from_url("https://baomoi.com/lang-nghe/c/22381724.epi") is None
    True
    >>> date_from_url("https://example.vn/bai-20211345170833239.htm") is None  # month 13
    True
    """
    path = url.split("?")[0].split("#")[0] if url else ""
    tail = max(path.rfind("-", 0, len(path) - 14), path.rfind("/", 0, len(path) - 14))
    found = _URL_STAMP.match(path, max(tail, 0)) if tail >= 0 else None  # one try, at the id
    if found is None:
        return None
    # the pattern's six groups, in order (``groups`` reads them faster than by name)
    y, m, d, hour, minute, second = map(int, found.groups())
    try:
        stamp = dt.datetime(y, m, d, hour, minute, second)
    except ValueError:
        return None
    if not _is_past(stamp.date(), today):
        return None  # an id that only looks like a date
    return stamp.isoformat(timespec="minutes")  # strftime("%Y-%m-%dT%H:%M") for years 1000+


_LAST_TODAY = [dt.date.min]  # the date an earlier call of ``_is_past`` read from the clock


def _is_past(day: dt.date, today: dt.date | None = None) -> bool:
    """``day <= (today or dt.date.today())``, reading the clock only for a day after the date
    an earlier call read (the clock does not go back a day; reading it cost more than the rest
    of ``date_from_url``).

    >>> _is_past(dt.date(2021, 4, 30)), _is_past(dt.date(9999, 1, 1))
    (True, False)
    """
    if today is not None:
        return day <= today
    if day <= _LAST_TODAY[0]:
        return True
    _LAST_TODAY[0] = dt.date.today()
    return day <= _LAST_TODAY[0]
