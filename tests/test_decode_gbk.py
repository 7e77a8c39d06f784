"""UTF-8 text read as GBK ("It鈥檚", "鈥淭here") is repaired before extraction (ftfy does not cover it)."""

from __future__ import annotations

from briefgen.corpus.decode import repair_mojibake
from tests.extract_utils import analyse_text, marked, speaker_name

ORIGINAL = (
    "Mayor Olga Brandt spoke on Monday.\n\n"
    "“There’s no money left,” Brandt said. “We tried — and failed.”\n\n"
    "The council’s vote is due in May."
)


def _as_gbk(text: str, errors: str) -> str:
    return text.encode("utf-8").decode("gbk", errors=errors)


def test_utf8_read_as_gbk_is_repaired() -> None:
    for errors in ("replace", "ignore"):  # the unpairable last byte shown as U+FFFD, or dropped
        damaged = _as_gbk(ORIGINAL, errors)
        assert "鈥" in damaged
        fixed, still_damaged = repair_mojibake(damaged)
        assert fixed == ORIGINAL
        assert not still_damaged


def test_repaired_text_yields_its_quotes() -> None:
    fixed, _ = repair_mojibake(_as_gbk(ORIGINAL, "replace"))
    a = analyse_text(fixed)
    assert [(speaker_name(a, q), q.text) for q in marked(a)] == [
        ("Olga Brandt", "There’s no money left,"),
        ("Olga Brandt", "We tried — and failed."),
    ]


def test_real_chinese_text_is_left_alone() -> None:
    text = "北京鈥欢迎鈥你。今天天气很好。"
    assert repair_mojibake(text)[0] == text
