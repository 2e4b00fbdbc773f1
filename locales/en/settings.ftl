settings-title = ⚙️ <b>Settings</b>
settings-language = 🌐 Language
settings-language-choose = Choose your language:
settings-language-ru = 🇷🇺 Русский
settings-language-en = 🇬🇧 English
settings-currency = 💱 Currency: { $currency }
settings-currency-choose = Choose the organization's currency. Amounts are not converted: it is the currency the rates and fines are set in.
