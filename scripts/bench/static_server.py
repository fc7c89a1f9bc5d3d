"""A static file server for benchmarks on 127.0.0.1 that behaves like an ordinary production host:
gzip for text, long cache lifetimes for fingerprinted theme assets, revalidation for pages, the site under any
folder (`prefix`, as on GitHub Pages project sites) and its 404.html for every missing path, with status 404."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import re
import socket
import sys
import threading
from functools import lru_cache
from pathlib import Path

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"  # the folder the site is served under: "/" or "/some/subpath/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        status = 200
        inside = self.path.startswith(self.prefix)
        path = Path(self.translate_path("/" + self.path.removeprefix(self.prefix))) if inside else Path("/missing")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        body = path.read_bytes()
        encoding = None
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = _gzipped(path, path.stat().st_mtime), "gzip"
        self.send_response(status)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "application/octet-stream")
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        # Theme assets carry a content hash in their names (bundle.<hash>.min.js); everything else is revalidated.
        immutable = bool(FINGERPRINTED.search(path.name))
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that drops a connection it no longer needs (a page left mid-load) is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


def serve(folder: Path, port: int = 0, prefix: str = "/") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving `folder` under `prefix` on 127.0.0.1 in a background thread; returns the server and the
    site's base URL."""

    class Under(Handler):
        pass

    Under.prefix = prefix

    def handler(*args: object, **kwargs: object) -> Handler:
        return Under(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

    server = Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


def free_port() -> int:
    """A port nothing listens on now, for a site whose address must be known before it is built and served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
