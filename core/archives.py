"""Zip archives from outside (Excel workbooks, exchange files): their declared sizes and
compression ratios are checked before anything is inflated, and members are read in
blocks with a running count, so that a zip bomb is refused within a fixed memory budget.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Limits:
    unpacked_bytes: int   # all members together, as declared and as read
    members: int
    ratio: float          # unpacked / packed size of one member …
    ratio_from: int       # … checked for members bigger than this


class TooLarge(Exception):
    """The archive unpacks too large, holds too many members or compresses suspiciously."""


def check_members(members: list[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse, from the central directory alone, an archive beyond `limits`."""
    if len(members) > limits.members:
        raise TooLarge("members")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > limits.unpacked_bytes or (
                member.file_size > limits.ratio_from and ratio > limits.ratio):
            raise TooLarge(member.filename)


BLOCK = 1 << 20


def blocks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: list[int]) -> Iterator[bytes]:
    """The member's content in blocks; `budget` ([bytes left]) is shared by every member
    read, so that a member inflating past what it declared is stopped too (zipfile stops
    at the declared size and then fails its CRC check)."""
    with archive.open(member) as stream:
        while True:
            block = stream.read(min(BLOCK, max(budget[0], 0) + 1))
            if not block:
                return
            budget[0] -= len(block)
            if budget[0] < 0:
                raise TooLarge(member.filename)
            yield block
