"""The refusals of employee documents, each with a stable code that dialogs translate."""

from services.platform.errors import DomainError


class DocumentExpired(DomainError):
    """Booking at an object that requires a document whose approved copy has expired by
    the shift's date: `title` and `expires_on` name it."""

    code = "document-expired"


class DocumentNotPending(DomainError):
    """The upload was already approved or rejected."""

    code = "document-not-pending"


class ExpiryDateRequired(DomainError):
    code = "document-expiry-required"


class DocumentFileType(DomainError):
    """A file that is neither a photo nor a PDF."""

    code = "document-file-type"
