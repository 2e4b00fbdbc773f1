settings-title = ⚙️ <b>Настройки</b>
settings-language = 🌐 Язык
settings-language-choose = Выберите язык:
settings-language-ru = 🇷🇺 Русский
settings-language-en = 🇬🇧 English
settings-currency = 💱 Валюта: { $currency }
settings-currency-choose = Выберите валюту организации. Суммы не пересчитываются: это валюта, в которой заданы ставки и штрафы.
