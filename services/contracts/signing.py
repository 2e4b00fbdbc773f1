"""Signing in chat with a simple electronic signature. Before the first signature in an
organization the member accepts its agreement; a signature is a one-time code the bot
sends in its own message, typed back within `CODE_TTL`. The facts kept (document SHA-256,
template version, Telegram user id, time, the code message's id) are printed on a last
page of the signed copy. One contract has at most one signature (a unique index)."""

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.contracts.contracts import counterparts, record_event, version_of
from services.contracts.errors import (
    AgreementRequired,
    AlreadySigned,
    CodeExpired,
    ContractNotPending,
    WrongCode,
)
from services.contracts.pdf import SignatureFacts, with_signature_page
from services.contracts.rules import CODE_DIGITS, code_hash, code_matches
from services.contracts.templates import agreement_template, latest_version
from services.platform.clock import Clock
from services.platform.db.models import (
    Contract,
    ContractSignature,
    ContractStatus,
    EsignAgreement,
    Membership,
    Organization,
    SigningCode,
    User,
)
from services.platform.errors import NotFound
from services.platform.i18n import translator_for

CODE_TTL = timedelta(minutes=10)
# Taps on "Sign" or "new code" this close together send one code, not one each.
REPEAT_TAP = timedelta(seconds=30)


async def own_contract(
    session: AsyncSession, user: User, contract_id: int, *, lock: bool = False
) -> Contract:
    """A contract made for `user` and sent to them (drafts are not shown to anyone but
    their author)."""
    query = (
        select(Contract)
        .join(Membership, Membership.id == Contract.membership_id)
        .where(
            Contract.id == contract_id,
            Membership.user_id == user.id,
            Contract.status != ContractStatus.DRAFT,
        )
    )
    contract = await session.scalar(query.with_for_update(of=Contract) if lock else query)
    if contract is None:
        raise NotFound(what="contract")
    return contract


async def has_agreement(session: AsyncSession, user_id: int, organization_id: int) -> bool:
    return (
        await session.scalar(
            select(EsignAgreement.id).where(
                EsignAgreement.user_id == user_id,
                EsignAgreement.organization_id == organization_id,
            )
        )
        is not None
    )


async def accept_agreement(
    session: AsyncSession, clock: Clock, user: User, contract_id: int
) -> None:
    """The member accepts the organization's simple-e-signature agreement (its latest
    version); accepting twice changes nothing."""
    contract = await own_contract(session, user, contract_id)
    if await has_agreement(session, user.id, contract.organization_id):
        return
    template = await agreement_template(session, contract.organization_id)
    version = await latest_version(session, template.id)
    try:
        async with session.begin_nested():
            session.add(
                EsignAgreement(
                    organization_id=contract.organization_id,
                    user_id=user.id,
                    template_version_id=version.id,
                    telegram_user_id=user.telegram_id,
                    accepted_at=clock.now(),
                )
            )
    except IntegrityError:
        return  # accepted at the same moment from another tap


async def send_signing_code(
    session: AsyncSession,
    clock: Clock,
    user: User,
    contract_id: int,
    send_code: Callable[[str], Awaitable[int]],
) -> None:
    """A fresh one-time code for this contract, sent by `send_code` in its own message
    (which returns that message's id); earlier codes of the contract stop working. A tap
    within `REPEAT_TAP` of the last code sends none, so a double tap leaves one code."""
    contract = await own_contract(session, user, contract_id, lock=True)
    if contract.status == ContractStatus.SIGNED:
        raise AlreadySigned()
    if contract.status != ContractStatus.SENT:
        raise ContractNotPending()
    if not await has_agreement(session, user.id, contract.organization_id):
        raise AgreementRequired()
    now = clock.now()
    earlier_codes = list(
        await session.scalars(
            select(SigningCode).where(
                SigningCode.contract_id == contract.id, SigningCode.used_at.is_(None)
            )
        )
    )
    if any(code.expires_at - CODE_TTL > now - REPEAT_TAP for code in earlier_codes):
        return  # a second tap right after the first: the code just sent stays the one
    for earlier in earlier_codes:
        earlier.used_at = now
    code = "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))
    message_id = await send_code(code)
    session.add(
        SigningCode(
            contract_id=contract.id,
            user_id=user.id,
            code_hash=code_hash(contract.id, code),
            message_id=message_id,
            expires_at=now + CODE_TTL,
        )
    )
    await session.flush()


@dataclass(frozen=True)
class SignedContract:
    contract_id: int
    signed_pdf: bytes
    # The other side (who made the contract, else the owners): Telegram id and language.
    counterparts: list[tuple[int, str]]


async def confirm_signature(
    session: AsyncSession, clock: Clock, user: User, contract_id: int, typed_code: str
) -> SignedContract:
    """Sign with the code last sent: a wrong code or one older than `CODE_TTL` signs
    nothing; a second confirmation of a signed contract is `AlreadySigned`."""
    contract = await own_contract(session, user, contract_id, lock=True)
    if contract.status == ContractStatus.SIGNED:
        raise AlreadySigned()
    if contract.status != ContractStatus.SENT:
        raise ContractNotPending()
    code = await session.scalar(
        select(SigningCode)
        .where(SigningCode.contract_id == contract.id, SigningCode.used_at.is_(None))
        .order_by(SigningCode.id.desc())
        .limit(1)
    )
    if code is None or code.expires_at <= clock.now():
        raise CodeExpired()
    if not code_matches(contract.id, typed_code, code.code_hash):
        raise WrongCode()
    now = clock.now()
    code.used_at = now
    version = await version_of(session, contract)
    try:
        async with session.begin_nested():
            session.add(
                ContractSignature(
                    contract_id=contract.id,
                    user_id=user.id,
                    telegram_user_id=user.telegram_id,
                    document_sha256=contract.document_sha256,
                    template_version_id=version.id,
                    code_message_id=code.message_id,
                    signed_at=now,
                )
            )
    except IntegrityError as error:
        raise AlreadySigned() from error
    organization = await session.get(Organization, contract.organization_id)
    assert organization is not None
    words = translator_for(organization.language)
    facts = SignatureFacts(
        heading=words("contract-signature-page-title"),
        note=words("contract-signature-page-note"),
        rows=[
            (words("contract-signature-document"), f"№ {contract.id}"),
            (words("contract-signature-sha256"), contract.document_sha256),
            (words("contract-signature-version"), str(version.number)),
            (words("contract-signature-signer"), user.display_name),
            (words("contract-signature-telegram-id"), str(user.telegram_id)),
            (words("contract-signature-time"), now.strftime("%Y-%m-%d %H:%M:%S UTC")),
            (words("contract-signature-code-message"), str(code.message_id)),
        ],
    )
    contract.signed_pdf = with_signature_page(contract.document_pdf, organization.language, facts)
    contract.status = ContractStatus.SIGNED
    record_event(session, clock, contract, "signed", user.id, sha256=contract.document_sha256)
    await session.flush()
    return SignedContract(
        contract.id,
        contract.signed_pdf,
        [(person.telegram_id, person.language) for person in await counterparts(session, contract)],
    )
