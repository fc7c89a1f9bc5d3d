"""Support lint: a cited sentence's numbers, dates, names and speaker must be in the paragraphs it cites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, run_explainer
from explainer.corpus import load_corpus
from explainer.project import Project, build_pages

TOPIC = "---\ntitle: Planted\ndescription: Planted faults.\nkind: topic\nthread: incident\n---\n\n# Planted\n\n"

# Each line states one wrong thing while citing a quote that really is in the source; the token the lint must
# name comes after "#".
PLANTED = [
    ('Six North Koreans were seized [@cns-2002-05-22: "Five North Koreans arrested by Chinese police"].', "Six"),
    ('The incident happened on 9 May [@japantimes-2002-05-24: "The May 8 incident"].', "9 May"),
    (
        'China spoke on Friday [@voa-2002-05-10: "China said Thursday it was trying to protect Japanese diplomats"].',
        "Friday",
    ),
    ('Gemba spoke in December 2012 [@chosun-2011-12-09: "Japanese Foreign Minister Koichiro Gemba declined"].', "2012"),
    (
        'Koizumi was seen on the video [@voa-2002-05-10: "But a video of the incident shows that the three entered"].',
        "Koizumi",
    ),
    (
        'The consulate in Dalian was entered [@cns-2002-05-22: "the Japanese Consulate in Shenyang, north-eastern China"].',
        "Dalian",
    ),
    (
        'Reuters reported the pledge [@chosun-2011-12-09: "The Japanese government has submitted a written pledge"].',
        "Reuters",
    ),
    (
        'Fukuda said the video was clear [@voa-2002-05-10: "Foreign Minister Yoriko Kawaguchi says Prime Minister"].',
        "speaker",
    ),
    (
        'The five left China on 22 May [@japantimes-2002-05-24: "left China on Wednesday and arrived in Seoul"].',
        "22 May",
    ),
    # "stressed" reports words as "said" does: Koizumi is in the paragraph, but Kawaguchi is the one who speaks.
    (
        'Koizumi stressed a quick reaction [@voa-2002-05-10: "Foreign Minister Yoriko Kawaguchi says Prime Minister"].',
        "speaker",
    ),
    # The year of an undated report is worked out, so "May 8" there does not make "8 May 2002".
    ('It happened on 8 May 2002 [@japantimes-2002-05-24: "The May 8 incident"].', "8 May 2002"),
]


def _write_topic(project: Path, lines: list[str]) -> Path:
    page = project / "sources" / "narrative" / "topics" / "planted.md"
    page.write_text(TOPIC + "\n\n".join(lines) + "\n", encoding="utf-8")
    return page


def test_the_real_content_is_fully_supported() -> None:
    notices: list[str] = []
    _, out = build_pages(Project(ROOT), notices)
    summary = notices[0]
    counts = map(int, re.findall(r"\d+", summary))
    figures = dict(zip(("sentences", "tokens", "inferred", "background"), counts, strict=True))
    assert figures["sentences"] >= 150 and figures["tokens"] >= 600, summary
    # Marks stay few: they are exceptions, each shown to readers with its basis.
    assert figures["inferred"] + figures["background"] <= 30, summary
    claims = out["claims.md"]
    assert claims.count('<div class="claim" id="claim-') >= 150


def test_every_planted_fault_is_refused_with_its_line(project: Path) -> None:
    page = _write_topic(project, [line for line, _ in PLANTED])
    result = run_explainer(project, "convert")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "planted.md" in line]
    for number, (line, token) in enumerate(PLANTED):
        at = f"sources/narrative/topics/planted.md:{10 + 2 * number}:"
        named = [e for e in errors if e.startswith(f"error: {at}")]
        assert named, f"no error for line {10 + 2 * number}: {line}\n{result.stderr}"
        assert any(token in e for e in named), (token, named)
    assert "Traceback" not in result.stderr
    assert not (project / "docs" / "topics" / "planted.md").exists()  # nothing written
    assert page.exists()


def test_the_same_sentences_pass_when_correct_or_marked(project: Path) -> None:
    _write_topic(
        project,
        [
            'Five North Koreans were seized [@cns-2002-05-22: "Five North Koreans arrested by Chinese police"].',
            'The incident happened on 8 May 2002 [@japantimes-2002-05-24: "The May 8 incident"; @chosun-2011-12-09: "Since 2002, when another five North Koreans sought refuge"].',
            'China said on Thursday it was protecting diplomats [@voa-2002-05-10: "China said Thursday it was trying"].',
            'Kawaguchi said Koizumi had instructed her [@voa-2002-05-10: "Foreign Minister Yoriko Kawaguchi says Prime Minister Junichiro Koizumi has instructed her"].',
            'The five left China on [22 May]{inferred: the report says "Wednesday"} [@japantimes-2002-05-24: "left China on Wednesday"].',
            'Their daughter was two years old [@japantimes-2002-05-24: "their 2-year-old daughter"].',
            # after "over" a reporting word is a noun, so no speaker is looked for before it
            'Koizumi acted over demands [@voa-2002-05-10: "Foreign Minister Yoriko Kawaguchi says Prime Minister Junichiro Koizumi has instructed her"].',
            '[Seoul is the capital of South Korea]{background: general reference}, where they arrived [@japantimes-2002-05-24: "arrived in Seoul early Thursday"].',
        ],
    )
    result = run_explainer(project, "convert")
    assert result.returncode == 0, result.stderr
    assert "marks: " in result.stdout
    text = (project / "docs" / "topics" / "planted.md").read_text(encoding="utf-8")
    assert 'class="claim-marked">22 May<sup class="claim-mark">inferred</sup>' in text
    assert "**Inferred:** 22 May — the report says" in text.replace("&#34;", '"')


def test_a_dispute_side_cites_only_what_that_side_said(project: Path) -> None:
    disputes = project / "sources" / "disputes.yml"
    text = disputes.read_text(encoding="utf-8")
    # Put a media report in China's column: the lint must refuse it, naming the record's line.
    text = text.replace(
        "        quote: Beijing insists the police received Japanese consent.",
        "        quote: Initial media reports said that guards caught three others outside of the diplomatic compound gate.",
    ).replace(
        "source: japantimes-2002-05-24\n        quote: Initial media",
        "source: voa-2002-05-10\n        quote: Initial media",
    )
    disputes.write_text(text, encoding="utf-8")
    result = run_explainer(project, "convert")
    assert result.returncode == 1
    assert re.search(
        r"error: sources/disputes.yml:\d+: Disputed facts: China said “Initial media reports", result.stderr
    ), result.stderr


def test_malformed_mark_is_refused(project: Path) -> None:
    _write_topic(project, ['It was [8 May]{inferd: typo} [@japantimes-2002-05-24: "The May 8 incident"].'])
    result = run_explainer(project, "convert")
    assert result.returncode == 1
    assert "planted.md:10: malformed mark" in result.stderr


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Kawaguchi spoke to reporters", "Foreign Minister Yoriko Kawaguchi said at a news conference"),
        ("Foreign Minister Koichiro Gemba declined", "Japanese Foreign Minister Koichiro Gemba declined"),
        ("Their two-year-old daughter was among them", "their 2-year-old daughter"),
        ("Some 200 North Koreans found protection", "Some 200 North Koreans have found protection"),
        ("Beijing insisted on consent", "Beijing insists the police received Japanese consent."),
    ],
)
def test_equivalent_forms_are_found(project: Path, sentence: str, quote: str) -> None:
    source = next(
        s.id
        for s in load_corpus(project / "sources" / "articles")
        if quote.replace("’", "'") in s.paragraphs_text.replace("’", "'")
    )
    _write_topic(project, [f'{sentence} [@{source}: "{quote}"].'])
    result = run_explainer(project, "convert")
    assert result.returncode == 0, result.stderr


def test_claims_page_lists_every_cited_sentence_and_topic_pages_link_to_it() -> None:
    _, out = build_pages(Project(ROOT))
    claims = out["claims.md"]
    rows = set(re.findall(r'<div class="claim" id="(claim-\d+)"', claims))
    topic_citations = 0
    for path in ("topics/incident.md", "topics/fallout.md", "topics/pledge.md", "index.md"):
        notes = [line for line in out[path].splitlines() if re.match(r"\[\^\d+\]: \[", line)]
        topic_citations += len(notes)
        for note in notes:
            target = re.search(r"claims\.md#(claim-\d+)", note)
            assert target and target.group(1) in rows, note
    assert topic_citations >= 100
    # Both ways: every narrative row with evidence on the claims page is the target of a footnote of its page.
    linked = set()
    for path in ("topics/incident.md", "topics/fallout.md", "topics/pledge.md", "index.md"):
        linked |= set(re.findall(r"claims\.md#(claim-\d+)", out[path]))
    narrative_rows = set(
        re.findall(
            r'<div class="claim" id="(claim-\d+)"><p class="claim-where">[^\n]*?sources/narrative/[^\n]*?claim-evidence',
            claims,
        )
    )
    assert narrative_rows == linked
    assert len(linked) >= 55


def test_lint_counts_are_printed_at_build(project: Path) -> None:
    result = run_explainer(project, "convert")
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"support lint: \d+ cited sentences checked, \d+ tokens found .*; marks: \d+ inferred, \d+ background",
        result.stdout,
    )
