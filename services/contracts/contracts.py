"""Contracts for one member: made as a draft from a template's latest version with the
wizard's answers, sent for signature (which writes the rate into the contract terms
payroll reads, so what is signed is what is paid), and ended or prolonged with a history
entry. A sent contract's PDF never changes."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.contracts.errors import ContractNotPending
from services.contracts.pdf import render_document
from services.contracts.rules import (
    MAX_VALUE_LENGTH,
    blocks_of,
    document_date,
    fill,
    sha256_of,
)
from services.contracts.templates import latest_version, template_of
from services.notify.outbox import CONTRACT_TO_SIGN, notify
from services.platform.clock import Clock
from services.platform.db.models import (
    Contract,
    ContractEvent,
    ContractStatus,
    ContractTemplateVersion,
    Membership,
    MembershipRole,
    Organization,
    TemplateKind,
    User,
)
from services.platform.errors import InvalidInput, NotFound
from services.platform.i18n import translator_for
from services.staff.memberships import (
    MAX_HOURLY_RATE,
    organization_today,
    set_contract_rate,
    staff_card,
)
from services.staff.permissions import Actor


@dataclass(frozen=True)
class ContractAnswers:
    """What the wizard collected; None where the template does not ask."""

    full_name: str
    starts_on: date
    ends_on: date | None
    hourly_rate: Decimal | None
    service: str


def clean_value(raw: str | None) -> str:
    text = " ".join((raw or "").split())
    if not text:
        raise InvalidInput(field="value", reason="empty")
    if len(text) > MAX_VALUE_LENGTH:
        raise InvalidInput(field="value", reason="too-long", limit=MAX_VALUE_LENGTH)
    return text


def record_event(
    session: AsyncSession,
    clock: Clock,
    contract: Contract,
    kind: str,
    user_id: int | None,
    **details: str,
) -> None:
    session.add(
        ContractEvent(
            contract_id=contract.id,
            kind=kind,
            details=details,
            actor_user_id=user_id,
            happened_at=clock.now(),
        )
    )


async def prepare_contract(
    session: AsyncSession,
    actor: Actor,
    clock: Clock,
    *,
    membership_id: int,
    template_id: int,
    answers: ContractAnswers,
) -> Contract:
    """A draft contract for a member the actor manages, from the template's latest
    version, rendered to PDF for the preview."""
    card = await staff_card(session, actor, clock, membership_id)
    template = await template_of(session, actor, template_id)
    if template.kind != TemplateKind.CONTRACT:
        raise NotFound(what="template")
    if answers.ends_on is not None and answers.ends_on < answers.starts_on:
        raise InvalidInput(field="date", reason="reversed")
    if answers.hourly_rate is not None and not Decimal(0) < answers.hourly_rate <= MAX_HOURLY_RATE:
        raise InvalidInput(field="rate", reason="rate-too-large", limit=int(MAX_HOURLY_RATE))
    version = await latest_version(session, template.id)
    organization = await session.get(Organization, actor.organization_id)
    assert organization is not None
    words = translator_for(organization.language)
    contract = Contract(
        organization_id=actor.organization_id,
        membership_id=membership_id,
        template_version_id=version.id,
        status=ContractStatus.DRAFT,
        starts_on=answers.starts_on,
        ends_on=answers.ends_on,
        created_by_user_id=actor.user_id,
        document_pdf=b"",
        document_sha256="",
    )
    session.add(contract)
    await session.flush()
    values = {
        "employee.full_name": answers.full_name,
        "contract.start": document_date(answers.starts_on),
        "contract.end": document_date(answers.ends_on)
        if answers.ends_on
        else words("contract-open-ended"),
        "contract.rate": words.money(answers.hourly_rate, organization.currency)
        if answers.hourly_rate is not None
        else words("contract-rate-by-object"),
        "contract.service": answers.service,
        "organization.name": organization.name,
        "contract.number": str(contract.id),
        "contract.date": document_date(await organization_today(session, clock, organization.id)),
        "objects": ", ".join(item.name for item in card.objects) or "—",
    }
    title = f"{template.name} № {contract.id}"
    contract.values = values | (
        {"hourly_rate": str(answers.hourly_rate)} if answers.hourly_rate is not None else {}
    )
    contract.document_pdf = render_document(
        title, organization.language, blocks_of(fill(version.body, values))
    )
    contract.document_sha256 = sha256_of(contract.document_pdf)
    record_event(session, clock, contract, "created", actor.user_id, version=str(version.number))
    await session.flush()
    return contract


async def managed_contract(
    session: AsyncSession, actor: Actor, clock: Clock, contract_id: int, *, lock: bool = False
) -> Contract:
    """A contract of the actor's organization for a member the actor manages."""
    query = select(Contract).where(Contract.id == contract_id)
    contract = await session.scalar(query.with_for_update() if lock else query)
    if contract is None or contract.organization_id != actor.organization_id:
        raise NotFound(what="contract")
    await staff_card(session, actor, clock, contract.membership_id)
    return contract


async def send_for_signature(
    session: AsyncSession, actor: Actor, clock: Clock, contract_id: int
) -> Contract:
    """The draft goes to the employee to sign; from its start its rate is the contract
    rate payroll uses (a contract without its own rate leaves the terms as they are)."""
    contract = await managed_contract(session, actor, clock, contract_id, lock=True)
    if contract.status != ContractStatus.DRAFT:
        raise ContractNotPending()
    contract.status = ContractStatus.SENT
    if "hourly_rate" in contract.values:
        await set_contract_rate(
            session,
            contract.membership_id,
            Decimal(contract.values["hourly_rate"]),
            contract.starts_on,
        )
    record_event(session, clock, contract, "sent", actor.user_id)
    membership = await session.get(Membership, contract.membership_id)
    assert membership is not None
    await notify(
        session,
        kind=CONTRACT_TO_SIGN.name,
        dedup_key=f"contract-to-sign:{contract.id}",
        not_before=clock.now(),
        recipient_user_id=membership.user_id,
        organization_id=contract.organization_id,
        payload={"number": contract.id},
    )
    await session.flush()
    return contract


async def change_end_date(
    session: AsyncSession, actor: Actor, clock: Clock, contract_id: int, ends_on: date | None
) -> Contract:
    """A new last day for a sent or signed contract (None: open-ended), kept in its
    history; the signed PDF stays as it was signed. Planning refuses shifts after it."""
    contract = await managed_contract(session, actor, clock, contract_id, lock=True)
    if contract.status == ContractStatus.DRAFT:
        raise ContractNotPending()
    if ends_on is not None and ends_on < contract.starts_on:
        raise InvalidInput(field="date", reason="date-before-start")
    today = await organization_today(session, clock, contract.organization_id)
    previous = contract.ends_on
    contract.ends_on = ends_on
    kind = "ended" if ends_on is not None and ends_on <= today else "changed"
    record_event(
        session,
        clock,
        contract,
        kind,
        actor.user_id,
        ends_on_before=previous.isoformat() if previous else "",
        ends_on=ends_on.isoformat() if ends_on else "",
    )
    await session.flush()
    return contract


async def version_of(session: AsyncSession, contract: Contract) -> ContractTemplateVersion:
    version = await session.get(ContractTemplateVersion, contract.template_version_id)
    assert version is not None
    return version


async def counterparts(session: AsyncSession, contract: Contract) -> list[User]:
    """The organization's side of a contract: its author, else the owners."""
    author = (
        await session.get(User, contract.created_by_user_id)
        if contract.created_by_user_id
        else None
    )
    if author is not None:
        return [author]
    return list(
        await session.scalars(
            select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(
                Membership.organization_id == contract.organization_id,
                Membership.role == MembershipRole.OWNER,
            )
        )
    )
