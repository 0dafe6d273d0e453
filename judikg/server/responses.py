"""What a handler returns: a status, a body and headers; and the error that carries an HTTP status."""

from __future__ import annotations

from dataclasses import dataclass, field
from http import HTTPStatus

from judikg.errors import QueryError

TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes
    content_type: str = TEXT
    headers: tuple[tuple[str, str], ...] = field(default=())

    @property
    def status_line(self) -> str:
        return f"{self.status} {HTTPStatus(self.status).phrase}"


class HttpError(QueryError):
    """A request the server answers with an error status and a plain-text reason.

    Subclasses QueryError so library callers of the same functions (e.g. static publishing)
    get a judikg error; it pickles across the worker pipe with its status.
    """

    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers

    def __reduce__(self) -> tuple[type, tuple[int, str, tuple[tuple[str, str], ...]]]:
        return (type(self), (self.status, self.message, self.headers))

    def response(self) -> Response:
        return Response(self.status, (self.message.rstrip("\n") + "\n").encode("utf-8"), TEXT, self.headers)


def text(status: int, message: str) -> Response:
    return Response(status, (message.rstrip("\n") + "\n").encode("utf-8"))
