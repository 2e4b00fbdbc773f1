onboarding-ask-timezone =
    🕐 Which timezone does "{ $organization_name }" work in?
    Pick one, send a point on the map (📎 → Location) and I'll work it out, or type an IANA zone name, for example <code>Europe/Moscow</code>.
onboarding-ask-language =
    🌐 Timezone: { $timezone_label }.
    Which language should the bot use in the organization's groups and reports?

orgs-title =
    🔄 <b>Your organizations</b>
    Pick the one to work in now.
orgs-item = { $current ->
        [yes] ✅{" "}
       *[no] {""}
    }{ $name } · { $role ->
        [owner] owner
        [manager] manager
       *[employee] employee
    }
orgs-new = ➕ New organization

tz-label = { $city } (UTC{ $offset })
tz-Europe-Kaliningrad = Kaliningrad
tz-Europe-Moscow = Moscow
tz-Europe-Samara = Samara
tz-Asia-Yekaterinburg = Yekaterinburg
tz-Asia-Omsk = Omsk
tz-Asia-Novosibirsk = Novosibirsk
tz-Asia-Krasnoyarsk = Krasnoyarsk
tz-Asia-Irkutsk = Irkutsk
tz-Asia-Yakutsk = Yakutsk
tz-Asia-Vladivostok = Vladivostok
tz-Asia-Magadan = Magadan
tz-Asia-Kamchatka = Kamchatka
tz-Europe-Minsk = Minsk
tz-Asia-Almaty = Almaty
tz-Asia-Tashkent = Tashkent
