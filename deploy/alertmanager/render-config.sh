#!/bin/sh
# Alertmanager reads no environment: print its configuration with the Telegram bot token
# and the operators' chat id filled in (docker-compose.yml's alertmanager runs this first).
set -eu
: "${ALERT_TELEGRAM_BOT_TOKEN:?}" "${ALERT_TELEGRAM_CHAT_ID:?}"
sed -e "s|@ALERT_TELEGRAM_BOT_TOKEN@|${ALERT_TELEGRAM_BOT_TOKEN}|" \
    -e "s|@ALERT_TELEGRAM_CHAT_ID@|${ALERT_TELEGRAM_CHAT_ID}|" \
    "$(dirname "$0")/alertmanager.yml.template"
