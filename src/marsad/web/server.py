"""Running the application: bind first, then announce; a deadline for request headers.

uvicorn times out idle keep-alive connections but not a request whose headers arrive a
byte at a time: a few such clients would hold the server's connections for ever.
:class:`HeaderDeadline` closes a connection whose request headers are not complete
within ``header_timeout`` seconds of their first byte (or of the connection).
"""
from __future__ import annotations

import asyncio
import errno
import socket
from collections.abc import Callable

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0  # seconds for a request line and its headers
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


class ServeError(Exception):
    """The server cannot start; the message says why, in one line."""


class HeaderDeadline(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline for each request's headers."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_timer: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        self._arm()
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is None and self.conn.their_state is h11.IDLE:
            self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def server(app, *, header_timeout: float = HEADER_TIMEOUT, keep_alive: int = 60) -> uvicorn.Server:
    """A uvicorn server for ``app`` with the header deadline; run it with ``sockets=[...]``."""
    protocol = type("HeaderDeadline", (HeaderDeadline,), {"header_timeout": header_timeout})
    return uvicorn.Server(uvicorn.Config(app, http=protocol, log_level="warning", timeout_keep_alive=keep_alive))


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; :class:`ServeError` when that is impossible."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"cannot bind {host}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use (another server?); "
                             f"choose another with --port") from None
        raise ServeError(f"cannot bind {host}:{port}: {exc.strerror or exc}") from None
    return sock


def allowed_hosts(host: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The names a server bound to ``host`` answers to: that address, the loopback names
    when it is a loopback or wildcard address, and ``extra``."""
    names = [host, *extra]
    if host in LOOPBACK_NAMES or host.startswith("127.") or host in ("0.0.0.0", "::", ""):
        names += LOOPBACK_NAMES
    return list(dict.fromkeys(names))


def serve(app, host: str, port: int, announce: Callable[[str], None],
          *, header_timeout: float = HEADER_TIMEOUT, keep_alive: int = 60) -> None:
    """Bind ``host:port``, then announce the address, then serve until interrupted."""
    sock = bind(host, port)
    shown = f"[{host}]" if ":" in host else host
    announce(f"http://{shown}:{sock.getsockname()[1]}/")
    server(app, header_timeout=header_timeout, keep_alive=keep_alive).run(sockets=[sock])
