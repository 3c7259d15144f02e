"""Answer the local machine only, and tell the browser to load nothing from elsewhere.

The server binds 127.0.0.1, but a page on another site can still reach it through the
browser: by DNS rebinding (a name that resolves to 127.0.0.1, sent as the Host header) or by
posting a form cross-site. So every request must come from a loopback address *and* name a
loopback host; writes also need the session token (see ``app``).
"""

from __future__ import annotations

import ipaddress

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
        b"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_is_local(host_header: str, port: int | None) -> bool:
    """``127.0.0.1:PORT``, ``localhost:PORT`` or ``[::1]:PORT`` — nothing else."""
    host = host_header.strip().lower()
    name, sep, given_port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not sep:
        name, given_port = host, ""
    if name not in LOCAL_NAMES:
        return False
    return not given_port or port is None or given_port == str(port)


class LocalOnly:
    """ASGI middleware: 403 for a non-loopback client or Host; security headers on the rest."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        server = scope.get("server")
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        port = server[1] if server else None
        reason = None
        if not is_loopback(client[0] if client else None):
            reason = "avis review answers the local machine only"
        elif not host_is_local(host, port):
            reason = "avis review answers requests for 127.0.0.1 or localhost only"
        if reason is not None:
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": 1008})
                return
            body = f"403 Forbidden: {reason}\n".encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 403,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                        *SECURITY_HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
