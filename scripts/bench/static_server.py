"""A static file server for benchmarks on 127.0.0.1 that behaves like an ordinary production host:
gzip for text, long cache lifetimes for fingerprinted theme assets, revalidation for pages."""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import re
import threading
from functools import lru_cache
from pathlib import Path

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


@lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        encoding = None
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body, encoding = _gzipped(path, path.stat().st_mtime), "gzip"
        self.send_response(200)
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


def serve(folder: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start serving `folder` on 127.0.0.1 in a background thread; returns the server and its base URL."""

    def handler(*args: object, **kwargs: object) -> Handler:
        return Handler(*args, directory=str(folder), **kwargs)  # type: ignore[arg-type]

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
