settings-title = ⚙️ <b>Настройки</b>
settings-language = 🌐 Язык
settings-language-choose = Выберите язык:
settings-language-ru = 🇷🇺 Русский
settings-language-en = 🇬🇧 English
