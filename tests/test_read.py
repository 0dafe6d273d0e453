"""read_paths / read_bytes: formats, folders, globs, stdin, sidecars and every kind of bad input."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from judikg.errors import InputError
from judikg.ingest.model import Document
from judikg.ingest.read import read_bytes, read_paths

KY = "Кыргыз Республикасынын Жогорку соту эл аралык кызматташуу жөнүндө маалымат берди.\n"
RU = "Верховный суд Республики принял участие в работе международной конференции.\n"
KK = "Қазақстан Республикасының Жоғарғы Соты халықаралық ынтымақтастық туралы хабарлады.\n"


def _split(results: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    return docs, errors


def test_plain_text_document(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Артка\n\n22 ноябрь 2018\n\nЖогорку соттун жаңылыгы\n\n" + KY, encoding="utf-8")
    (doc,) = list(read_paths([path]))
    assert isinstance(doc, Document)
    assert (doc.lang, doc.script, doc.published, doc.media_type) == ("ky", "Cyrl", "2018-11-22", "text/plain")
    assert doc.title == "Жогорку соттун жаңылыгы"
    assert doc.text.startswith("     \n")  # «Артка» blanked, offsets kept
    assert len(doc.text) == len(doc.original)
    assert doc.sha256 == hashlib.sha256(doc.original.encode()).hexdigest()


def test_same_article_in_cp1251_and_utf8_has_one_hash(tmp_path: Path) -> None:
    (tmp_path / "u.txt").write_bytes(RU.encode("utf-8"))
    (tmp_path / "w.txt").write_bytes(RU.encode("cp1251"))
    (tmp_path / "k.txt").write_bytes(RU.encode("koi8-r"))
    docs, errors = _split(list(read_paths([tmp_path])))
    assert errors == []
    assert {d.sha256 for d in docs} == {hashlib.sha256(RU.encode()).hexdigest()}


def test_folder_recursion_sorted_sidecars_skipped_meta_hints_used(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "a.txt").write_text(KY, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{"entities": []}', encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"url": "https://example.kg/1", "lang": "ky", "title": "Аталышы", "published": "2020-01-02"}),
        encoding="utf-8",
    )
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    results = list(read_paths([tmp_path]))
    docs, errors = _split(results)
    assert errors == []
    assert [Path(d.source).name for d in docs] == ["a.txt", "z.txt"]
    first = docs[0]
    assert (first.url, first.title, first.published) == ("https://example.kg/1", "Аталышы", "2020-01-02")
    assert docs[1].url is None


def test_glob_patterns(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "two.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "three.html").write_text(f"<html><body><p>{RU}</p></body></html>", encoding="utf-8")
    names = [Path(d.source).name for d in read_paths([str(tmp_path / "**" / "*.txt")])]
    assert names == ["two.txt", "one.txt"] or sorted(names) == ["one.txt", "two.txt"]
    (err,) = list(read_paths([str(tmp_path / "*.pdf")]))
    assert isinstance(err, InputError) and "matches no file" in err.reason


def test_stdin_text_and_jsonl() -> None:
    (doc,) = list(read_paths(["-"], stdin=io.BytesIO(KK.encode("utf-8"))))
    assert isinstance(doc, Document) and doc.source == "<stdin>" and doc.lang == "kk"
    lines = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (RU, KY)).encode()
    docs, errors = _split(list(read_paths(["-"], stdin=io.BytesIO(lines))))
    assert errors == [] and [d.lang for d in docs] == ["ru", "ky"]
    assert [d.source for d in docs] == ["<stdin>:1", "<stdin>:2"]


def test_jsonl_bad_line_among_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": RU, "url": "https://example.kz/ru"}, ensure_ascii=False),
                '{"text": "broken',
                json.dumps({"title": "no text here"}),
                "",
                json.dumps({"text": KK, "lang": "kk", "published": "2021-03-04"}, ensure_ascii=False),
            ]
        ),
        encoding="utf-8",
    )
    results = list(read_paths([path]))
    docs, errors = _split(results)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:5"]
    assert docs[0].url == "https://example.kz/ru" and docs[1].published == "2021-03-04"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]
    assert "not a valid JSON" in errors[0].reason and '"text"' in errors[1].reason


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": RU, "title": "Заголовок"}, ensure_ascii=False), encoding="utf-8")
    (doc,) = list(read_paths([single]))
    assert isinstance(doc, Document) and doc.title == "Заголовок" and doc.media_type == "application/json"
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": RU}, {"nope": 1}], ensure_ascii=False), encoding="utf-8")
    docs, errors = _split(list(read_paths([many])))
    assert [d.source for d in docs] == [f"{many}:1"] and [e.source for e in errors] == [f"{many}:2"]


@pytest.mark.parametrize(
    ("name", "content", "phrase"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\n", "is empty"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 20 + b"text", "binary"),
        ("undecodable.txt", b"\xb0\xb1\xb2\xb6\xb7\xbb" * 4, "encoding"),
        ("damaged.txt", "Сот жана судья".encode() + b"\xff\xfe" + "жыйын".encode(), "invalid byte"),
        ("bad.json", b'{"text": ', "not valid JSON"),
        ("notext.json", b'{"title": "x", "url": "https://example.org"}', '"text"'),
        ("nolettters.txt", b"12345 67890 !!!", "no readable text"),
        ("scan.pdf", b"%PDF-1.4", "unsupported suffix"),
    ],
)
def test_bad_inputs_are_yielded_not_raised(tmp_path: Path, name: str, content: bytes, phrase: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    (result,) = list(read_paths([path]))
    assert isinstance(result, InputError), result
    assert result.source == str(path)
    assert phrase in result.reason, result.reason


def test_missing_path_and_oversized_file(tmp_path: Path) -> None:
    (missing,) = list(read_paths([tmp_path / "nowhere.txt"]))
    assert isinstance(missing, InputError) and "does not exist" in missing.reason
    big = tmp_path / "big.txt"
    big.write_text(RU * 10, encoding="utf-8")
    (too_big,) = list(read_paths([big], max_bytes=100))
    assert isinstance(too_big, InputError) and "larger than" in too_big.reason
    (too_big_stdin,) = list(read_paths(["-"], stdin=io.BytesIO(RU.encode() * 10), max_bytes=100))
    assert isinstance(too_big_stdin, InputError) and too_big_stdin.source == "<stdin>"


def test_batch_goes_on_after_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "c.meta.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "c.txt").write_text(KK, encoding="utf-8")
    results = list(read_paths([tmp_path, tmp_path / "missing"]))
    kinds = [(Path(r.source).name, type(r).__name__) for r in results]
    assert kinds == [
        ("a.txt", "InputError"),
        ("b.txt", "Document"),
        ("c.meta.json", "InputError"),
        ("c.txt", "Document"),
        ("missing", "InputError"),
    ]


def test_read_bytes_raises() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"", "x.txt")
    assert caught.value.source == "x.txt"
    doc = read_bytes(RU.encode(), "<memory>", hints={"url": "https://example.ru", "lang": "RU"})
    assert (doc.url, doc.lang, doc.script) == ("https://example.ru", "ru", "Cyrl")


PAGE = """<!DOCTYPE html>
<html lang="ru"><head>
<title>Суд | Сайт</title>
<meta property="og:title" content="Верховный суд провёл конференцию">
<meta property="article:published_time" content="2024-05-28T10:15:00+06:00">
<script>var tracking = "Главная новость";</script><style>p {color: red}</style>
</head><body>
<header><a href="/">Главная</a> <a href="/news">Новости</a></header>
<nav><ul><li>О суде</li><li>Контакты</li></ul></nav>
<div class="sidebar"><p>Короткая ссылка</p></div>
<article>
  <h1>Верховный суд провёл конференцию</h1>
  <p>Верховный суд Республики провёл международную конференцию по вопросам правосудия.</p>
  <p>В ней приняли участие судьи из <b>десяти</b> стран.</p>
  <div class="share">Поделиться</div>
</article>
<aside>Реклама</aside>
<footer>© 2024 Верховный суд. Все права защищены</footer>
<noscript>Включите JavaScript</noscript>
</body></html>"""


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_paths([path]))
    assert isinstance(doc, Document)
    assert doc.media_type == "text/html" and doc.original == PAGE
    assert doc.title == "Верховный суд провёл конференцию"
    assert doc.published == "2024-05-28"
    assert doc.lang == "ru"
    for chrome in ("tracking", "color", "Контакты", "Реклама", "права защищены", "JavaScript", "Короткая"):
        assert chrome not in doc.text
    assert "В ней приняли участие судьи из десяти стран." in doc.text
    paragraphs = [p for p in doc.text.split("\n\n") if p.strip()]
    assert paragraphs[1].startswith("Верховный суд Республики")
    assert "Поделиться" not in doc.text  # blanked as chrome, length kept
    assert len(doc.text) == len(doc.text.replace("Поделиться", " " * 10))


def test_html_without_article_element_takes_the_block_with_most_paragraphs() -> None:
    page = (
        "<html><body><div id='menu'><p>Басты бет</p></div>"
        "<div id='content'><div class='inner'><p>" + KK + "</p><p>" + KK + "</p></div></div>"
        "<div id='related'><p>Басқа жаңалық</p></div><time datetime='2021-06-01'>1 маусым</time></body></html>"
    )
    doc = read_bytes(page.encode(), "page.htm")
    assert doc.lang == "kk" and doc.published == "2021-06-01"
    assert "Басқа жаңалық" not in doc.text and doc.text.count("Жоғарғы Соты") == 2


def test_input_errors_survive_pickling() -> None:
    # Worker processes send errors back through a pipe.
    import pickle

    from judikg.errors import InputError

    error = pickle.loads(pickle.dumps(InputError("bad.html", "not UTF-8 and no charset")))
    assert (error.source, error.reason, str(error)) == ("bad.html", "not UTF-8 and no charset", "bad.html: not UTF-8 and no charset")
