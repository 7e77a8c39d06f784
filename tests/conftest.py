"""Shared fixtures: the sample corpus, tiny corpora in tmp dirs, the blank pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "content"
GOLD = REPO.parent / "shared" / "eval" / "gold"


def copy_sample(root: Path) -> Path:
    """Make ``root`` a project holding a copy of the sample corpus and the repository's mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(SAMPLE, root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with an empty content/ folder."""
    (tmp_path / "content").mkdir()
    return tmp_path


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A project folder holding a copy of the sample corpus and the repository's mkdocs.yml."""
    return copy_sample(tmp_path)
