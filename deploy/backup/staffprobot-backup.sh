#!/bin/sh
# Backups of StaffProBot: the database as `pg_dump -Fc` and the media bucket mirrored,
# into BACKUP_DIR (the `backups` volume), optionally copied to a second S3 bucket.
#
#   staffprobot-backup nightly          every day at BACKUP_AT (HH:MM, the TZ of the container)
#   staffprobot-backup now              one backup at once (e.g. before an upgrade)
#   staffprobot-backup next             seconds until the next nightly backup
#   staffprobot-backup restore [DUMP]   the database from DUMP (default: the newest) and
#                                       the media; stop the webapp and the worker first
#
# The database comes from libpq's PGHOST, PGUSER, PGPASSWORD, PGDATABASE; the media from
# MINIO_URL, MINIO_ROOT_USER, MINIO_ROOT_PASSWORD, MINIO_BUCKET (no MINIO_URL: no media).
# With BACKUP_S3_URL, BACKUP_S3_BUCKET, BACKUP_S3_ACCESS_KEY and BACKUP_S3_SECRET_KEY each
# backup is copied to that bucket, which keeps the dumps as long as the volume does.
set -eu

BACKUP_DIR="${BACKUP_DIR:-/backups}"
BACKUP_AT="${BACKUP_AT:-03:00}"
BACKUP_RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-14}"
DUMPS="$BACKUP_DIR/postgres"
MEDIA="$BACKUP_DIR/media"

log() { printf '%s staffprobot-backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }

dump_database() {
    mkdir -p "$DUMPS"
    dump="$DUMPS/staffprobot-$(date -u +%Y%m%dT%H%M%SZ).dump"
    # Written aside and renamed when complete: a dump in the folder is always whole.
    pg_dump --format=custom --file="$dump.partial"
    mv "$dump.partial" "$dump"
    log "database dumped to $dump ($(wc -c < "$dump") bytes)"
    # Dumps older than the retention go (-mtime +N: at least N+1 whole days old).
    find "$DUMPS" -name 'staffprobot-*.dump' -mtime +"$((BACKUP_RETENTION_DAYS - 1))" \
        -print -delete | sed 's/^/removed old dump /'
}

mirror_media() {
    [ -n "${MINIO_URL:-}" ] || return 0
    mc alias set stack "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
    # Without --remove: a file deleted from the bucket stays in the backup.
    mc mirror --quiet --overwrite "stack/$MINIO_BUCKET" "$MEDIA"
    log "media mirrored to $MEDIA"
}

copy_offsite() {
    [ -n "${BACKUP_S3_URL:-}" ] || return 0
    mc alias set offsite "$BACKUP_S3_URL" "$BACKUP_S3_ACCESS_KEY" "$BACKUP_S3_SECRET_KEY" >/dev/null
    mc mirror --quiet --overwrite --exclude '*.partial' "$BACKUP_DIR" "offsite/$BACKUP_S3_BUCKET"
    mc rm --quiet --recursive --force --older-than "${BACKUP_RETENTION_DAYS}d" \
        "offsite/$BACKUP_S3_BUCKET/postgres/" || true
    log "copied to $BACKUP_S3_URL/$BACKUP_S3_BUCKET"
}

backup_now() {
    dump_database
    mirror_media
    copy_offsite
}

restore() {
    dump="${1:-$(ls -1 "$DUMPS"/staffprobot-*.dump 2>/dev/null | tail -n 1)}"
    [ -f "$dump" ] || { log "no dump to restore in $DUMPS"; exit 1; }
    log "restoring the database from $dump"
    pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error \
        --dbname="$PGDATABASE" "$dump"
    if [ -n "${MINIO_URL:-}" ]; then
        mc alias set stack "$MINIO_URL" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
        mc mirror --quiet --overwrite "$MEDIA" "stack/$MINIO_BUCKET"
        log "media restored to $MINIO_BUCKET"
    fi
    log "restored"
}

# Seconds from now until the next BACKUP_AT (never 0: a backup just taken waits a day).
seconds_until_next() {
    hour=${BACKUP_AT%%:*}
    minute=${BACKUP_AT#*:}
    set -- $(date +'%H %M %S')
    # ${x#0}: "08" is not a number in sh arithmetic (a leading zero means octal).
    now=$(( ${1#0} * 3600 + ${2#0} * 60 + ${3#0} ))
    target=$(( ${hour#0} * 3600 + ${minute#0} * 60 ))
    wait=$(( (target - now + 86400) % 86400 ))
    echo $(( wait == 0 ? 86400 : wait ))
}

nightly() {
    trap 'log "stopped"; exit 0' TERM INT
    log "nightly at $BACKUP_AT ($(date +%Z)), dumps kept $BACKUP_RETENTION_DAYS days"
    while :; do
        sleep "$(seconds_until_next)" &
        wait $!
        # In a process of its own, where any failing step stops it (`set -e` does not
        # apply inside a function called before `||`); the next night tries again.
        sh "$0" now || log "backup FAILED"
    done
}

case "${1:-}" in
    nightly) nightly ;;
    now) backup_now ;;
    next) seconds_until_next ;;
    restore) shift; restore "$@" ;;
    *) echo "usage: staffprobot-backup nightly|now|next|restore [DUMP]" >&2; exit 2 ;;
esac
