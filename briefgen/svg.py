"""The country × topic stance matrix as a static SVG: drawn at build time, works offline, every cell a link."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape

from briefgen.plural import plural

# stance id -> (fill, text colour); None = statements without an explicit stance marker
COLOURS: dict[str | None, tuple[str, str]] = {
    "demands": ("#f4a259", "#3b1f00"),
    "opposes": ("#e05a47", "#ffffff"),
    "warns": ("#f2d45c", "#3b3000"),
    "conditional": ("#7e8cd6", "#ffffff"),
    "supports": ("#5bb56a", "#ffffff"),
    None: ("#d9dee5", "#1f2933"),
}
LEFT, COL, ROW, HEAD, PAD = 190, 118, 38, 64, 8

CellData = tuple[str | None, int, str]  # stance, number of statements, link (relative to the SVG file)


def _x(value: object) -> str:
    """XML-escape any text placed in the SVG (attributes and content)."""
    return escape(str(value), quote=True)


def _lines(text: str, width: int, most: int = 3) -> list[str]:
    lines = textwrap.wrap(text, width) or [""]
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1][: width - 1] + "…"]
    return lines


def matrix_svg(
    title: str, columns: Sequence[str], rows: Sequence[tuple[str, str, Sequence[CellData | None]]]
) -> str:
    """An SVG table: one row per (country name, link), one column per topic label, cells linked to evidence."""
    left = min(max(LEFT, 16 + 7 * max((len(r[0]) for r in rows), default=0)), 320)
    width = left + COL * max(len(columns), 1) + PAD
    legend_y = HEAD + ROW * len(rows) + 18
    height = legend_y + 30
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="system-ui, -apple-system, Segoe UI, Roboto, '
        f'Helvetica, Arial, sans-serif" font-size="12">',
        f"<title>{_x(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    for i, label in enumerate(columns):
        cx = left + COL * i + COL / 2
        lines = _lines(label, 16)
        top = HEAD - 10 - 14 * (len(lines) - 1)
        out.append(f'<text x="{cx:.0f}" y="{top}" text-anchor="middle" font-weight="600" fill="#1f2933">')
        out.extend(
            f'<tspan x="{cx:.0f}" dy="{0 if n == 0 else 14}">{_x(line)}</tspan>' for n, line in enumerate(lines)
        )
        out.append("</text>")
    for r, (name, href, cells) in enumerate(rows):
        y = HEAD + ROW * r
        if r % 2:
            out.append(f'<rect x="0" y="{y}" width="{width}" height="{ROW}" fill="#f5f7fa"/>')
        shown = _x(_lines(name, 43, 1)[0])
        out.append(f'<a href="{_x(href)}" target="_top"><title>{_x(name)}</title><text x="{PAD}" '
                   f'y="{y + ROW / 2 + 4:.0f}" fill="#1a56a8" font-weight="600">{shown}</text></a>')
        for i, cell in enumerate(cells):
            x = left + COL * i + 3
            if cell is None:
                out.append(f'<text x="{x + COL / 2 - 3:.0f}" y="{y + ROW / 2 + 4:.0f}" text-anchor="middle" '
                           f'fill="#9aa5b1">–</text>')
                continue
            stance, count, link = cell
            fill, ink = COLOURS.get(stance, COLOURS[None])
            said = f"{stance}, {plural(count, 'statement')}" if stance else plural(count, "statement")
            out.append(
                f'<a href="{_x(link)}" target="_top"><title>{_x(name)}: {_x(said)}</title>'
                f'<rect x="{x}" y="{y + 3}" width="{COL - 6}" height="{ROW - 6}" rx="5" fill="{fill}"/>'
                f'<text x="{x + (COL - 6) / 2:.0f}" y="{y + ROW / 2 + 4:.0f}" text-anchor="middle" fill="{ink}">'
                f'{_x(stance or "")}{" · " if stance else ""}{count}</text></a>'
            )
    x = PAD
    used = {cell[0] for _, _, cells in rows for cell in cells if cell is not None}
    for stance, (fill, _) in COLOURS.items():
        if stance not in used and stance is not None:
            continue  # a legend lists only what the picture shows
        label = stance or "number of statements (stances, with their targets, are in the table)"
        out.append(f'<rect x="{x}" y="{legend_y}" width="14" height="14" rx="3" fill="{fill}"/>')
        out.append(f'<text x="{x + 19}" y="{legend_y + 11}" fill="#1f2933">{_x(label)}</text>')
        x += 28 + 7 * len(label)
    out.append("</svg>")
    return "\n".join(out) + "\n"
