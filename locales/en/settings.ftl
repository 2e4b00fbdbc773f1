settings-title = ⚙️ <b>Settings</b>
settings-language = 🌐 Language
settings-language-choose = Choose your language:
settings-language-ru = 🇷🇺 Русский
settings-language-en = 🇬🇧 English
