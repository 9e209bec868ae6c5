#!/bin/sh
# An RTDR client that leaves IMT's session cookie to curl's cookie jar (-c/-b). IMT's auth and
# data APIs are two hosts, and a jar sends a cookie only back to the host that set it: the
# balance request reaches the data host without the cookie and is refused with 401, as in production.
set -eu
: "${BIFROST_IMT_AUTH_URL:?}" "${BIFROST_IMT_API_URL:?}" "${BIFROST_IMT_USERNAME:?}" "${BIFROST_IMT_PASSWORD:?}"
media='application/vnd.api+json'
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

curl -sS -f -c "$jar" -X POST "$BIFROST_IMT_AUTH_URL/sessions/" \
  -H "Content-Type: $media" -H "Accept: $media" \
  --data-binary "{\"data\":{\"id\":\"$BIFROST_IMT_USERNAME\",\"type\":\"sessions\",\"attributes\":{\"password\":\"$BIFROST_IMT_PASSWORD\",\"username\":\"$BIFROST_IMT_USERNAME\"}}}" \
  -o /dev/null

status=$(curl -sS -b "$jar" -X GET "$BIFROST_IMT_API_URL/payments-due/?filter%5Bpolicy_number%5D=20240903" \
  -H "Accept: $media" -o /dev/null -w '%{http_code}')
echo "payments-due on the data host with the cookie jar: HTTP $status"
[ "$status" = 200 ]
