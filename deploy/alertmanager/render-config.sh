#!/bin/sh
# Alertmanager reads no environment: print its configuration with the Telegram bot token
# and the operators' chat id filled in (docker-compose.yml's alertmanager runs this first).
# Without them (development) the alerts go nowhere, and this says so.
set -eu
template="$(dirname "$0")/alertmanager.yml.template"
if [ -z "${ALERT_TELEGRAM_BOT_TOKEN:-}" ] || [ -z "${ALERT_TELEGRAM_CHAT_ID:-}" ]; then
    echo "ALERT_TELEGRAM_BOT_TOKEN or ALERT_TELEGRAM_CHAT_ID is not set: alerts are sent nowhere" >&2
    sed '/@TELEGRAM_BEGIN@/,/@TELEGRAM_END@/d' "$template"
    exit 0
fi
sed -e "s|@ALERT_TELEGRAM_BOT_TOKEN@|${ALERT_TELEGRAM_BOT_TOKEN}|" \
    -e "s|@ALERT_TELEGRAM_CHAT_ID@|${ALERT_TELEGRAM_CHAT_ID}|" \
    -e '/@TELEGRAM_BEGIN@/d' -e '/@TELEGRAM_END@/d' \
    "$template"
