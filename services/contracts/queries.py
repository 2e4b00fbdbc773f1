"""Read models of contracts: templates for the owner, the wizard's pre-filled answers,
a member's contracts, the last day planning honours, and who the other side is."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.contracts.contracts import managed_contract
from services.contracts.rules import asked_fields, fields_of, fill
from services.contracts.signing import own_contract
from services.contracts.templates import (
    builtin_agreement,
    find_agreement_template,
    latest_version,
    template_of,
)
from services.platform.clock import Clock
from services.platform.db.models import (
    Contract,
    ContractEvent,
    ContractStatus,
    ContractTemplate,
    ContractTemplateVersion,
    Membership,
    Organization,
    TemplateKind,
    User,
)
from services.staff.memberships import organization_today, staff_card
from services.staff.permissions import Actor, require_owner


@dataclass(frozen=True)
class TemplateRow:
    template_id: int
    name: str
    version: int


async def contract_templates(session: AsyncSession, actor: Actor) -> list[TemplateRow]:
    """The organization's contract templates with their latest version number."""
    rows = await session.execute(
        select(ContractTemplate.id, ContractTemplate.name, func.max(ContractTemplateVersion.number))
        .join(ContractTemplateVersion, ContractTemplateVersion.template_id == ContractTemplate.id)
        .where(
            ContractTemplate.organization_id == actor.organization_id,
            ContractTemplate.kind == TemplateKind.CONTRACT,
        )
        .group_by(ContractTemplate.id, ContractTemplate.name)
        .order_by(ContractTemplate.name)
    )
    return [TemplateRow(template_id, name, number) for template_id, name, number in rows]


@dataclass(frozen=True)
class TemplateView:
    template_id: int
    name: str
    version: int
    body: str
    fields: list[str]


async def template_view(session: AsyncSession, actor: Actor, template_id: int) -> TemplateView:
    require_owner(actor)
    template = await template_of(session, actor, template_id)
    version = await latest_version(session, template.id)
    return TemplateView(
        template.id, template.name, version.number, version.body, fields_of(version.body)
    )


@dataclass(frozen=True)
class ContractDefaults:
    """The wizard's starting answers: from the member's profile and contract terms."""

    employee_name: str
    fields: list[str]
    full_name: str
    starts_on: date
    hourly_rate: Decimal | None


async def contract_defaults(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int, template_id: int
) -> ContractDefaults:
    card = await staff_card(session, actor, clock, membership_id)
    template = await template_of(session, actor, template_id)
    version = await latest_version(session, template.id)
    today = await organization_today(session, clock, actor.organization_id)
    return ContractDefaults(
        employee_name=card.name,
        fields=asked_fields(version.body),
        full_name=card.name,
        starts_on=max(card.started_on or today, today),
        hourly_rate=card.hourly_rate,
    )


@dataclass(frozen=True)
class ContractRow:
    contract_id: int
    name: str
    status: ContractStatus
    starts_on: date
    ends_on: date | None


async def contracts_of_member(
    session: AsyncSession, actor: Actor, clock: Clock, membership_id: int
) -> list[ContractRow]:
    """A managed member's contracts, newest first (drafts included: the author's own)."""
    await staff_card(session, actor, clock, membership_id)
    return await _contract_rows(session, Contract.membership_id == membership_id)


async def contracts_to_read(session: AsyncSession, user: User) -> list[ContractRow]:
    """The user's own contracts sent to them, in every organization, newest first."""
    return await _contract_rows(
        session,
        Contract.membership_id.in_(select(Membership.id).where(Membership.user_id == user.id)),
        Contract.status != ContractStatus.DRAFT,
    )


async def _contract_rows(session: AsyncSession, *conditions: object) -> list[ContractRow]:
    rows = await session.execute(
        select(
            Contract.id,
            ContractTemplate.name,
            Contract.status,
            Contract.starts_on,
            Contract.ends_on,
        )
        .join(ContractTemplateVersion, ContractTemplateVersion.id == Contract.template_version_id)
        .join(ContractTemplate, ContractTemplate.id == ContractTemplateVersion.template_id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(Contract.id.desc())
    )
    return [
        ContractRow(contract_id, name, ContractStatus(status), starts_on, ends_on)
        for contract_id, name, status, starts_on, ends_on in rows
    ]


async def contract_last_day(session: AsyncSession, membership_id: int) -> date | None:
    """The last day of the member's latest sent or signed contract; None when it has no
    end or there is no contract (then nothing limits planning)."""
    return await session.scalar(
        select(Contract.ends_on)
        .where(Contract.membership_id == membership_id, Contract.status != ContractStatus.DRAFT)
        .order_by(Contract.starts_on.desc(), Contract.id.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class ContractView:
    contract_id: int
    organization_id: int
    name: str
    status: ContractStatus
    starts_on: date
    ends_on: date | None
    # The signed copy once signed, else the document as sent.
    pdf: bytes


def _view(contract: Contract, name: str) -> ContractView:
    return ContractView(
        contract.id,
        contract.organization_id,
        name,
        ContractStatus(contract.status),
        contract.starts_on,
        contract.ends_on,
        contract.signed_pdf or contract.document_pdf,
    )


async def _template_name(session: AsyncSession, contract: Contract) -> str:
    name = await session.scalar(
        select(ContractTemplate.name)
        .join(ContractTemplateVersion, ContractTemplateVersion.template_id == ContractTemplate.id)
        .where(ContractTemplateVersion.id == contract.template_version_id)
    )
    return name or ""


async def managed_contract_view(
    session: AsyncSession, actor: Actor, clock: Clock, contract_id: int
) -> ContractView:
    contract = await managed_contract(session, actor, clock, contract_id)
    return _view(contract, await _template_name(session, contract))


async def own_contract_view(session: AsyncSession, user: User, contract_id: int) -> ContractView:
    contract = await own_contract(session, user, contract_id)
    return _view(contract, await _template_name(session, contract))


async def agreement_text(session: AsyncSession, user: User, contract_id: int) -> str:
    """The simple-e-signature agreement the user is asked to accept, filled in: the
    organization's own version, else the built-in text it will be made from."""
    contract = await own_contract(session, user, contract_id)
    organization = await session.get(Organization, contract.organization_id)
    assert organization is not None
    template = await find_agreement_template(session, organization.id)
    body = (
        (await latest_version(session, template.id)).body
        if template is not None
        else builtin_agreement(organization.language)
    )
    return fill(
        body, {"organization.name": organization.name, "employee.full_name": user.display_name}
    )


@dataclass(frozen=True)
class HistoryLine:
    kind: str
    happened_at: datetime
    ends_on: date | None


async def contract_history(
    session: AsyncSession, actor: Actor, clock: Clock, contract_id: int
) -> list[HistoryLine]:
    """What happened to a managed contract, oldest first (end date changes with the new
    last day)."""
    await managed_contract(session, actor, clock, contract_id)
    events = await session.scalars(
        select(ContractEvent)
        .where(ContractEvent.contract_id == contract_id)
        .order_by(ContractEvent.happened_at, ContractEvent.id)
    )
    return [
        HistoryLine(
            event.kind,
            event.happened_at,
            date.fromisoformat(event.details["ends_on"]) if event.details.get("ends_on") else None,
        )
        for event in events
    ]
