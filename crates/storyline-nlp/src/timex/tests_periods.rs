//! Tests for whole years, decades, centuries, fractions and expressions counted from the
//! date the text last named. The sentences are written for these tests.

use super::tests::check;

#[test]
fn whole_years_and_year_end() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "For the year, shipments were flat.",
        &[("the year", "2024")],
    );
    check(
        "en",
        d,
        "Revenue for the year ended June 30 rose.",
        &[("the year", "P1Y"), ("June 30", "2024-06-30")],
    );
    check(
        "en",
        d,
        "It expects a loss for the full year and a gain in the current fiscal year.",
        &[
            ("the full year", "2024"),
            ("the current fiscal year", "2024"),
        ],
    );
    check(
        "en",
        d,
        "Sales in the latest fiscal year fell.",
        &[("the latest fiscal year", "2023")],
    );
    check(
        "en",
        d,
        "The deal should close by year-end.",
        &[("year-end", "2024")],
    );
    check("en", d, "down from $40 million the year before.", &[]);
}

#[test]
fn year_earlier_adjectives_follow_the_quarter() {
    check(
        "en",
        "2024-10-24",
        "Profit in the third quarter rose. Year-earlier results included a charge.",
        &[
            ("the third quarter", "2024-Q3"),
            ("Year-earlier", "2023-Q3"),
        ],
    );
    check(
        "en",
        "2024-10-24",
        "Net for the year-earlier nine months rose.",
        &[("nine months", "P9M")],
    );
}

#[test]
fn decades_and_centuries() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "hate groups grew through the nineties",
        &[("the nineties", "199")],
    );
    check("en", d, "a slump in the '80s", &[("80s", "198")]);
    check(
        "en",
        d,
        "an 11th century temple, a 20th century idea",
        &[("11th century", "10"), ("20th century", "19")],
    );
    check("en", d, "by the mid-1990s", &[("mid-1990s", "199")]);
    check(
        "en",
        d,
        "It fell apart in mid-1996.",
        &[("mid-1996", "1996")],
    );
}

#[test]
fn anaphora_count_from_the_last_date() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "He fled in June 2019 and returned later that year.",
        &[("June 2019", "2019-06"), ("later that year", "2019")],
    );
    check(
        "en",
        d,
        "The vote was on March 3, 2021. The following month, the law passed.",
        &[
            ("March 3, 2021", "2021-03-03"),
            ("The following month", "2021-04"),
        ],
    );
    check(
        "en",
        d,
        "Police arrived on Oct. 2. The next morning, the road reopened.",
        &[
            ("Oct. 2", "2024-10-02"),
            ("The next morning", "2024-10-03TMO"),
        ],
    );
    check("en", d, "Results for that quarter were weak.", &[]);
    check(
        "en",
        d,
        "Sales rose in the second quarter of 2022, but results for that quarter included a charge.",
        &[
            ("the second quarter of 2022", "2022-Q2"),
            ("that quarter", "2022-Q2"),
        ],
    );
    // Without an earlier date, the dateline.
    check(
        "en",
        d,
        "Earlier that day, crowds gathered.",
        &[("Earlier that day", "2024-10-24")],
    );
}

#[test]
fn fractions_rates_and_words_that_are_not_times() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "a flight of 5 1/2 hours after 2 1/2 years and a year and a half",
        &[
            ("5 1/2 hours", "PT5H30M"),
            ("2 1/2 years", "P2Y6M"),
            ("a year and a half", "P1Y6M"),
        ],
    );
    check(
        "en",
        d,
        "guards posted 24 hours a day",
        &[("24 hours", "PT24H")],
    );
    check("en", d, "A second group of directors", &[]);
    check(
        "en",
        d,
        "The quarterly dividend is paid quarterly.",
        &[("quarterly", "P3M")],
    );
    check("en", d, "Mr. Reed, 52 years old, will retire.", &[]);
    check(
        "en",
        d,
        "Prices began to fall in the fall.",
        &[("fall", "2024-FA")],
    );
    check(
        "en",
        d,
        "Under current rules, the then current price applies; the current year matters.",
        &[("then current", "PAST_REF"), ("the current year", "2024")],
    );
    check("en", d, "protesters at this march in the capital", &[]);
    check(
        "en",
        d,
        "by the year two thousand",
        &[("the year two thousand", "2000")],
    );
}

#[test]
fn year_ago_counts_from_the_nearest_quarter() {
    check(
        "en",
        "2024-10-24",
        "It expects growth by the third quarter of 2025. Third-quarter sales fell from a year ago, \
         and the year-ago quarter had a loss. The year-ago results included a charge, and a \
         year-earlier loss was smaller.",
        &[
            ("the third quarter of 2025", "2025-Q3"),
            ("Third-quarter", "2024-Q3"),
            ("a year ago", "2023-Q3"),
            ("the year-ago quarter", "2023-Q3"),
            ("The year-ago", "2023-Q3"),
            ("year-earlier", "2023-Q3"),
        ],
    );
}

#[test]
fn directions_without_one_period() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "Margins will improve in coming quarters, unlike past years.",
        &[
            ("coming quarters", "FUTURE_REF"),
            ("past years", "PAST_REF"),
        ],
    );
    check(
        "en",
        d,
        "Talks stalled in recent days; the bonds may be sold at a later date.",
        &[("recent days", "PXD"), ("a later date", "FUTURE_REF")],
    );
    check(
        "en",
        d,
        "The island was ceded in 1898.",
        &[("1898", "1898")],
    );
    check("en", d, "It weighed 1850 pounds.", &[]);
}

#[test]
fn only_opening_classes_start_a_scan() {
    let lex = super::lexicon::for_lang("en");
    let mut toks = super::tokens::tokenize("said to Friday the");
    lex.annotate(&mut toks);
    let open: Vec<bool> = toks.iter().map(|t| lex.can_open(t)).collect();
    assert_eq!(open, [false, false, true, true]);
}

#[test]
fn a_limit_in_the_past_perfect_has_passed() {
    // 2024-10-25 is a Friday.
    let d = "2024-10-25";
    check(
        "en",
        d,
        "Until Thursday, investigators had not named a suspect.",
        &[("Thursday", "2024-10-24")],
    );
    check(
        "en",
        d,
        "Only two states had filed reports by Wednesday.",
        &[("Wednesday", "2024-10-23")],
    );
    check(
        "en",
        d,
        "The offer runs until Thursday.",
        &[("Thursday", "2024-10-31")],
    );
}

#[test]
fn fiscal_years_keep_their_word() {
    check(
        "en",
        "2024-10-24",
        "Sales in fiscal 2023 rose after about two weeks of talks.",
        &[("fiscal 2023", "2023"), ("two weeks", "P2W")],
    );
}

#[test]
fn before_a_phrase_is_a_preposition() {
    let d = "2024-10-24";
    check(
        "en",
        d,
        "He resigned several months before the vote, over the next couple of years.",
        &[
            ("several months", "PXM"),
            ("the next couple of years", "P2Y"),
        ],
    );
    check(
        "en",
        d,
        "He had resigned two days before.",
        &[("two days before", "2024-10-22")],
    );
}

#[test]
fn korean_quarters_and_halves_are_periods_not_minutes() {
    check(
        "ko",
        "2026-10-29",
        "올해 3분기 적자가 커졌다. 지난 2분기에도 손실을 냈다. 4분기에도 손실이 예상된다. \
         내년 상반기까지 통합한다. 회의는 30분 동안 열렸다.",
        &[
            ("올해 3분기", "2026-Q3"),
            ("지난 2분기에도", "2026-Q2"),
            ("4분기에도", "2026-Q4"),
            ("내년 상반기까지", "2027-H1"),
            ("30분", "PT30M"),
        ],
    );
}

#[test]
fn ranges_across_months_quarters_by_their_months_and_fractions() {
    check(
        "en",
        "2026-10-06",
        "The survey was conducted Sept. 29 to Oct. 3. Talks run Oct. 30–Nov. 2. Profit rose \
         in the July-September period. Fewer than a quarter of voters knew. Volunteers have \
         knocked on doors since Labor Day.",
        &[
            ("Sept. 29 to Oct. 3", "2026-09-29/2026-10-03"),
            ("Oct. 30–Nov. 2", "2026-10-30/2026-11-02"),
            ("July-September", "2026-Q3"),
            ("Labor Day", "2026-09-07"),
        ],
    );
}

#[test]
fn every_weekday_or_month_is_a_set_and_decimals_are_no_years() {
    check(
        "en",
        "2026-05-14",
        "The ferry leaves each Thursday and the fair opens every July. The index closed at \
         2082.1, up from 1995.4.",
        &[("each Thursday", "XXXX-WXX-4"), ("every July", "XXXX-07")],
    );
    check(
        "en",
        "2026-05-14",
        "A hearing is set for the week of June 8. Over the weeks of talks, little moved.",
        &[("the week of June 8", "2026-W24"), ("weeks", "PXW")],
    );
    check(
        "de",
        "2026-05-14",
        "Der Markt findet jeden Montag statt.",
        &[("jeden Montag", "XXXX-WXX-1")],
    );
    check(
        "es",
        "2026-05-14",
        "La feria abre cada julio.",
        &[("cada julio", "XXXX-07")],
    );
}

#[test]
fn the_eve_in_russian_and_ukrainian() {
    check(
        "ru",
        "2026-10-15",
        "Накануне вечером в акции приняли участие студенты.",
        &[("Накануне вечером", "2026-10-14TEV")],
    );
    check(
        "uk",
        "2026-10-15",
        "Напередодні рятувальники підняли тіло.",
        &[("Напередодні", "2026-10-14")],
    );
}

#[test]
fn irregular_past_verbs_and_days_with_no_tense_cue() {
    // "became": the weekend before a Monday dateline.
    check(
        "en",
        "1991-02-25",
        "American officials over the weekend became more open.",
        &[("the weekend", "1991-W08-WE")],
    );
    // No cue: the August before, though the next one is as near.
    check(
        "en",
        "1998-02-06",
        "Stocks are within 70 points of the high of Aug. 6.",
        &[("Aug. 6", "1997-08-06")],
    );
}
