"""The reviewers' web app: `cehours serve --db <file> [--root <evidence folder>]`."""

from __future__ import annotations


def create_app(*args, **kwargs):
    from webapp.app import create_app as _create

    return _create(*args, **kwargs)
