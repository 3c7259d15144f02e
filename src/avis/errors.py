"""The one exception hierarchy of avis.

Every failure a user can meet is an :class:`AvisError` with a stable ``code`` (used in batch
reports and exit statuses) and a message that says what to do about it.
"""

from __future__ import annotations


class AvisError(Exception):
    """Base of every error avis raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class UnsupportedFormatError(AvisError):
    """The content is not a format avis reads (detected from bytes, not the file name)."""

    code = "unsupported_format"


class EmptyInputError(AvisError):
    """The file is empty or holds no text at all."""

    code = "empty_input"


class CorruptInputError(AvisError):
    """The file claims a format but cannot be decoded (truncated, damaged)."""

    code = "corrupt_input"


class PasswordRequiredError(AvisError):
    """The PDF is encrypted for opening and no (or a wrong) password was given."""

    code = "password_required"


class UnsafeInputError(AvisError):
    """The file tries something dangerous (zip bomb, path traversal, XML entities)."""

    code = "unsafe_input"


class LimitExceededError(AvisError):
    """The file is over a configured limit (size, pages, pixels)."""

    code = "limit_exceeded"


class DocumentTimeoutError(AvisError):
    """Reading the document took longer than the per-document time limit."""

    code = "timeout"


class OcrUnavailableError(AvisError):
    """A scan needs OCR but Tesseract (or its French data) is not installed."""

    code = "ocr_unavailable"


class OutputValidationError(AvisError):
    """An emitted document does not validate against its schema."""

    code = "invalid_output"


class InternalError(AvisError):
    """An unexpected exception inside avis (a bug) while reading or extracting one document.

    Raised by the pipeline in place of a raw exception, so that one file cannot kill a batch or
    print a traceback; the fuzz harness counts it as a crash to fix.
    """

    code = "internal_error"


class UsageError(AvisError):
    """The caller asked for something that does not exist (unknown writer, bad option)."""

    code = "usage"


class UnreadableInputError(AvisError):
    """The input cannot be opened or read (missing, vanished, unreadable folder)."""

    code = "unreadable"


class NotRegularFileError(AvisError):
    """The input is a FIFO, socket or device, not a file: reading it could block or never end."""

    code = "not_regular"


class DiskFullError(AvisError):
    """A write failed because the disk (or the user's quota) is full."""

    code = "disk_full"


class PermissionDeniedError(AvisError):
    """A read or write was refused: permissions, a read-only mount or an immutable file."""

    code = "permission_denied"


class OutputFailedError(AvisError):
    """Writing an output failed for another reason (I/O error, a link out of the folder…)."""

    code = "output_failed"
