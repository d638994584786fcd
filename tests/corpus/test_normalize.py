import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import from_texts, normalize, normalize_text

normalize_module = importlib.import_module(
    "corpus.normalize"
)  # (corpus.normalize is also a function)

SPECIAL = "“”‘’\"'—–-…\u00a0\u200b\u00ad\ufeff\n\t .,ÃâéA1■·„´`Â¡€™œ«»\u202f\u2028\u2029\x85\x93\x9d\u0302ds\u2010\u2011\u2212\u200e\u202b"


def test_typographic_marks_keep_quote_roles():
    text = normalize_text("He said \u201cno\u201d \u2013 it\u2019s \u2018final\u2019\u2026")
    assert text == "He said “no” — it's ‘final’..."


def test_straight_quotes_are_oriented_by_position():
    assert normalize_text('He called it "ridiculous" again.') == "He called it “ridiculous” again."
    assert normalize_text("'Occupation troops', they said") == "‘Occupation troops’, they said"


def test_invisible_and_odd_spaces():
    assert normalize_text("\ufeffpeace\u200b-\u00adkeeping\u00a0now") == "peace-keeping now"


def test_digit_ranges_use_hyphen():
    assert normalize_text("in 1990\u20131995") == "in 1990-1995"


def test_un_paragraph_numbers_and_page_numbers_are_removed():
    raw = "17.\tThe Charter stands.\n18.\tWe agree to\n6\n\n\nact together."
    result = normalize(raw)
    assert result.text == "The Charter stands.\nWe agree to\nact together."
    assert "paragraph numbers removed (2)" in result.repairs
    assert "page numbers removed (1)" in result.repairs


def test_line_break_hyphenation_follows_the_document_then_the_words_it_uses():
    # Typesetting breaks: the parts are no words of their own.
    assert normalize_text("inter-\nnational law") == "international law"
    assert normalize_text("govern-\nment and we govern") == "government and we govern"
    # The document's own spelling decides, either way.
    assert normalize_text("land-\nmines and more land-mines") == "land-mines and more land-mines"
    assert normalize_text("peace-\nkeeping, peace and keeping; peacekeeping") == (
        "peacekeeping, peace and keeping; peacekeeping"
    )
    # Compounds: a prefix that takes a hyphen, or two words the document uses alone.
    assert normalize_text("the right to self-\ndetermination") == "the right to self-determination"
    assert normalize_text("the non-\naligned countries") == "the non-aligned countries"
    assert normalize_text("peace-\nkeeping means keeping the peace") == (
        "peace-keeping means keeping the peace"
    )
    # The break itself does not count as a use of its second part.
    assert normalize_text("the peace-\nkeeping") == "the peacekeeping"
    # A capital after the break: a name-like compound, kept as it is.
    assert normalize_text("Asia-\nPacific") == "Asia-\nPacific"


def test_control_characters_are_removed_and_reported():
    result = normalize("We must act now.\x1a")
    assert result.text == "We must act now."
    assert "control characters removed (1)" in result.repairs
    assert normalize_text("a\x00b\x07c\x7f") == "abc"


def test_spaced_ocr_hyphen_joined_but_not_before_conjunctions():
    assert normalize_text("a well- defined task") == "a well-defined task"
    assert normalize_text("pre- and post-war") == "pre- and post-war"


def test_mojibake_is_decoded():
    result = normalize("disasters \u00e2\u20ac\u201d past and Jos\u00c3\u00a9")
    assert result.text == "disasters — past and José"
    assert "mojibake decoded" in result.repairs


def test_mojibake_decoded_with_every_non_ascii_line_as_context():
    # ASCII lines are left out of ftfy's input; the other lines are decoded together, so
    # mojibake outside the trigger pattern ("Ã‰", "Å‚") is decoded beside the trigger,
    # and real accents stay.
    raw = (
        "The caf\u00e9 in Gen\u00e8ve.\n"
        "The Secretary\u00e2\u20ac\u2122s office and the Pr\u00c3\u00a9sident.\n"
        "\n"
        "Plain line.\n"
        "Mojibake again: \u00e2\u20ac\u0153peace\u00e2\u20ac\u009d\n"
        "\u00c3\u2030tats-Unis and Lech Wa\u00c5\u201a\u00c4\u2122sa."
    )
    assert normalize_text(raw) == (
        "The café in Genève.\nThe Secretary's office and the Président.\n\n"
        "Plain line.\nMojibake again: “peace”\nÉtats-Unis and Lech Wałęsa."
    )


def test_apostrophes_lost_in_mojibake_are_restored():
    # As in some 1998 UN files: one apostrophe decodes, others kept only their "â".
    raw = (
        "It isn\u00e2\u20ac\u2122t the world\u00e2s task; C\u00f4te d\u00e2Ivoire and the "
        "countries\u00e2 own raison d\u00e2\u00c3\u00aatre. A papier-m\u00e2ch\u00e9 prop."
    )
    result = normalize(raw)
    assert result.text == (
        "It isn't the world's task; Côte d'Ivoire and the countries' own raison d'être. "
        "A papier-mâché prop."
    )
    assert "apostrophes lost in mojibake restored (4)" in result.repairs


def test_a_circumflex_kept_without_mojibake_evidence():
    # No decodable mojibake in the text: "â" is a letter, even before "s".
    assert normalize_text("the Brâs of Dâ-Monzon, papier-mâché") == (
        "the Brâs of Dâ-Monzon, papier-mâché"
    )


def test_ocr_debris():
    assert normalize_text("the tasks \u25a0 entrusted, tranquillity\u201e towards") == (
        "the tasks entrusted, tranquillity, towards"
    )


def test_whitespace_collapsed_and_blank_lines_limited():
    assert normalize_text("  a  b \n\n\n\nC  ") == "a b\n\nC"
    # a blank line between two lower-case words is a page break inside a sentence
    assert normalize_text("we agree to\n\n\nact") == "we agree to\nact"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(SPECIAL) | st.characters(codec="utf-8"), max_size=80))
def test_normalization_is_idempotent(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once


# Every character a rule's triggers hold, each drawn as often as the others (mixed with
# st.characters(), one of them turned up about once in ten thousand characters).
_TRIGGER_CHARACTERS = "".join(
    sorted({ch for triggers in normalize_module._TRIGGERS.values() for t in triggers for ch in t})
)
_RULE_TEXT = st.text(
    alphabet=st.sampled_from(SPECIAL + _TRIGGER_CHARACTERS + "-\n  \u3000ab9"), max_size=80
)


@settings(max_examples=300)
@given(_RULE_TEXT)
def test_skipping_rules_by_their_triggers_changes_nothing(text):
    # Rules are skipped when none of their trigger strings occur; running every rule
    # on every text must give the same text and the same repairs.
    import importlib

    module = importlib.import_module("corpus.normalize")
    skipped = module.normalize(text)
    # _may_match reads the trigger tests built from _TRIGGERS at import: "" is in every text
    saved = dict(module._TRIGGER_TESTS)
    try:
        module._TRIGGER_TESTS.update({p: module._trigger_tests(("",)) for p in saved})
        every_rule = module.normalize(text)
    finally:
        module._TRIGGER_TESTS.update(saved)
    assert (skipped.text, skipped.repairs) == (every_rule.text, every_rule.repairs)


def test_line_break_hyphenation_chains_and_compounds():
    text = "inter-\nnational a-\nb-\nc Asia-\nPacific land-\nmines and land-mines"
    assert normalize_text(text) == ("international abc Asia-\nPacific land-mines and land-mines")


def test_paragraph_numbers_with_a_space_go_at_paragraph_starts_only():
    raw = "115. Mr. President, I speak.\r\n\r116. I also thank you.\n\r117. “Peace” is near."
    assert normalize_text(raw) == "Mr. President, I speak.\n\nI also thank you.\n\n“Peace” is near."
    assert normalize(raw).repairs == ["paragraph numbers removed (3)"]
    # one paragraph per line: after a line that ends a sentence
    assert normalize_text("The end of it.\n149. We note this.\n150. And this.") == (
        "The end of it.\nWe note this.\nAnd this."
    )
    assert (
        normalize_text("adopted in resolution\n242. The text")
        == "adopted in resolution\n242. The text"
    )
    # not a paragraph number: mid-paragraph, four digits, or not followed by a word
    kept = "We met in\n\n1990. The year 5. Then\n\n12. 000 people came."
    assert normalize_text(kept) == kept


def test_spaced_hyphen_with_several_spaces_is_settled_in_one_pass():
    for raw in ["hatred-  whether", "Pacific- \ta-b", "well- defined"]:
        once = normalize_text(raw)
        assert normalize_text(once) == once
    assert normalize_text("hatred-  whether") == "hatred-whether"


def test_lone_or_unordered_numbers_in_ordinary_text_are_kept():
    for text in [
        "10. Downing Street is the address.",
        "1. Introduction\n\nText here.",
        "Security Council resolution No.\n242. The text says.\n\n12. in this connexion",
        "Items:\n\n5. First.\n\n3. Second.\n\n1. Third.",
    ]:
        assert normalize_text(text) == text


def test_idempotence_cases_found_by_fuzzing():
    nested_low_quotes = "Er sagte: \u201eSie rufen \u201e\u2026nein\u201c und gehen.\u201c"
    for raw in [
        "3--1",
        "a\n5\n2\n\nb",
        "x\n\n7\n \n8\n\ny",
        "0-\u22120",
        '\u201e\u201e"',
        nested_low_quotes,
    ]:
        once = normalize_text(raw)
        assert normalize_text(once) == once, raw
    assert normalize_text("pages 10--12") == "pages 10-12"


def test_tab_paragraph_numbers_go_from_the_first_line_too_and_dashes_between_digits():
    assert normalize_text("  12.\tText of the speech.\n13.\tMore text.") == (
        "Text of the speech.\nMore text."
    )
    assert normalize_text("a--1 and 3--1 and 3\u20134") == "a\u20141 and 3-1 and 3-4"


# The plain forms of patterns rewritten to start with a literal or one character class
# (which Python's regex engine scans for fast): the rewrites must match the same text.
_PLAIN_FORMS = {
    "_DIGIT_DASH": r"[\u2012\u2013\u2014\u2212](?<=\d[\u2012\u2013\u2014\u2212])(?=\d)"
    r"|--(?<=\d--)(?=\d)",
    "_PAGE_NUMBER_LINE": r"(?:\n[ ]*\d{1,4}[ ]*)+\n(?=\n)",
    "_SPACES_BEFORE_NEWLINE": r" +\n",
    "_MANY_NEWLINES": r"\n{3,}",
}


_PIECES = ["\n", " ", "  ", "12.", "7", ".", "\t", "a", "-", "--", "\u2013", "\u2014", "\u2212"]


@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join))
def test_rewritten_patterns_match_what_their_plain_forms_match(text):
    module = importlib.import_module("corpus.normalize")

    for name, plain in _PLAIN_FORMS.items():
        assert getattr(module, name).sub("#", text) == re.sub(plain, "#", text), name
    # Tab-form paragraph numbers: matched after a line break in "\n" + text.
    numbers = module._PARAGRAPH_NUMBER.sub("\n", "\n" + text)[1:]
    assert numbers == re.sub(r"(?m)^[ ]*\d{1,3}\.[ ]*\t", "", text)


def test_straight_single_quotes_closed_after_punctuation_are_quotes():
    text = normalize("'We are ready,' he said. Lavrov said: 'No.' The leaders' summit ended.").text
    assert (
        text
        == "\u2018We are ready,\u2019 he said. Lavrov said: \u2018No.\u2019 The leaders' summit ended."
    )


def test_guillemets_are_double_quotes():
    normalized = normalize("Lind dijo: « Debemos actuar ». The «last» war.")
    assert normalized.text == "Lind dijo: \u201cDebemos actuar\u201d. The \u201clast\u201d war."
    assert normalized.repairs == ["guillemets (4)"]
    # German quotes open with » and close with «.
    text = normalize("Er sagte »Nein« und dann »Ja«. Er sagte »(leise) nein«.").text
    assert text == (
        "Er sagte \u201cNein\u201d und dann \u201cJa\u201d. Er sagte \u201c(leise) nein\u201d."
    )


@given(st.text(alphabet=" \n-\tâ€Ãa\u2013\u00a0\u201e", max_size=12))
def test_trigger_tests_agree_with_substring_tests(text):
    # the gate only decides which rules run: it must say yes wherever a trigger occurs
    module = importlib.import_module("corpus.normalize")
    for pattern, triggers in module._TRIGGERS.items():
        assert module._may_match(text, pattern) == any(t in text for t in triggers)
        characters = module._Characters()
        assert module._may_match(text, pattern, characters) == any(t in text for t in triggers)


@given(st.text(alphabet=" \n\tAa\x00\x7f\u00e2\u2013\u201c\ud800\U0001f600", max_size=12))
def test_uncommon_characters_are_those_outside_printable_ascii(text):
    module = importlib.import_module("corpus.normalize")
    expected = {ch for ch in text if not (" " <= ch <= "~" or ch == "\n")}
    assert module._uncommon_characters(text) == expected


def test_characters_after_a_replacement_keep_what_was_read_and_add_the_replacement():
    module = importlib.import_module("corpus.normalize")
    characters = module._Characters()
    old = "a\u2013b \u00a0c"
    assert characters.of(old) == {"\u2013", "\u00a0"}
    new = old.replace("\u2013", "\u2014")
    characters.replaced(old, new, "\u2014")
    # the en dash is gone, but a listed character too many only costs a regex pass
    assert characters.of(new) == {"\u2013", "\u2014", "\u00a0"}
    assert characters.of("x\u2026") == {"\u2026"}  # another text is read anew


def test_unicode_line_and_paragraph_separators_become_line_breaks():
    result = normalize("We agree.\u2029The talks\u2028continue.")
    assert result.text == "We agree.\n\nThe talks\ncontinue."
    assert "line and paragraph separators" in result.repairs
    assert normalize_text(result.text) == result.text


def test_c1_controls_are_read_as_cp1252():
    # cp1252 bytes decoded as latin-1: 0x85 is "…", 0x93/0x94 are quotes; 0x81 is nothing.
    result = normalize("He paused\x85 then said \x93no\x94 \x81twice.")
    assert result.text == "He paused... then said “no” twice."
    assert "control characters read as cp1252 (4)" in result.repairs


def test_spaced_ellipses_close_up():
    result = normalize("declared: “. . . in accordance” and . . . they act. Programme. . . . Many")
    assert result.text == "declared: “... in accordance” and ... they act. Programme.... Many"
    assert "ellipses (3)" in result.repairs


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a real "â" decoded from mojibake is no lost apostrophe
        (
            "Il ne faut pas lÃ¢cher prise, dit le prÃ©sident.",
            "Il ne faut pas lâcher prise, dit le président.",
        ),
        # UTF-8 read as latin-1: C1 characters inside the mojibake are decoded with it
        ("He said \u00e2\x80\x9cno\u00e2\x80\x9d to it.", "He said “no” to it."),
        ("The worldâs view was \u00e2\x80\x9d.", "The world's view was ”."),
        # spaced ellipses with any spacing; a soft hyphen before a combining accent
        ("He paused.  .  .  and went on.", "He paused... and went on."),
        ("a\u00ad\u0302", "\u00e2"),
        # the Greek ano teleia becomes "·" under NFC, then goes as isolated debris
        ("a \u0387 b", "a b"),
        ("five oâclock in CÃ´te dâIvoire", "five o'clock in Côte d'Ivoire"),
    ],
)
def test_review_cases_normalize_once_and_for_all(raw, expected):
    assert normalize_text(raw) == expected
    assert normalize_text(expected) == expected


def test_unicode_hyphens_minus_signs_and_direction_marks():
    assert normalize_text("The non\u2011nuclear and non\u2010aligned states.") == (
        "The non-nuclear and non-aligned states."
    )
    assert normalize_text("At \u22125 degrees, 3\u22124, a \u2212 b") == "At -5 degrees, 3-4, a — b"
    assert normalize_text("Al\u200fQuds \u202bx\u202c \u2066y\u2069") == "AlQuds x y"


def test_low_opening_quotes_pair_with_the_next_closing_mark_in_their_paragraph():
    said = "Merkel said: \u201eWir schaffen das.\u201c Then she left."
    assert normalize_text(said) == "Merkel said: “Wir schaffen das.” Then she left."
    assert normalize_text("Polish \u201eTak\u201d ok.") == "Polish “Tak” ok."
    # nothing closes it in its paragraph (the next “ opens a quote): left as it is
    assert normalize_text("x \u201eOpen.\n\nNext \u201cq\u201d") == "x \u201eOpen.\n\nNext “q”"
    assert normalize_text("tranquillity\u201e towards") == "tranquillity, towards"  # OCR comma
    quotes = from_texts([said])["doc1"].quotes
    assert [(q.text, q.speaker) for q in quotes] == [("Wir schaffen das.", "Merkel")]


def test_character_class_rules_list_exactly_the_characters_their_pattern_matches():
    module = importlib.import_module("corpus.normalize")
    for pattern, characters in module._CHARACTER_CLASSES.items():
        matched = {chr(c) for c in range(0x10000) if pattern.fullmatch(chr(c))}
        assert matched == characters, pattern.pattern


@given(st.text(alphabet="a -\t\u00a0\u2000\u2010\u2011\u200b\u00ad\x00\u25a0", max_size=20))
def test_replacing_each_character_is_the_class_substitution(text):
    module = importlib.import_module("corpus.normalize")
    for pattern, characters in module._CHARACTER_CLASSES.items():
        for replacement in ("", " ", "-"):
            got = module._replace_each(text, characters, replacement)
            assert got == pattern.subn(replacement, text)
