"""The README is kept honest: its quick start, every make target and every CLI command and option appear in it."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from explainer.__main__ import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in quick.splitlines()[1:] if line.strip()]
    assert commands == ["make site", "make test"]


def test_every_make_target_is_documented() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.MULTILINE)
    assert phony
    for target in phony.group(1).split():
        if target != "lint":  # part of `make test`, listed there
            assert f"`make {target}`" in README, target


def test_every_cli_command_and_option_is_documented(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    usage = capsys.readouterr().out
    for command in ("convert", "site", "serve"):
        assert command in usage and command in README
    for option in re.findall(r"(--[a-z-]+)", usage):
        if option != "--help":
            assert option in README, option
    assert "--dev-addr" in README
