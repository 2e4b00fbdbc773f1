"""Sheet titles made from object names: what Excel refuses is replaced, long names are
cut to 31 characters, equal names get a number."""

from services.platform.xlsx import money_format, sheet_titles


def test_object_names_become_valid_unique_sheet_titles() -> None:
    names = ["Кофейня [центр]", "A/B: склад?", "x" * 40, "x" * 40, "Мира", "мира"]
    titles = sheet_titles(names)
    assert titles[:2] == ["Кофейня _центр_", "A_B_ склад_"]
    assert titles[2] == "x" * 31 and titles[3] == "x" * 27 + " (2)"
    assert titles[4:] == ["Мира", "мира (2)"]
    assert all(len(title) <= 31 for title in titles)


def test_money_format_puts_the_currency_sign_after_the_amount() -> None:
    assert money_format("₽") == '#,##0.00 "₽"'
