"""ZIP containers (XLSX, ODS, zipped shapefiles): checked before anything inside is parsed.

Sizes in a ZIP are claims. `member_chunks` decompresses a member itself, in bounded pieces, and
refuses one whose real size or checksum differs from its claim: the Rust reader behind calamine
reads the real stream, so a scan of the claimed one would prove nothing.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator

from kim_dash.sources.readers.budget import DEFAULT_BUDGET, Budget, refuse

CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then name and extra-field lengths


def _normal(name: str) -> str:
    return name.replace("\\", "/").lower()


def check_zip(raw: bytes, file: str, budget: Budget = DEFAULT_BUDGET) -> zipfile.ZipFile:
    """The archive, once its member paths, count, sizes and ratios are safe and every member was
    decompressed (in pieces, never past its claimed size) to its claimed size and CRC; else
    DatasetError. Costs one pass over at most `max_unzipped_bytes`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except Exception as err:  # zipfile raises BadZipFile, NotImplementedError, ValueError, OSError, ...
        refuse(file, "bad_zip", detail=str(err)[:120])
    if len(infos) > budget.max_zip_members:
        refuse(file, "zip_too_many", value=str(budget.max_zip_members), detail=str(len(infos)))
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename.replace("\\", "/")
        parts = name.split("/")
        if name.startswith("/") or ".." in parts or "\x00" in name or (parts[0][1:2] == ":"):
            refuse(file, "zip_unsafe_path", value=info.filename[:200])
        if _normal(name) in seen:  # readers disagree on which duplicate wins
            refuse(file, "zip_duplicate", value=info.filename[:200])
        seen.add(_normal(name))
        if info.flag_bits & 0x1:
            refuse(file, "password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            refuse(file, "bad_zip", detail=f"compression method {info.compress_type}")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1_000_000 and ratio > budget.max_zip_ratio:
            refuse(file, "zip_bomb", value=info.filename[:200], detail=f"{ratio:.0f}:1")
    if total > budget.max_unzipped_bytes:
        limit = f"{budget.max_unzipped_bytes // (1024 * 1024)} MB"
        refuse(file, "zip_too_big", value=limit, detail=f"{total / 1024 / 1024:.0f} MB")
    for info in infos:  # claimed sizes are now bounded; make sure they are true (and CRCs right)
        for _ in member_chunks(raw, info, file, budget.max_unzipped_bytes):
            pass
    return archive


def find_member(archive: zipfile.ZipFile, path: str) -> zipfile.ZipInfo | None:
    """A member by path, matched as calamine does: case-insensitive, either slash."""
    wanted = _normal(path)
    return next((i for i in archive.infolist() if _normal(i.filename) == wanted), None)


def member_chunks(raw: bytes, info: zipfile.ZipInfo, file: str, limit: int) -> Iterator[bytes]:
    """The member's bytes in pieces of at most CHUNK, never more than `limit` in all, checked
    against its claimed size and CRC (a lie about either is refused)."""
    start = info.header_offset
    try:
        signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(raw, start)
    except struct.error:
        refuse(file, "bad_zip", detail="local header")
    if signature != b"PK\x03\x04":
        refuse(file, "bad_zip", detail="local header")
    begin = start + 30 + name_length + extra_length
    data = memoryview(raw)[begin : begin + info.compress_size]
    if len(data) != info.compress_size:
        refuse(file, "bad_zip", detail="truncated")
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    total, crc = 0, 0
    for offset in range(0, len(data), CHUNK):
        piece = bytes(data[offset : offset + CHUNK])
        while piece:
            if inflate is None:
                out, piece = piece, b""
            else:
                try:
                    out = inflate.decompress(piece, CHUNK)
                except zlib.error:
                    refuse(file, "bad_zip", detail=f"{info.filename[:120]}: damaged data")
                piece = inflate.unconsumed_tail
            total += len(out)
            if total > min(info.file_size, limit):  # more than claimed
                refuse(file, "zip_size_lie", value=info.filename[:200])
            crc = zlib.crc32(out, crc)
            if out:
                yield out
    if inflate is not None:
        tail = inflate.flush()
        total += len(tail)
        crc = zlib.crc32(tail, crc)
        if tail and total <= info.file_size:
            yield tail
    if inflate is not None and not inflate.eof:
        refuse(file, "bad_zip", detail=f"{info.filename[:120]}: truncated data")
    if total != info.file_size or crc != info.CRC:
        refuse(file, "zip_size_lie", value=info.filename[:200])


def read_member(raw: bytes, info: zipfile.ZipInfo, file: str, limit: int) -> bytes:
    """A small member (e.g. ODS `mimetype`) whole, through the same checks."""
    return b"".join(member_chunks(raw, info, file, limit))
