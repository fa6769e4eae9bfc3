"""Bad input (issue 2): wrong types, unknown roles, empty text, broken Unicode, huge messages, no network."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap

import pytest

import cxcoach
from timing import best_analysis_time
from cxcoach.errors import CxcoachError, InputTypeError, InputValueError

NOT_STR = [None, 42, 4.5, b"bytes", bytearray(b"x"), ["x"], {"text": "x"}]


@pytest.mark.parametrize("value", NOT_STR, ids=repr)
def test_non_str_text_is_a_type_error_naming_text(value):
    with pytest.raises(TypeError) as caught:
        cxcoach.analyze(value)
    assert isinstance(caught.value, InputTypeError) and isinstance(caught.value, CxcoachError)
    message = str(caught.value)
    assert message.startswith("text must be a str, got ")
    assert type(value).__name__ in message


@pytest.mark.parametrize("value", NOT_STR[1:], ids=repr)
def test_non_str_context_is_a_type_error_naming_context(value):
    with pytest.raises(TypeError) as caught:
        cxcoach.analyze("It ships on Monday.", role="agent", context=value)
    assert isinstance(caught.value, InputTypeError)
    assert str(caught.value).startswith("context must be a str, got ")


def test_none_context_is_allowed():
    assert cxcoach.analyze("It ships on Monday.", role="agent", context=None).role == "agent"


@pytest.mark.parametrize("role", ["bot", "Customer", "AGENT", " agent", "", None, 3])
def test_unknown_role_is_a_value_error_listing_roles(role):
    with pytest.raises(ValueError) as caught:
        cxcoach.analyze("Hello", role=role)
    assert isinstance(caught.value, InputValueError)
    message = str(caught.value)
    assert "'customer'" in message and "'agent'" in message
    assert repr(role) in message


@pytest.mark.parametrize(
    "text",
    ["", " ", "  \n\t ", "\n\n\n", "\r\n", "\u00a0\u2003\u3000"],
    ids=["empty", "space", "mixed", "newlines", "crlf", "unicode-spaces"],
)
def test_empty_and_whitespace_text_is_calm_neutral(text, backend_pipeline):
    analysis = backend_pipeline.analyze(text)
    sentiment = analysis.sentiment
    assert (sentiment.label, sentiment.score, sentiment.intensity) == ("neutral", 0.0, 0)
    assert analysis.findings == ()
    assert sentiment.sentences == () and sentiment.evidence == ()
    assert analysis.text == text


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "\udfff\ud800",
        "refund \ud83d please",
        "\x00\x1f\u202e\ufeff",
        "STILL\x00WAITING!!!\x07\x1b[31m",
        "\u202eyltcerroc ton\u202c order 😡\ud800😡",
        "\ufeff\ufeffThanks\u200b\u200d!",
        "\x85\u2028\u2029line separators",
    ],
    ids=["lone-high", "reversed", "inside-word", "controls", "ansi", "bidi-emoji", "bom-zwsp", "separators"],
)
def test_broken_unicode_never_crashes_and_serialises(text, backend_pipeline, assert_offsets):
    analysis = backend_pipeline.analyze(text)
    assert len(analysis.text) == len(text)
    assert "\ud800" not in analysis.text and "\udfff" not in analysis.text
    payload = analysis.model_dump_json()
    payload.encode("utf-8")
    assert json.loads(payload)["text"] == analysis.text
    assert_offsets(analysis)


# --- Huge messages ------------------------------------------------------------------------------------------

LARGE = 1_000_000  # characters (the emoji shape: UTF-8 bytes); the smaller size is a tenth of it

SHAPES = [
    pytest.param(
        lambda n: ("I have been waiting three days for my refund. Please help me, this is awful! " * (n // 78 + 1))[:n],
        id="prose",
    ),
    pytest.param(lambda n: "a" * n, id="one-word"),
    # Long runs of one repeated group (abbreviations, dotted numbers, ZWJ sequences) once cost ~160 bytes
    # of regex backtracking state per character; the token pattern bounds its repeated groups since.
    # Each "a." is a sentence: 500,000 of them make this the slowest shape (about 7 s for 1 MB).
    pytest.param(lambda n: ("a." * n)[:n], id="dotted", marks=pytest.mark.slow),
    pytest.param(lambda n: "!" * n, id="exclamations"),
    # Four UTF-8 bytes per emoji. Every angry face is evidence, so this is the costliest shape per character.
    pytest.param(lambda n: "😡" * (n // 4), id="emoji"),
    pytest.param(lambda n: "7" * n, id="digits"),
    pytest.param(lambda n: "@" * n, id="at-signs"),
    pytest.param(lambda n: ("ORD-5521 $129, 3pm :) #fail " * (n // 28 + 1))[:n], id="codes-and-prices"),
    pytest.param(lambda n: ("1." * n)[:n], id="dotted-digits"),
    pytest.param(lambda n: ("👩\u200d" * n)[:n], id="zwj-chain"),
]


@pytest.mark.parametrize("make", SHAPES)
def test_one_megabyte_message_completes_in_linear_time(make):
    cxcoach.analyze(make(1_000))  # load the lexicons first
    small = best_analysis_time(lambda: make(LARGE // 10))
    large = best_analysis_time(lambda: make(LARGE))
    assert large / small < 25, f"{small:.4f}s for 100 KB, {large:.4f}s for 1 MB"


def test_one_long_hashtag_completes_in_linear_time():
    # Regression: compound-hashtag scoring tried every prefix and suffix length, slicing the whole hashtag
    # each time (quadratic: 1 MB took minutes). 50 KB against 5 KB shows the shape, and fails fast if it returns.
    # Each run uses a new all-letter hashtag (results are cached per hashtag; digits would split it).
    runs = itertools.count()

    def make(n: int) -> str:
        return "#" + "a" * (n - 7) + "".join(chr(ord("b") + int(digit)) for digit in f"{next(runs):06d}")

    cxcoach.analyze(make(1_000))
    small = best_analysis_time(lambda: make(5_000))
    large = best_analysis_time(lambda: make(50_000))
    assert large / small < 25, f"{small:.4f}s for 5 KB, {large:.4f}s for 50 KB"


# A sentence of one repeated phrase, a role, and the two sizes timed: the quadratic walks below showed at
# 10 KB against 100 KB, the last three only from 20 KB against 400 KB (their quadratic part is small).
LONG_SENTENCES = [
    pytest.param("I have called you five times and nobody answers ", "customer", 10_000, 100_000, id="repeat-contact"),
    pytest.param("put me through to your manager ", "customer", 10_000, 100_000, id="escalation"),
    pytest.param(
        "I'm so sorry, I understand how frustrating this is and I will call you back on Friday ", "agent",
        10_000, 100_000, id="callbacks-and-times",
    ),
    pytest.param(
        "your refund will be with you in 3 to 5 days unless the bank holds it ", "agent", 10_000, 100_000,
        id="conditions",
    ),
    pytest.param(
        "you entered the wrong address so that is on you ", "agent", 20_000, 400_000, id="hidden-cues",
        marks=pytest.mark.slow,
    ),
    pytest.param(
        "I will email you an update by 5pm ", "agent", 20_000, 400_000, id="clock-times", marks=pytest.mark.slow
    ),
    pytest.param(
        "the engineer will be there between 8 and 12 tomorrow ", "agent", 20_000, 400_000, id="timeline-phrases",
        marks=pytest.mark.slow,
    ),
]


@pytest.mark.parametrize(("unit", "role", "small_size", "large_size"), LONG_SENTENCES)
def test_one_long_sentence_of_cues_completes_in_linear_time(
    unit: str, role: str, small_size: int, large_size: int
) -> None:
    # Regressions: each customer cue looked up its word index with list.index and copied the sentence's words
    # to check the words around it; each time in a reply was paired with every callback and every timeline
    # phrase, and walked the sentence from its start to see if it was in an "if" clause; each clock time
    # looked through every estimate; a cue that did not count rebuilt the list of matches left (quadratic:
    # one 1 MB sentence of cues took 25 to 77 s). Linear time grows with the size; the limit is twice that.
    def make(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    options = {"role": role, "context": "Where is my refund?" if role == "agent" else None}
    cxcoach.analyze(make(1_000), **options)
    small = best_analysis_time(lambda: make(small_size), **options)
    large = best_analysis_time(lambda: make(large_size), **options)
    limit = 2 * large_size / small_size
    assert large / small < limit, f"{small:.4f}s for {small_size:,} characters, {large:.4f}s for {large_size:,}"


# --- No network ---------------------------------------------------------------------------------------------

_OFFLINE_SCRIPT = textwrap.dedent(
    """
    import socket

    class NoNetwork(socket.socket):
        def __init__(self, *args, **kwargs):
            raise OSError("network access attempted while blocked by the test")

    def refuse(*args, **kwargs):
        raise OSError("network access attempted while blocked by the test")

    socket.socket = NoNetwork
    socket.create_connection = refuse
    socket.getaddrinfo = refuse

    import cxcoach
    from cxcoach import Pipeline, SentimentAnalyzer

    print("default", cxcoach.analyze("Still waiting for my refund!! 😡").sentiment.label)
    for backend in ("support", "vader", "textblob"):
        analysis = Pipeline([SentimentAnalyzer(backend)]).analyze("The crew was lovely. Thanks so much!")
        print(backend, analysis.sentiment.backend, analysis.sentiment.label)
    """
)


def test_analysis_works_with_the_network_blocked(tmp_path):
    # A fresh interpreter: nothing loaded or cached yet, and no nltk_data in a home directory to fall back on.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk_data"), "PYTHONUTF8": "1"}
    env.update({key: value for key, value in os.environ.items() if key in ("PYTHONPATH", "SYSTEMROOT")})
    completed = subprocess.run(
        [sys.executable, "-c", _OFFLINE_SCRIPT], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split("\n") == [
        "default negative",
        "support support positive",
        "vader vader positive",
        "textblob textblob positive",
        "",
    ]


def test_the_network_block_itself_works(tmp_path):
    # Guards the test above: the same block stops a real connection attempt.
    script = _OFFLINE_SCRIPT.split("import cxcoach")[0] + (
        "try:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError as error:\n    print('blocked', error)\n"
        "try:\n    socket.socket()\nexcept OSError:\n    print('blocked socket')\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert completed.stdout.startswith("blocked network access attempted")
    assert "blocked socket" in completed.stdout


def test_one_long_unpunctuated_reply_full_of_promises_and_cues_stays_linear():
    # one "sentence" of 60 KB: clause searches are bounded, so 10x the text costs about 10x the time
    from timing import best_analysis_time

    unit = "I will call you and we will email you and it will arrive so sorry we cannot but we can offer another option "
    small = best_analysis_time(lambda: unit * 50, budget=0.1, role="agent", context="When will it arrive?")
    large = best_analysis_time(lambda: unit * 500, budget=0.0, role="agent", context="When will it arrive?")
    assert large / small < 25, f"{small:.4f}s for 6 KB, {large:.4f}s for 60 KB"
