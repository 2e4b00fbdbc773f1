"""Contract templates: made by the owner from a starting text, changed only by adding a
version (earlier versions stay, and contracts keep the one they were made from)."""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.contracts.builtin import ESIGN_AGREEMENTS, STARTING_TEXTS
from services.contracts.errors import UnknownFields
from services.contracts.rules import MAX_NAME_LENGTH, MAX_TEMPLATE_LENGTH, unknown_fields
from services.platform.db.models import (
    ContractTemplate,
    ContractTemplateVersion,
    Organization,
    TemplateKind,
)
from services.platform.errors import InvalidInput, NotFound
from services.staff.permissions import Actor, require_owner


def clean_name(raw: str | None) -> str:
    name = " ".join((raw or "").split())
    if not name:
        raise InvalidInput(field="name", reason="empty")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(field="name", reason="too-long", limit=MAX_NAME_LENGTH)
    return name


def clean_body(raw: str | None) -> str:
    """A template text: not empty, not too long, and only fields the product can fill
    (the unknown ones are named in the refusal)."""
    body = (raw or "").replace("\r\n", "\n").strip()
    if not body:
        raise InvalidInput(field="text", reason="empty")
    if len(body) > MAX_TEMPLATE_LENGTH:
        raise InvalidInput(field="text", reason="too-long", limit=MAX_TEMPLATE_LENGTH)
    unknown = unknown_fields(body)
    if unknown:
        raise UnknownFields(fields=", ".join("{" + name + "}" for name in unknown))
    return body


async def _add_version(
    session: AsyncSession, template: ContractTemplate, body: str, user_id: int | None
) -> ContractTemplateVersion:
    latest = await session.scalar(
        select(func.max(ContractTemplateVersion.number)).where(
            ContractTemplateVersion.template_id == template.id
        )
    )
    version = ContractTemplateVersion(
        template_id=template.id, number=(latest or 0) + 1, body=body, created_by_user_id=user_id
    )
    session.add(version)
    await session.flush()
    return version


async def create_template(
    session: AsyncSession, actor: Actor, *, name: str, start_from: str
) -> ContractTemplate:
    """Owners only: a contract template whose version 1 is one of the starting texts."""
    require_owner(actor)
    if start_from not in STARTING_TEXTS:
        raise InvalidInput(field="start_from")
    template = ContractTemplate(
        organization_id=actor.organization_id, kind=TemplateKind.CONTRACT, name=clean_name(name)
    )
    session.add(template)
    await session.flush()
    await _add_version(session, template, STARTING_TEXTS[start_from], actor.user_id)
    return template


async def template_of(session: AsyncSession, actor: Actor, template_id: int) -> ContractTemplate:
    template = await session.get(ContractTemplate, template_id)
    if template is None or template.organization_id != actor.organization_id:
        raise NotFound(what="template")
    return template


async def change_template(
    session: AsyncSession, actor: Actor, template_id: int, body: str
) -> ContractTemplateVersion:
    """Owners only: the next version of the template with this text. Two owners saving at
    once both get a version (the later one retries on the next number)."""
    require_owner(actor)
    template = await template_of(session, actor, template_id)
    text = clean_body(body)
    for _ in range(3):
        try:
            async with session.begin_nested():
                return await _add_version(session, template, text, actor.user_id)
        except IntegrityError:
            continue
    raise InvalidInput(field="text", reason="busy")


def builtin_agreement(language: str) -> str:
    return ESIGN_AGREEMENTS.get(language, ESIGN_AGREEMENTS["ru"])


async def find_agreement_template(
    session: AsyncSession, organization_id: int
) -> ContractTemplate | None:
    return await session.scalar(
        select(ContractTemplate)
        .where(
            ContractTemplate.organization_id == organization_id,
            ContractTemplate.kind == TemplateKind.ESIGN_AGREEMENT,
        )
        .order_by(ContractTemplate.id)
        .limit(1)
    )


async def agreement_template(session: AsyncSession, organization_id: int) -> ContractTemplate:
    """The organization's simple-e-signature agreement, made from the built-in text in
    the organization's language the first time it is needed."""
    template = await find_agreement_template(session, organization_id)
    if template is None:
        organization = await session.get(Organization, organization_id)
        assert organization is not None
        body = builtin_agreement(organization.language)
        template = ContractTemplate(
            organization_id=organization_id,
            kind=TemplateKind.ESIGN_AGREEMENT,
            name=body.splitlines()[0].removeprefix("# "),
        )
        session.add(template)
        await session.flush()
        await _add_version(session, template, body, None)
    return template


async def latest_version(session: AsyncSession, template_id: int) -> ContractTemplateVersion:
    version = await session.scalar(
        select(ContractTemplateVersion)
        .where(ContractTemplateVersion.template_id == template_id)
        .order_by(ContractTemplateVersion.number.desc())
        .limit(1)
    )
    if version is None:
        raise NotFound(what="template")
    return version
