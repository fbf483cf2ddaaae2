"""Finding the article files under the paths given to ``kg ingest``, safely.

A folder is walked with its symbolic links checked: a link that leads to a
file or folder inside the folder given (the *root*) is read like any other
entry, a link that leads outside it (``passwd.txt -> /etc/passwd``) is
skipped with a :class:`Skipped` notice unless ``follow_links`` is set, and a
broken link is skipped too. Every folder is entered at most once, so a link
loop (``a/loop -> ..``) ends. A path named on the command line is the
user's own choice and is read even if it is a link.

Examples
--------
>>> import os, tempfile
>>> root, elsewhere = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> _ = (root / "a.txt").write_text("Talks.")
>>> _ = (elsewhere / "secret").write_text("root:x:0:0")
>>> os.symlink(elsewhere / "secret", root / "host.txt")
>>> os.symlink(root, root / "loop")
>>> for item in walk([root], {".txt"}):
...     print(item if isinstance(item, Skipped) else item.relative_to(root))
... # doctest: +ELLIPSIS
/.../host.txt: symbolic link to a file outside .../, skipped (kg ingest --follow-links reads it)
a.txt
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    """An input left out on purpose, with the reason: a warning, not a failure."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def walk(paths: Iterable[str | Path], suffixes: Collection[str], *, follow_links: bool = False
         ) -> Iterator[Path | Skipped]:
    """Yield the files under ``paths`` whose suffix is in ``suffixes`` (sorted per folder given).

    Skipped links come first, as :class:`Skipped` notices.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        found: list[Path] = []
        yield from _walk_folder(path, path.resolve(), suffixes, follow_links, found)
        yield from sorted(found)


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def _walk_folder(folder: Path, root: Path, suffixes: Collection[str], follow_links: bool,
                 found: list[Path]) -> Iterator[Skipped]:
    """Collect files into ``found`` and yield the links skipped, depth first, each folder once."""
    entered = {folder.resolve()}
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as error:
            yield Skipped(str(current), f"cannot list the folder: {error.strerror}")
            continue
        for entry in entries:
            path = Path(entry.path)
            wanted = path.suffix.lower() in suffixes
            if entry.is_symlink():
                target = _link_target(path)
                if target is None:
                    if wanted:
                        yield Skipped(str(path), "broken symbolic link, skipped")
                    continue
                is_dir = target.is_dir()
                if not (wanted or is_dir):
                    continue
                if not follow_links and not _inside(target, root):
                    kind = "folder" if is_dir else "file"
                    yield Skipped(str(path), f"symbolic link to a {kind} outside {root}/, "
                                  "skipped (kg ingest --follow-links reads it)")
                    continue
            else:
                is_dir = entry.is_dir(follow_symlinks=False)
                target = path
            if is_dir:
                real = target.resolve()
                if real not in entered:  # a loop, or a folder reached twice, is walked once
                    entered.add(real)
                    pending.append(path)
            elif wanted and target.is_file():
                found.append(path)


def _link_target(path: Path) -> Path | None:
    """Where a symbolic link finally leads, or None when it leads nowhere (broken, a loop)."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
