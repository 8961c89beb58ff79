"""Markdown is rendered and nothing executable survives."""

import pytest

from tracker.rendering import render_markdown


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert(1)</script>", "<script"),
        ('<iframe src="https://example.com"></iframe>', "<iframe"),
        ('<img src=x onerror="alert(1)">', "onerror"),
        ("[click](javascript:alert(1))", "javascript:"),
        ('<a href="#" onclick="steal()">x</a>', "onclick"),
        ('<p style="position:fixed">x</p>', "style="),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
    ],
)
def test_dangerous_markup_is_removed(source, forbidden):
    assert forbidden not in render_markdown(source).lower()


def test_markdown_structure_and_devanagari_survive():
    html = render_markdown(
        "## निर्णय\n\n1. सभी विभाग कार्ययोजना प्रस्तुत करें।\n2. **Police** to act\n\n"
        "| क्र. | विभाग |\n|---|---|\n| 1 | श्रम |\n"
    )
    assert "<h2>निर्णय</h2>" in html
    assert "<li>सभी विभाग कार्ययोजना प्रस्तुत करें।</li>" in html
    assert "<strong>Police</strong>" in html
    assert "<td>श्रम</td>" in html


def test_links_are_kept_safe():
    html = render_markdown("[portal](https://eshram.gov.in)")
    assert 'href="https://eshram.gov.in"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_empty_input_renders_nothing():
    assert render_markdown(None) == ""
    assert render_markdown("") == ""
