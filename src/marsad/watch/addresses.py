"""Article addresses: one spelling per page, stable ids, and which hosts may be reached.

A feed is written by someone else: its links (and the redirects they lead to) could
point the watcher at this machine, a private network or a cloud metadata service, whose
answers would then be stored and shown on the dashboard. :class:`AddressPolicy` refuses
every address that is not public, checked on each hop and again on the addresses a host
name resolves to, unless the feeds file allows that host.
"""
from __future__ import annotations

import hashlib
import ipaddress
import re
import socket
from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Analytics parameters name the campaign that brought a reader, not the article.
_TRACKING_PARAM = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|at_\w+|ocid", re.I)


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, the other parameters sorted, percent-escapes normalised.

    >>> canonical_url("HTTPS://WWW.Kuna.net.kw:443/ArticleDetails.aspx?language=ar&id=3201001&utm_source=rss#top")
    'https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING_PARAM.fullmatch(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def article_id(source: str | None, url: str) -> str:
    """``source:`` and a hash of the canonical address: stable across polls and restarts.

    >>> article_id("kuna", "https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar")
    'kuna:44f71f035a2a2bfb'
    """
    digest = hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    return f"{source or site(url)}:{digest}"


def site(url: str) -> str:
    """The host of ``url`` without ``www.``: the source id of an outlet the feeds file
    does not name."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


class AddressRefused(Exception):
    """An address the watcher will not reach; the message says why."""


class AddressPolicy:
    """Public addresses only, except the hosts in ``allow`` (as written in addresses).

    >>> policy = AddressPolicy()
    >>> policy.check_url("http://169.254.169.254/latest/meta-data/")
    Traceback (most recent call last):
    ...
    marsad.watch.addresses.AddressRefused: refused: 169.254.169.254 is a link-local address
    >>> AddressPolicy(allow={"127.0.0.1"}).check_url("http://127.0.0.1:8080/rss.xml")
    """

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = frozenset(h.lower().strip("[]") for h in allow)

    def allows(self, host: str) -> bool:
        return host.lower().strip("[]") in self.allow

    def check_url(self, url: str) -> None:
        """Refuse what no request should go to: another scheme than http(s), a user name
        before the host (``http://kuna.net.kw@10.0.0.1/``), a non-public IP address."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise AddressRefused(f"refused: not an http(s) address: {url[:100]!r}")
        if "@" in parts.netloc:
            raise AddressRefused("refused: the address carries a user name before its host (user@host)")
        host = parts.hostname or ""
        if not host:
            raise AddressRefused(f"refused: no host in {url[:100]!r}")
        if not self.allows(host):
            try:
                ip = ipaddress.ip_address(host)
            except ValueError:
                return  # a name: its addresses are checked when it is resolved
            self._check_ip(host, ip)

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses ``host`` resolves to, every one of them public (or the host allowed)."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise OSError(f"cannot resolve {host}: {exc}") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self.allows(host):
            for address in addresses:
                self._check_ip(host, ipaddress.ip_address(address.split("%")[0]))
        return addresses

    @staticmethod
    def _check_ip(host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
        mapped = getattr(ip, "ipv4_mapped", None)
        ip = mapped or ip
        kind = next((name for name, flag in (
            ("loopback", ip.is_loopback), ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
            ("unspecified", ip.is_unspecified), ("reserved", ip.is_reserved), ("private", ip.is_private),
        ) if flag), None)
        if kind is None and not ip.is_global:
            kind = "non-public"
        if kind is not None:
            where = host if host == str(ip) else f"{host} ({ip})"
            raise AddressRefused(f"refused: {where} is a {kind} address")
