"""A hostile corpus: every escaping case of issue 8 as article text, file names, metadata and odd files."""

from __future__ import annotations

import os
from pathlib import Path

# Each payload would set window.__xss (or open a dialog) if it ever reached the page as HTML.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "[click me](javascript:window.__xss=3)",
    '<div markdown="1">raw **html** block <b onclick="window.__xss=4">bold</b></div>',
    '<iframe src="javascript:window.__xss=5"></iframe>',
    '*hover*{: onmouseover="window.__xss=6" } [x](#){: onclick="window.__xss=7" }',
    "<svg/onload=window.__xss=8>",
    "<a href='javascript:alert(1)'>link</a> &lt;b&gt;entity&lt;/b&gt;",
]
# Markdown, Jinja and MkDocs syntax that must show literally.
LITERALS = [
    "# not a heading",
    "> not a quote",
    "- not a list",
    "a | b | c in a table cell",
    "`backticks` and ``double``",
    "[x](y) and ![img](z.png)",
    "{{ 7*7 }} and {% for x in range(3) %}loop{% endfor %}",
    '!!! warning "not an admonition"',
    '--8<-- "SECRET.md"',
    ":smile: *stars* _under_ ~~tilde~~ ^^caret^^ ==mark== $math$",
]
SECRET = "TOPSECRET-8f3a"
HOSTILE_NAME = "[x](javascript:alert(1)) <img src=x onerror=window.__xss=9> {{ 7*7 }}.txt"
FRONT_MATTER_MD = """---
title: !!python/object/apply:os.system ["touch PWNED-front-matter"]
slug: ../../escaped
---
A paragraph after hostile front matter.
"""


def article_text() -> str:
    """One article: every payload as a paragraph and inside a quoted, attributed sentence."""
    paragraphs = ["Kaja Kallas spoke in Brussels on Thursday about the talks."]
    for payload in PAYLOADS + LITERALS:
        paragraphs.append(payload)
        paragraphs.append(f'"We reject {payload} completely," said Kaja Kallas.')
    paragraphs.append("| a | b |\n|---|---|\n| <script>window.__xss=10</script> | c |")
    paragraphs.append("<script>\nwindow.__xss = 11;\n</script>")
    return "\n\n".join(paragraphs) + "\n"


def make_hostile_project(root: Path) -> Path:
    """Write the hostile project under root and return it."""
    content = root / "content"
    content.mkdir(parents=True)
    (content / "hostile.txt").write_text(article_text(), encoding="utf-8")
    (content / HOSTILE_NAME).write_text('"Fine words," said Mark Rutte.\n', encoding="utf-8")
    (content / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (content / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me, said Andr\xe9 Dupont.\n".encode("latin-1"))
    (content / "utf16.txt").write_bytes("Text in UTF-16 said Anna.\n".encode("utf-16"))
    (content / "cp1252.txt").write_bytes("\u201cSmart quotes\u201d said Ren\xe9e.\n".encode("cp1252"))
    (content / "empty.txt").write_bytes(b"")
    (content / "nul-bytes.txt").write_bytes(b"Before\x00after NUL.\n\n\x1b[31mANSI\x1b[0m\n")
    (content / "huge-line.txt").write_text("word " * 50_000 + "\n", encoding="utf-8")
    (content / "front-matter.md").write_text(FRONT_MATTER_MD, encoding="utf-8")
    (content / "data.bin").write_bytes(b"\x00\x01\x02")
    (root / "SECRET.md").write_text(SECRET + "\n", encoding="utf-8")
    # A user mkdocs.yml that asks for the dangerous extension: briefgen must drop it.
    (root / "mkdocs.yml").write_text(
        "site_name: Hostile\ntheme: {name: material, font: false}\n"
        "markdown_extensions: [attr_list, md_in_html, pymdownx.snippets, tables]\n",
        encoding="utf-8",
    )
    return root


BILLION_LAUGHS = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    + "title: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\nA short body.\n"
)


def make_bad_inputs(content: Path) -> dict[str, str]:
    """Files that once crashed, hung or exhausted a build: name -> a phrase its warning must contain."""
    content.mkdir(parents=True, exist_ok=True)
    (content / "date-typo.md").write_text(
        '---\ntitle: Dates\npublished: 2025-02-30\n---\n"The date is wrong," said Minister Ola Vik.\n'
    )
    (content / "surrogate.jsonl").write_text(
        '{"text": "\\"A fine line,\\" said Minister Ola Vik.", "url": "https://x.example/\\ud800"}\n'
    )
    (content / "deep.jsonl").write_text('{"text": "x", "a": ' + "[" * 1000 + "]" * 1000 + "}\n")
    (content / "deep-front-matter.md").write_text("---\ntitle: " + "[" * 1000 + "]" * 1000 + "\n---\nBody text.\n")
    (content / "bomb.md").write_text(BILLION_LAUGHS)
    (content / "[bold red]x.txt").write_text("A short text about nothing [/] in particular.\n")
    with (content / "bad-lines.jsonl").open("w") as fh:
        fh.write('{"text": "\\"Lines work,\\" said Minister Ola Vik."}\n')
        fh.writelines("not json\n" for _ in range(5000))
    (content / "odd").mkdir()
    with open(os.fsencode(content / "odd") + b"/name\xff.txt", "wb") as raw:
        raw.write(b'"Odd name," said Minister Ola Vik.\n')
    os.mkfifo(content / "pipe.txt")
    deep = content / "deep"
    for _ in range(40):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "buried.txt").write_text("Buried text.\n")
    return {
        "date-typo.md": "not a date",
        "surrogate.jsonl:1": "lone surrogates",
        "deep.jsonl:1": "nested too deep",
        "deep-front-matter.md": "nested more than",
        "bomb.md": "aliases",
        "bad-lines.jsonl:2": "not valid JSON",
        "bad-lines.jsonl": "more bad lines",
        "odd/name\\xff.txt": "not valid UTF-8",
        "pipe.txt": "not a regular file",
        "deep/d/d/d": "nested more than",
    }
