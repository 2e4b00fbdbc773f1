onboarding-ask-timezone =
    🕐 В каком часовом поясе работает «{ $organization_name }»?
    Выберите из списка, отправьте точку на карте (📎 → Геопозиция) — я определю пояс сам, — или напишите название пояса IANA, например <code>Europe/Moscow</code>.
onboarding-ask-language =
    🌐 Часовой пояс: { $timezone_label }.
    На каком языке бот будет писать в группы и отчёты организации?

orgs-title =
    🔄 <b>Ваши организации</b>
    Выберите, в какой работать сейчас.
orgs-item = { $current ->
        [yes] ✅{" "}
       *[no] {""}
    }{ $name } · { $role ->
        [owner] владелец
        [manager] управляющий
       *[employee] сотрудник
    }
orgs-new = ➕ Новая организация

tz-label = { $city } (UTC{ $offset })
tz-Europe-Kaliningrad = Калининград
tz-Europe-Moscow = Москва
tz-Europe-Samara = Самара
tz-Asia-Yekaterinburg = Екатеринбург
tz-Asia-Omsk = Омск
tz-Asia-Novosibirsk = Новосибирск
tz-Asia-Krasnoyarsk = Красноярск
tz-Asia-Irkutsk = Иркутск
tz-Asia-Yakutsk = Якутск
tz-Asia-Vladivostok = Владивосток
tz-Asia-Magadan = Магадан
tz-Asia-Kamchatka = Камчатка
tz-Europe-Minsk = Минск
tz-Asia-Almaty = Алматы
tz-Asia-Tashkent = Ташкент
