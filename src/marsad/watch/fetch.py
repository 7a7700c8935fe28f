"""Fetching feeds and pages: polite, bounded in time and size, refusing non-public hosts.

:class:`Fetcher` sends one GET with a pause between requests to one host, retries with
exponential backoff for server errors and timeouts (never for 4xx), and follows
redirects itself so that every hop is checked by the :class:`AddressPolicy`. The client
made by :func:`guarded_client` connects only to the addresses the policy checked (a host
name is resolved once, so a second answer of its DNS cannot point elsewhere) and holds
every request to one wall-clock deadline over connect, headers and body: a server that
sends its answer a byte at a time cannot keep the watcher waiting.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from marsad import __version__
from marsad.io.readers import decode_bytes
from marsad.watch.addresses import AddressPolicy, AddressRefused

USER_AGENT = f"marsad/{__version__} (+https://pypi.org/project/marsad/)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 2**20  # a bigger answer is not a news page or feed
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for a longer pause is retried next poll
DEADLINE_FACTOR = 3  # a whole answer may take this many timeouts
REDIRECTS = (301, 302, 303, 307, 308)
_DECLARED_CHARSET = re.compile(rb"""<\?xml[^>]*encoding=["']([\w.:-]+)|<meta[^>]*charset=["']?([\w.:-]+)""", re.I)


class FetchError(Exception):
    """A request that failed: ``retry_now`` (a 5xx, a timeout) is retried with backoff in
    this poll; anything not ``permanent`` (a 404 is) is tried again on the next poll."""

    def __init__(self, reason: str, *, status: int | None = None, retry_now: bool = False,
                 permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_now = retry_now
        self.permanent = permanent
        self.retry_after = retry_after


@dataclass(slots=True)
class Fetched:
    """An answer, its body read only for a 2xx."""

    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""


class Fetcher:
    """GET with politeness, retries, a redirect cap and the address policy on every hop."""

    def __init__(self, client: httpx.Client, *, per_host_delay: float, timeout: float, retries: int,
                 backoff: float, user_agent: str, log: Callable[[str], None],
                 policy: AddressPolicy | None = None, max_redirects: int = MAX_REDIRECTS,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.per_host_delay = per_host_delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent
        self.log = log
        self.policy = policy or AddressPolicy()
        self.max_redirects = max_redirects
        self.sleep = sleep
        self.clock = clock
        self._last_request: dict[str, float] = {}

    def get(self, url: str, headers: dict[str, str]) -> Fetched:
        """The answer (2xx or 304) to GET ``url``; :class:`FetchError` for anything else."""
        attempt = 0
        while True:
            try:
                return self._checked(self._follow(url, headers))
            except FetchError as exc:
                if not exc.retry_now or attempt >= self.retries:
                    raise
                pause = self.backoff * 2**attempt
                if exc.retry_after is not None:
                    if exc.retry_after > MAX_RETRY_AFTER:
                        raise
                    pause = max(pause, exc.retry_after)
                attempt += 1
                self.log(f"{url}: {exc.reason}; retry {attempt} of {self.retries} in {pause:g}s")
                self.sleep(pause)

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        limit = DEADLINE_FACTOR * self.timeout
        with _deadline(limit):
            for _ in range(self.max_redirects + 1):
                try:
                    self.policy.check_url(url)
                except AddressRefused as exc:
                    raise FetchError(str(exc), permanent=True) from None
                response = self._request(url, headers, limit)
                location = response.headers.get("location")
                if response.status not in REDIRECTS or not location:
                    return response
                url = urljoin(url, location.strip())
        raise FetchError(f"redirect loop (more than {self.max_redirects} redirects)")

    def _request(self, url: str, headers: dict[str, str], limit: float) -> Fetched:
        host = (urlsplit(url).hostname or "").lower()
        self._wait_turn(host)
        try:
            with self.client.stream("GET", url, headers={"User-Agent": self.user_agent, **headers},
                                    timeout=self.timeout, follow_redirects=False) as answer:
                response = Fetched(str(answer.url), answer.status_code, answer.headers)
                if answer.status_code // 100 == 2:
                    response.body = _read_body(answer)
                return response
        except AddressRefused as exc:
            raise FetchError(str(exc), permanent=True) from None
        except DeadlinePassed:
            raise FetchError(f"no complete answer within {limit:g}s", retry_now=True) from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"no answer within {self.timeout:g}s ({type(exc).__name__})", retry_now=True) from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(f"truncated or malformed answer: {exc}", retry_now=True) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"bad address: {exc}", permanent=True) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError(f"connection failed: {type(exc).__name__}: {exc}", retry_now=True) from None
        finally:
            self._last_request[host] = self.clock()

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.per_host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    @staticmethod
    def _checked(response: Fetched) -> Fetched:
        status = response.status
        if status // 100 == 2 or status == 304:
            return response
        reason = f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip()
        retry_after = _retry_after(response.headers.get("Retry-After"))
        if status >= 500:
            raise FetchError(reason, status=status, retry_now=True, retry_after=retry_after)
        # A page that is gone stays gone; other refusals (403, 429) may be lifted later.
        raise FetchError(reason, status=status, permanent=status in (404, 410))


def _read_body(answer: httpx.Response) -> bytes:
    chunks, size = [], 0
    for chunk in answer.iter_bytes():
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"answer larger than {MAX_BYTES // 2**20} MB", permanent=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # the HTTP-date form: fall back to our own backoff


# --- the network under the client: checked addresses, one deadline -----------------------

_DEADLINE: ContextVar[float | None] = ContextVar("marsad_watch_deadline", default=None)


class DeadlinePassed(Exception):
    """The request's wall-clock deadline passed while connecting or reading."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _left() -> float | None:
    end = _DEADLINE.get()
    return None if end is None else end - time.monotonic()


def _within_deadline(timeout: float | None) -> float | None:
    """``timeout`` for one network operation, shortened to what the deadline leaves."""
    left = _left()
    if left is None:
        return timeout
    if left <= 0:
        raise DeadlinePassed()
    return left if timeout is None else min(timeout, left)


@contextmanager
def _timeouts_at_deadline() -> Iterator[None]:
    """A timeout that fell on the deadline is the deadline passing, not a slow read."""
    try:
        yield
    except httpcore.TimeoutException:
        left = _left()
        if left is not None and left <= 0.01:
            raise DeadlinePassed() from None
        raise


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        with _timeouts_at_deadline():
            return self._stream.read(max_bytes, _within_deadline(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        with _timeouts_at_deadline():
            self._stream.write(buffer, _within_deadline(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _within_deadline(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        try:
            addresses = self.policy.resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        # The checked addresses themselves, not the name: resolving it again could give another.
        for address in addresses:
            try:
                with _timeouts_at_deadline():
                    stream = super().connect_tcp(address, port, _within_deadline(timeout), local_address,
                                                 socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
                continue
            return _DeadlineStream(stream)
        raise failure


def guarded_client(policy: AddressPolicy, user_agent: str = USER_AGENT) -> httpx.Client:
    """An HTTP client that reaches only what ``policy`` allows, within each request's deadline.

    Proxies from the environment are not used: a proxy would reach the address, unchecked.
    """
    transport = httpx.HTTPTransport()
    # httpx offers no public way to give its connection pool a network backend.
    transport._pool._network_backend = _GuardedBackend(policy)
    return httpx.Client(transport=transport, headers={"User-Agent": user_agent})


# --- decoding -------------------------------------------------------------------------------


def decode_page(body: bytes, declared: str | None = None) -> str:
    """The text of a page or feed: in its declared charset (the HTTP header, else the XML
    declaration or ``<meta charset>``) when that reads it, else as detected by
    :func:`~marsad.io.readers.decode_bytes`.

    Older Arab news sites serve Windows-1256 without saying so, or under a server default
    of ISO-8859-1, which "reads" every byte: Arabic read that way is accented Latin
    letters (ÇáßæíÊ for الكويت), so such a reading is rejected.

    >>> decode_page("استقبل وزير الخارجية".encode("cp1256"), "iso-8859-1")
    'استقبل وزير الخارجية'
    """
    declared = declared or _sniff_charset(body)
    if declared and not body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None and not _misread_arabic(text):
            return text
    return decode_bytes(body)


def header_charset(headers: httpx.Headers) -> str | None:
    """The ``charset`` of a Content-Type header."""
    match = re.search(r"charset=[\"']?([\w.:-]+)", headers.get("content-type", ""), re.I)
    return match.group(1) if match else None


def _sniff_charset(body: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(body[:2048])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _misread_arabic(text: str) -> bool:
    latin = sum(1 for c in text if "\u00c0" <= c <= "\u00ff")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return latin > arabic
