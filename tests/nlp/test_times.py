"""Tests for sitrep.nlp.times: time expressions resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.model import DateEstimate
from sitrep.nlp import times
from sitrep.nlp.times import resolve_time

# A Thursday.
PUB = DateEstimate("2019-03-14", "2019-03-14", "2019-03-14", "day", 0.9, "test")
# Only the month is known, with low confidence.
PUB_MONTH = DateEstimate("2019-03", "2019-03-01", "2019-03-31", "month", 0.4, "test")


@pytest.fixture(scope="module")
def nlp(nlp_base):
    """The shared parser plus this module's component, made by its registered factory."""
    return nlp_base, nlp_base.create_pipe(times.FACTORY_NAME)


def parse(nlp, text: str, published: DateEstimate | None = PUB):
    parser, component = nlp
    doc = parser(text)
    doc._.doc_id = "doc-t"
    doc._.published = published
    doc = component(doc)
    return doc


def by_text(doc) -> dict:
    return {mention.evidence.text: mention for mention in doc._.times}


@pytest.mark.parametrize("text, value", [
    ("Thursday", "2019-03-14"),   # the pub day itself
    ("Monday", "2019-03-11"),
    ("last Thursday", "2019-03-07"),
    ("October 2", "2018-10-02"),  # the latest October 2 on or before the pub date
    ("on March 14", "2019-03-14"),
    ("three years ago", "2016"),
    ("in 2016", "2016"),
    ("yesterday", "2019-03-13"),
    ("earlier Tuesday", "2019-03-12"),
    ("in November last year", "2018-11"),  # a month against the base year
    ("last November", "2018-11"),
    ("last February", "2019-02"),  # the latest February before the pub month
    ("last March", "2018-03"),     # the pub month itself is "this March"
    ("March of this year", "2019-03"),
    ("Sept. 11 last year", "2018-09-11"),
    ("Tuesday, June 10", "2014-06-10"),  # the weekday pins the year: June 10 fell on a Tuesday in 2014
    ("on Wednesday, January 21", "2015-01-21"),
    ("Thursday, March 14", "2019-03-14"),
])
def test_time_resolver_resolves_points(text, value):
    assert resolve_time(text, PUB).value == value


@pytest.mark.parametrize("text, earliest, latest", [
    ("last week", "2019-03-04", "2019-03-10"),
    ("since 2009", "2009-01-01", "2019-03-14"),
    ("the end of January", "2019-01-21", "2019-01-31"),
    ("the summer of 2014", "2014-06-01", "2014-08-31"),
    ("last summer", "2018-06-01", "2018-08-31"),
    ("this winter", "2018-12-01", "2019-02-28"),  # winter runs from the December before
    ("over the past few days", "2019-03-09", "2019-03-14"),
    ("late last year", "2018-09-01", "2018-12-31"),
    ("between April and June 2017", "2017-04-01", "2017-06-30"),
    ("the weekend", "2019-03-09", "2019-03-10"),
    ("earlier this month", "2019-03-01", "2019-03-14"),
])
def test_time_resolver_resolves_ranges(text, earliest, latest):
    resolution = resolve_time(text, PUB)
    assert (resolution.earliest, resolution.latest) == (earliest, latest)
    assert resolution.precision == "range" and resolution.value is None


def test_time_resolver_an_after_span_starting_after_publication_is_the_time_itself():
    """"after weekend drone attacks destroyed" on a Sunday: the model took "after" into the
    time, which then names no span after the weekend, only the weekend's attacks."""
    sunday = DateEstimate("2019-09-15", "2019-09-15", "2019-09-15", "day", 0.9, "test")
    resolution = resolve_time("after weekend", sunday)
    assert (resolution.earliest, resolution.latest) == ("2019-09-14", "2019-09-15")
    assert (resolve_time("after the weekend", PUB).earliest, resolve_time("after the weekend", PUB).latest) == (
        "2019-03-11", "2019-03-14")  # a span that ends by publication stays one


def test_time_resolver_widens_relative_times_with_a_vague_pub_date():
    exact = resolve_time("Monday", PUB)
    vague = resolve_time("Monday", PUB_MONTH)
    assert exact.earliest == exact.latest == "2019-03-11"
    # Any Monday of March 2019, or the last one of February.
    assert (vague.earliest, vague.latest, vague.value) == ("2019-02-25", "2019-03-25", None)
    assert vague.confidence <= PUB_MONTH.confidence < exact.confidence


def test_time_resolver_keeps_a_value_when_every_pub_day_agrees():
    resolution = resolve_time("last year", PUB_MONTH)
    assert (resolution.value, resolution.precision) == ("2018", "year")
    assert resolution.confidence <= PUB_MONTH.confidence


def test_time_resolver_leaves_relative_times_unresolved_without_pub_date():
    for text in ("Tuesday", "two weeks ago", "October 2", "late last year"):
        resolution = resolve_time(text, None)
        assert resolution.value is None and resolution.earliest is None
        assert resolution.method == "unresolved:no_pub_date"
    absolute = resolve_time("May 2012", None)
    assert (absolute.value, absolute.earliest, absolute.latest) == ("2012-05", "2012-05-01", "2012-05-31")


@pytest.mark.parametrize("text, reason", [
    ("a year later", "anaphoric"),
    ("for six months", "duration"),
    ("a 72-hour", "duration"),  # "a 72-hour ceasefire" was 1972
    ("three-day", "duration"),
    ("12 seconds", "duration"),  # "the bombs, which exploded 12 seconds apart"
    ("11 p.m.", "time_of_day"),
    ("32", "number"),  # "Cherif Kouachi, 32,": an age, which dateparser made 1932
])
def test_time_resolver_refuses_to_guess(text, reason):
    resolution = resolve_time(text, PUB)
    assert resolution.value is None and resolution.method == f"unresolved:{reason}"


def test_time_resolver_decades():
    resolution = resolve_time("the 1970s", None)
    assert (resolution.earliest, resolution.latest) == ("1970-01-01", "1979-12-31")


def test_time_resolver_component_sets_mentions_with_evidence(nlp):
    text = ("Rebels have held the ridge since 2009. The army shelled it on Monday and "
            "again between April and June 2017, residents said late last year.")
    doc = parse(nlp, text)
    found = by_text(doc)
    assert found["since 2009"].earliest == "2009-01-01"
    assert found["Monday"].value == "2019-03-11"
    assert found["between April and June 2017"].latest == "2017-06-30"
    assert found["late last year"].earliest == "2018-09-01"
    for mention in doc._.times:
        ev = mention.evidence
        assert (ev.doc_id, ev.layer) == ("doc-t", "text")
        assert text[ev.start:ev.end] == ev.text


@pytest.mark.parametrize("text, value", [
    ("The council urged him to sign the pact by April 2.", "2019-04-02"),  # what is to come: the coming April 2
    ("The parliament will vote on April 2.", "2019-04-02"),
    ("The parliament voted on April 2.", "2018-04-02"),  # what was: the latest April 2
    ("The parliament will vote on October 2.", "2018-10-02"),  # the coming one is not much nearer
    ("Talks are set to resume Tuesday in Cairo.", "2019-03-19"),  # arranged: the coming Tuesday
    ("Talks resumed Tuesday in Cairo.", "2019-03-12"),  # the latest Tuesday
    ("On Tuesday, the two leaders are scheduled to hold talks.", "2019-03-19"),  # the time on the arranging word
    ("On Tuesday, the two leaders are to hold talks.", "2019-03-19"),  # "are to": arranged
    ("On Tuesday, the rebel leader was to blame.", "2019-03-12"),
    ("Rebels continued to attack the town on Tuesday.", "2019-03-12"),  # an infinitive arranges nothing
    ("Sanctions on oil will be reimposed in May.", "2019-05"),  # so for a month alone
    ("Sanctions on oil were reimposed in May.", "2018-05"),
    ("The talks approach an April 2 deadline.", "2019-04-02"),  # a deadline is set ahead
    ("Iran missed the March 10 deadline.", "2019-03-10"),  # one just missed is nearer in the past
])
def test_time_resolver_a_day_in_a_clause_about_what_is_to_come_may_be_the_coming_one(nlp, text, value):
    (mention,) = parse(nlp, text)._.times
    assert mention.value == value


def test_time_resolver_component_without_pub_date(nlp):
    doc = parse(nlp, "The siege began in 2014 and ended last month.", published=None)
    found = by_text(doc)
    assert found["2014"].value == "2014"
    assert found["last month"].value is None


def test_time_resolver_skips_ages(nlp):
    doc = parse(nlp, "A 27-year-old nurse was wounded on Monday.")
    assert [m.evidence.text for m in doc._.times] == ["Monday"]


def test_time_resolver_a_month_in_a_persons_place_is_a_name(nlp):
    """"spoke with May", "told May that": Theresa May, whom the NER labels DATE; "in May",
    "May was the deadliest month" and "September's attacks" are months."""
    doc = parse(nlp, "Collomb, who spoke with May after the attack, said Trump told May that the raids in May "
                     "were wrong. May was the deadliest month. September's attacks damaged the plant.")
    assert [m.evidence.text for m in doc._.times if "May" in m.evidence.text] == ["May", "May"]
    assert "September" in [m.evidence.text for m in doc._.times]
    assert [m.evidence.start for m in doc._.times if m.evidence.text == "May"][0] > doc.text.index("raids")


def test_time_resolver_a_rank_is_no_day(nlp):
    """"1st Lt." ranks a name, no day of the month."""
    doc = parse(nlp, "They carried the coffin of 1st Lt. Mohammed Ashraf in Cairo.")
    assert [m.value for m in doc._.times if m.evidence.text == "1st"] in ([], [None])


def test_time_resolver_a_named_world_event_is_its_day():
    """'9/11' names 11 September 2001 (kb/date_anchors.jsonl), not the 11th of the last September."""
    found = resolve_time("9/11", PUB)
    assert (found.value, found.method) == ("2001-09-11", "rule:named_event")
    assert resolve_time("September 11", PUB).value == "2018-09-11"
    since = resolve_time("since 9/11", PUB)  # inside a longer expression too
    assert (since.earliest, since.value) == ("2001-09-11", None)


def test_time_resolver_a_date_followed_by_the_word_that_names_the_event_is_that_event(nlp):
    doc = parse(nlp, "Chatter rose before the September 11 attacks. On September 11 Russia struck Idlib.")
    values = [(m.evidence.text, m.value) for m in doc._.times]
    assert values == [("September 11", "2001-09-11"), ("September 11", "2018-09-11")]


def test_time_resolver_a_missed_date_keeps_its_year(nlp):
    """The NER reads "the September 11, 2012 attacks" as an event name; the date is still 2012's."""
    doc = parse(nlp, "Al Qaeda played no role in the September 11, 2012 attacks on U.S. facilities in Benghazi.")
    assert by_text(doc)["September 11, 2012"].value == "2012-09-11"


def test_time_resolver_a_named_event_may_take_two_words_after_its_date(nlp):
    doc = parse(nlp, "Before the Sept. 11 terror attacks, al Qaeda bombed two embassies.")
    assert by_text(doc)["Sept. 11"].value == "2001-09-11"


def test_time_resolver_the_anniversary_of_a_date_is_another_year(nlp):
    doc = parse(nlp, "The assault took place on the anniversary of the Sept. 11, 2001, terrorist attacks.")
    assert by_text(doc)["Sept. 11, 2001"].method == "unresolved:anniversary"


@pytest.mark.parametrize("text, value", [
    ("Gunmen attacked a nightclub during New Year's Eve celebrations.", "2018-12-31"),  # the latest one
    ("Gunmen attacked a church on Christmas Day.", "2018-12-25"),
    ("A truck drove into crowds celebrating Bastille Day.", "2018-07-14"),  # no "day" duration
])
def test_time_resolver_a_holiday_on_a_fixed_day_is_the_latest_one(nlp, text, value):
    (mention,) = parse(nlp, text)._.times
    assert (mention.value, mention.method) == (value, "rule:holiday")


def test_time_resolver_a_day_of_a_noun_said_to_be_arranged_is_the_coming_one(nlp):
    """"a scheduled meeting ... on March 22" a week after the pub date is that coming day; a
    day no word arranges a week after it stays the past one unless far nearer."""
    found = by_text(parse(nlp, "Diplomats fear the worst if a scheduled meeting with Putin in Helsinki on March 22 "
                               "is more convivial."))
    assert found["March 22"].value == "2019-03-22"
    assert by_text(parse(nlp, "The attack on March 22 killed 12 people."))["March 22"].value == "2018-03-22"


def test_time_resolver_that_month_is_one_told_before_not_the_pub_dates(nlp):
    """"in 2016 ... that June" is June 2016, which the resolver does not guess; "said that
    June was" is a June of its own."""
    found = by_text(parse(nlp, "He ran the campaign in 2016 and attended a meeting at Trump Tower that June."))
    assert (found["that June"].value, found["that June"].method) == (None, "unresolved:anaphoric")
    assert by_text(parse(nlp, "He said that June was the month of the attack."))["June"].value == "2018-06"


def test_time_resolver_a_season_word_names_no_day(nlp):
    doc = parse(nlp, "A truck hit a Christmas market in Berlin.")
    assert all(mention.value is None for mention in doc._.times)


def test_time_resolver_a_day_just_after_the_pub_date_is_that_day(nlp):
    """A caption "on March 15" in a story dated March 14 (updated since) is the next day, not
    a year before; a named event keeps its own year; a day months ahead stays in the past."""
    doc = parse(nlp, "A forensics expert inspects the beach on March 15. Victims of the September 11 attacks "
                     "were remembered. The talks were held on April 30.")
    values = by_text(doc)
    assert values["March 15"].value == "2019-03-15"
    assert values["September 11"].value == "2001-09-11"
    assert values["April 30"].value == "2018-04-30"


def test_time_resolver_a_day_an_occasion_is_set_for_is_the_coming_one(nlp):
    """"the summit, set for April 12": arranged, so this April, not the last."""
    doc = parse(nlp, "There is no guarantee that anything will come from the summit, set for April 12 in Singapore.")
    assert by_text(doc)["April 12"].value == "2019-04-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feb. 27-28", ("2019-02-27", "2019-02-28")),
        ("March 3-4, 2018", ("2018-03-03", "2018-03-04")),
    ],
)
def test_two_days_of_one_month_are_a_span_not_a_year(text, expected):
    """"the Feb. 27-28 summit": dateparser reads "28" as the year 1928; it is two days."""
    period, _ = times.resolve_period(text, date(2019, 3, 10))
    assert (period.start.isoformat(), period.end.isoformat()) == expected


def test_two_days_that_cannot_both_exist_resolve_to_nothing():
    """"Feb. 28-29" in 2019, which has no Feb. 29: no span, and no 1929 either."""
    assert times.resolve_period("Feb. 28-29", date(2019, 3, 10)) is None


def test_time_finder_a_number_counting_a_plural_is_no_year(nlp):
    """"Iran sent 2000 troops": the NER labels "2000" a date; it is a head count."""
    assert parse(nlp, "Iran sent 2000 troops to Syria.")._.times == []


def test_time_resolver_a_month_in_an_open_clause_under_will_is_the_coming_one(nlp):
    """"won't vote to support December's omnibus bill", written in November: this December, not last."""
    november = DateEstimate("2015-11-19", "2015-11-19", "2015-11-19", "day", 0.9, "test")
    doc = parse(nlp, "Republicans are signaling they won't vote to support December's omnibus bill.", november)
    assert by_text(doc)["December"].value == "2015-12"
    assert by_text(parse(nlp, "ISIS continued to attack Kobani in December.", november))["December"].value == "2014-12"
