"""The refusals of contracts and signing, each with a stable code that dialogs translate."""

from services.platform.errors import DomainError


class UnknownFields(DomainError):
    """A template text uses fields the product cannot fill: `fields` lists them."""

    code = "unknown-fields"


class ContractNotPending(DomainError):
    """The contract is not waiting for this action (already sent, signed or a draft)."""

    code = "contract-not-pending"


class AlreadySigned(DomainError):
    code = "contract-already-signed"


class AgreementRequired(DomainError):
    code = "esign-agreement-required"


class WrongCode(DomainError):
    code = "signing-code-wrong"


class CodeExpired(DomainError):
    code = "signing-code-expired"


class ContractEnded(DomainError):
    """Planning after the contract's last day: `ends_on` is that day."""

    code = "contract-ended"


class UnreadableFile(DomainError):
    code = "template-file-unreadable"
