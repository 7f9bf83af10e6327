use super::*;

#[test]
fn sentence_ends() {
    check_sentences(
        "en",
        "The talks ended. Officials left! Why? Nobody knows…",
        &[
            "The talks ended.",
            "Officials left!",
            "Why?",
            "Nobody knows…",
        ],
    );
    check_sentences(
        "en",
        "He said so. 3,000 people came. (Some left.) Others stayed.",
        &[
            "He said so.",
            "3,000 people came.",
            "(Some left.)",
            "Others stayed.",
        ],
    );
    check_sentences(
        "en",
        "“We will win.” The crowd cheered.",
        &["“We will win.”", "The crowd cheered."],
    );
    check_sentences(
        "en",
        "“Will we win?” he asked.",
        &["“Will we win?” he asked."],
    );
}

#[test]
fn abbreviations_do_not_split() {
    let one = [
        "President Volodymyr Zelensky on Oct. 22 urged allies to act.",
        "Gen. Mark A. Milley and Dr. J. Smith met Mr. Lee at St. Paul's.",
        "Prices rose, e.g. for gas, vs. last year.",
        "The No. 2 official spoke at 10 a.m. local time.",
        "Shares of Airbus N.V. (AIR) fell after 6 p.m. (GMT) on Monday.",
    ];
    for text in one {
        check_sentences("en", text, &[text]);
    }
    check_sentences(
        "en",
        "The aid came from the U.S. The rest came from Europe.",
        &["The aid came from the U.S.", "The rest came from Europe."],
    );
    check_sentences(
        "en",
        "The phone maker said so. iPhone sales rose.",
        &["The phone maker said so.", "iPhone sales rose."],
    );
    check_sentences(
        "de",
        "Das Treffen fand am 3. Oktober statt. Es war z. B. kurz.",
        &[
            "Das Treffen fand am 3. Oktober statt.",
            "Es war z. B. kurz.",
        ],
    );
    // A wire dateline with an abbreviated month: "12 Ago. (EUROPA PRESS) - …".
    check_sentences(
        "es",
        "VALENCIA, 12 Ago. (EUROPA PRESS) - Un incendio obligó a desalojar. Luego llovió.",
        &[
            "VALENCIA, 12 Ago. (EUROPA PRESS) - Un incendio obligó a desalojar.",
            "Luego llovió.",
        ],
    );
    check_sentences(
        "it",
        "ROMA, 3 Dic. (Adnkronos) - Il governo ha approvato il decreto.",
        &["ROMA, 3 Dic. (Adnkronos) - Il governo ha approvato il decreto."],
    );
    check_sentences(
        "es",
        "Lo dijo el Sr. Pérez en EE. UU. Luego se fue.",
        &["Lo dijo el Sr. Pérez en EE. UU.", "Luego se fue."],
    );
    check_sentences(
        "ru",
        "Это было в 2023 г. в Киеве, т. е. давно. Потом всё изменилось.",
        &[
            "Это было в 2023 г. в Киеве, т. е. давно.",
            "Потом всё изменилось.",
        ],
    );
}

#[test]
fn quotes_hold_their_sentences() {
    check_sentences(
        "en",
        "He said: “We are ready. We will fight. We will win.” Then he left.",
        &[
            "He said: “We are ready. We will fight. We will win.”",
            "Then he left.",
        ],
    );
    check_sentences(
        "en",
        "\"Aggressors must be stopped. We expect a response.\" Kyiv said.",
        &[
            "\"Aggressors must be stopped. We expect a response.\"",
            "Kyiv said.",
        ],
    );
    // A quote left open runs to the paragraph's end: split as if it were not there.
    check_sentences(
        "en",
        "“We are ready. We will fight.\nThe next paragraph.",
        &["“We are ready.", "We will fight.", "The next paragraph."],
    );
    check_sentences(
        "de",
        "Er sagte: „Wir sind bereit. Wir kämpfen.“ Dann ging er.",
        &["Er sagte: „Wir sind bereit. Wir kämpfen.“", "Dann ging er."],
    );
}

#[test]
fn other_scripts() {
    check_sentences(
        "zh",
        "市长说了。大桥开放！真的吗？",
        &["市长说了。", "大桥开放！", "真的吗？"],
    );
    check_sentences(
        "ja",
        "会議が開かれた。「明日も続く。」",
        &["会議が開かれた。", "「明日も続く。」"],
    );
    check_sentences("hi", "पुल खुलेगा। लोग खुश हैं।", &["पुल खुलेगा।", "लोग खुश हैं।"]);
    check_sentences(
        "ko",
        "회의가 열렸다. 결과는 없었다.",
        &["회의가 열렸다.", "결과는 없었다."],
    );
    check_sentences("ar", "قال الوزير. ثم غادر.", &["قال الوزير.", "ثم غادر."]);
}

#[test]
fn mixed_quotation_marks_balance() {
    // Hand-edited copy mixes typewriter and curly marks; both pairs still close.
    check_sentences(
        "en",
        "\"The record is clear. It always was,” said Nora Vance. “We said \"no\" twice. Then we left,\" said Ivo Marsh.",
        &[
            "\"The record is clear. It always was,” said Nora Vance.",
            "“We said \"no\" twice. Then we left,\" said Ivo Marsh.",
        ],
    );
}

#[test]
fn a_period_inside_a_token_run_ends_nothing() {
    check_sentences(
        "en",
        "It is a good decision, Sen. Lindsey Graham (R-S.C.) told the Post on Thursday. Then more.",
        &[
            "It is a good decision, Sen. Lindsey Graham (R-S.C.) told the Post on Thursday.",
            "Then more.",
        ],
    );
}
