import codecs

import pytest

from kronika.read import ReadOptions, read_bytes
from kronika.read.encoding import charset_param, decode

from .conftest import POLISH, one_article, one_error

# charset-normalizer 3.5.3 alone reads the first one, in ISO-8859-2, as ISO-8859-10
SHORT = ["Zażółć gęślą jaźń.", "Świat się zmienia, a źródła są ważne.", "Ąę ść źż", "wezwał członków"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1250", "iso-8859-2"]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", [POLISH, *SHORT])
def test_polish_text_decodes_in_every_encoding(text, encoding):
    assert decode(text.encode(encoding), "x") == text


@pytest.mark.parametrize("encoding", ["cp1250", "iso-8859-2"])
def test_legacy_text_with_typographic_quotes(encoding):
    text = "Tokajew ogłosił, że „przywrócono porządek” – a ściśle źle."
    if encoding == "iso-8859-2":
        text = text.replace("„", '"').replace("”", '"').replace("–", "-")  # not in ISO-8859-2
    assert decode(text.encode(encoding), "x") == text


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_read_bytes_detects_the_encoding(encoding):
    article = one_article(read_bytes(POLISH.encode(encoding), "polish.txt"))
    assert article.text == POLISH


def test_declared_charset_is_used_for_non_polish_legacy():
    assert decode("Grüße aus Köln".encode("cp1252"), "x", declared="cp1252") == "Grüße aus Köln"


def test_forced_encoding():
    data = POLISH.encode("iso-8859-2")
    assert one_article(read_bytes(data, "a.txt", ReadOptions(encoding="iso-8859-2"))).text == POLISH
    # forced wrongly: bytes cp1250 does not define
    error = one_error(read_bytes("ąą".encode("utf-8") + b"\x81", "a.txt", ReadOptions(encoding="cp1250")))
    assert error.reason == "encoding"


def test_unknown_forced_encoding_is_refused_up_front():
    with pytest.raises(LookupError):
        ReadOptions(encoding="no-such-codec")


def test_truncated_utf8():
    data = "Zażółć gęślą".encode("utf-8")[:-1]  # cut inside the final "ą"
    error = one_error(read_bytes(data, "cut.txt"))
    assert (error.reason, error.item) == ("truncated", "cut.txt")


@pytest.mark.parametrize("cut", [1, 2])
def test_truncated_utf16(cut):
    data = codecs.BOM_UTF16_LE + "Zażółć 😀".encode("utf-16-le")[:-cut]  # odd length / lone surrogate
    assert one_error(read_bytes(data, "cut.txt")).reason == "truncated"


def test_legacy_text_ending_in_a_utf8_lead_byte_is_not_truncated():
    assert decode("Ala się".encode("cp1250"), "x") == "Ala się"  # "ę" is 0xEA, a UTF-8 lead byte


def test_damaged_utf8_is_an_encoding_error():
    data = "Zażółć gęślą jaźń".encode("utf-8") + b" \xff " + "źdźbło".encode("utf-8")
    assert one_error(read_bytes(data, "bad.txt")).reason == "encoding"


def test_charset_param():
    assert charset_param("text/html; charset=ISO-8859-2") == "iso8859-2"
    assert charset_param('<meta charset="windows-1250">') == "cp1250"
    assert charset_param("text/html") is None
    assert charset_param("text/html; charset=bogus") is None
