"""Passwords (scrypt), signed session cookies, CSRF tokens and the failed-login limit.

Standard library only: hashlib.scrypt is a memory-hard KDF, and a session is
`base64(json).hmac-sha256` in an HttpOnly, Secure, SameSite=Strict cookie. The CSRF token of a
session is an HMAC of the session's random nonce, so it needs no server-side storage.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from datetime import datetime, timedelta

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SESSION_COOKIE = "cehours_session"
LOGIN_COOKIE = "cehours_login"        # the pre-login nonce the login form's CSRF token is bound to
SESSION_SECONDS = 8 * 3600
MAX_FAILED, FAILED_WINDOW = 5, timedelta(minutes=15)


def hash_password(password: str, salt: bytes | None = None, n: int = SCRYPT_N) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


# A constant hash to verify against for unknown users, so timing does not reveal who exists.
_DUMMY = hash_password("not a password", salt=b"0" * 16)


def check_login(account: dict | None, password: str) -> bool:
    if account is None:
        verify_password(password, _DUMMY)
        return False
    return verify_password(password, account["pw_hash"])


class Signer:
    """Signs and verifies small JSON payloads with the app's secret key."""

    def __init__(self, secret: bytes):
        self.secret = secret

    def _mac(self, data: bytes) -> str:
        return hmac.new(self.secret, data, hashlib.sha256).hexdigest()

    def dumps(self, payload: dict) -> str:
        data = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode()
        return f"{data}.{self._mac(data.encode())}"

    def loads(self, token: str | None) -> dict | None:
        if not token or "." not in token:
            return None
        data, mac = token.rsplit(".", 1)
        if not hmac.compare_digest(mac, self._mac(data.encode())):
            return None
        try:
            return json.loads(base64.urlsafe_b64decode(data.encode()))
        except ValueError:
            return None

    def new_session(self, username: str, pw_hash: str = "") -> str:
        return self.dumps({"u": username, "n": secrets.token_hex(16), "exp": int(time.time()) + SESSION_SECONDS,
                           "pv": self.password_version(pw_hash)})

    def password_version(self, pw_hash: str) -> str:
        """A short MAC of the account's password hash, kept in the session: changing the password
        (`cehours user passwd`) ends every session made with the old one."""
        return self._mac(f"pw:{pw_hash}".encode())[:16]

    def session(self, token: str | None) -> dict | None:
        s = self.loads(token)
        if not s or s.get("exp", 0) < time.time() or "u" not in s:
            return None
        return s

    def csrf_token(self, nonce: str) -> str:
        return self._mac(f"csrf:{nonce}".encode())

    def csrf_ok(self, nonce: str | None, token: str | None) -> bool:
        return bool(nonce and token) and hmac.compare_digest(self.csrf_token(nonce), token)


def too_many_failures(failures: int) -> bool:
    return failures >= MAX_FAILED


def failure_window_start() -> datetime:
    return datetime.now() - FAILED_WINDOW
