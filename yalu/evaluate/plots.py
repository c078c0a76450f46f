"""A reliability plot as a small SVG: predicted confidence against how often records of
that confidence were right, one bar per bin, with the diagonal of perfect calibration."""

from __future__ import annotations

from html import escape

SIZE, PAD = 320, 40


def reliability_svg(calibration: dict, title: str) -> str:
    inner = SIZE - 2 * PAD

    def x(v: float) -> float:
        return PAD + v * inner

    def y(v: float) -> float:
        return SIZE - PAD - v * inner

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" font-family="sans-serif" font-size="11">',
        f'<rect x="{PAD}" y="{PAD}" width="{inner}" height="{inner}" fill="none" stroke="#888"/>',
        f'<line x1="{x(0)}" y1="{y(0)}" x2="{x(1)}" y2="{y(1)}" stroke="#bbb" stroke-dasharray="4 3"/>',
    ]
    for row in calibration["bins"]:
        lo, hi = row["bin"]
        parts.append(
            f'<rect x="{x(lo) + 1:.1f}" y="{y(row["accuracy"]):.1f}" width="{x(hi) - x(lo) - 2:.1f}" '
            f'height="{y(0) - y(row["accuracy"]):.1f}" fill="#4a7ab5" opacity="0.8"><title>{lo:.1f}-{hi:.1f}: '
            f'n={row["n"]}, confidence {row["confidence"]}, right {row["accuracy"]}</title></rect>'
        )
        parts.append(f'<circle cx="{x(row["confidence"]):.1f}" cy="{y(row["accuracy"]):.1f}" r="2.5" fill="#c0392b"/>')
    for v in (0, 0.5, 1):
        parts.append(f'<text x="{x(v):.1f}" y="{SIZE - PAD + 14}" text-anchor="middle">{v}</text>')
        parts.append(f'<text x="{PAD - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    parts += [
        f'<text x="{SIZE / 2}" y="{SIZE - 8}" text-anchor="middle">confidence</text>',
        f'<text x="12" y="{SIZE / 2}" transform="rotate(-90 12 {SIZE / 2})" text-anchor="middle">share right</text>',
        f'<text x="{SIZE / 2}" y="{PAD - 22}" text-anchor="middle">{escape(title)}</text>',
        f'<text x="{SIZE / 2}" y="{PAD - 8}" text-anchor="middle">ECE {calibration["ece"]}, '
        f'{calibration["records"]} records</text>',
        "</svg>",
    ]
    return "\n".join(parts) + "\n"
