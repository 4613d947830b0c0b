"""Where the ledger file lives: a network drive breaks SQLite's WAL mode and locking."""
from __future__ import annotations

import os
import sys
from pathlib import Path

# Linux file systems whose locking SQLite cannot rely on (and where WAL's shared memory
# does not work across machines).
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
    "lustre", "gpfs", "fuse.sshfs", "fuse.davfs2", "davfs", "fuse.rclone", "fuse.glusterfs",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW


def is_network_path(path: str | Path, mounts: str | None = None) -> bool:
    """Whether `path` is on a network share (UNC path, mapped drive, NFS/SMB mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_remote(Path(text))
    return _mount_type(Path(text), mounts) in NETWORK_FS


def _windows_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE


def _mount_type(path: Path, mounts: str | None) -> str | None:
    """The file-system type of the longest mount point containing `path` (Linux)."""
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = str(path.resolve() if path.exists() else path.absolute())
    best, kind = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, parts[2]
    return kind
