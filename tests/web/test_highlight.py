"""The article text cut into highlighted segments (yalu/serve/highlight.py)."""

from yalu.serve.highlight import evidence_anchors, segments

TEXT = "First sentence here.\n\nThe guards arrested two men.\n\nLast one."


def marked(segs):
    return [(s.text, s.css) for s in segs if s.css]


def test_evidence_running_into_the_paragraph_break_is_trimmed():
    start = TEXT.index("The guards")
    end = TEXT.index("Last")  # the stored span often ends after the "\n\n"
    t = TEXT.index("arrested")
    segs = segments(TEXT, [{"id": 7, "start": start, "end": end, "trigger_start": t,
                            "trigger_end": t + len("arrested")}])
    assert "".join(s.text for s in segs) == TEXT  # nothing lost
    assert marked(segs) == [("The guards ", "evidence"), ("arrested", "evidence trigger"),
                            (" two men.", "evidence")]
    assert segs[1].anchor == "ev-7"


def test_anchors_shared_by_rows_that_start_together():
    start = TEXT.index("The guards")
    ev = [{"id": 3, "start": start, "end": start + 10}, {"id": 4, "start": start - 2, "end": start + 20},
          {"id": 5, "start": 0, "end": 5}, {"id": 6, "start": 500, "end": 600}]
    anchors = evidence_anchors(TEXT, ev)
    # row 4 starts on the blank line: trimmed, it starts where row 3 does
    assert anchors == {3: "ev-3", 4: "ev-3", 5: "ev-5"}
    ids = {s.anchor for s in segments(TEXT, ev) if s.anchor}
    assert ids == {"ev-3", "ev-5"}


def test_blank_or_reversed_spans_are_ignored():
    assert marked(segments(TEXT, [{"start": 20, "end": 22}, {"start": 9, "end": 3}])) == []
