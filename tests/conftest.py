"""Shared fixtures: the sample corpus, tiny corpora in tmp dirs, the blank pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
GOLD = REPO.parent / "shared" / "eval" / "gold"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with an empty content/ folder."""
    (tmp_path / "content").mkdir()
    return tmp_path


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A project folder holding a copy of the sample corpus and the repository's mkdocs.yml."""
    shutil.copytree(SAMPLE, tmp_path / "content")
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path
