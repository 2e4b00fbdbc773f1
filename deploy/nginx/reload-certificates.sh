#!/bin/sh
# Run by the nginx image's entrypoint before Nginx starts: reload the configuration every
# 6 hours in the background, so certificates renewed by certbot are picked up.
set -eu
(while :; do sleep 6h; nginx -s reload; done) &
