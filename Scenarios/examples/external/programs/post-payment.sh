#!/bin/sh
# IC's DataPump payment post, written as a partner's own integration code might be:
# open a session with IMT, POST one payment, close the session.
#
# Bifrost gives the mock IMT's URLs and credentials (BIFROST_IMT_*); the scenario gives the
# payment (PAYMENT_*). Money is handled in cents, never in floating point. IMT's auth and data
# APIs are two hosts: the session cookie is carried to the data host by hand, since a cookie
# jar (curl -c/-b) would not send it there.
set -eu

: "${BIFROST_IMT_AUTH_URL:?}" "${BIFROST_IMT_API_URL:?}" "${BIFROST_IMT_USERNAME:?}" "${BIFROST_IMT_PASSWORD:?}"
: "${PAYMENT_ACCOUNT:?}" "${PAYMENT_AMOUNT:?}" "${PAYMENT_FEE:?}" "${PAYMENT_TRANSACTION:?}"

media='application/vnd.api+json'
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT

# "128.95" -> 12895
cents() { echo "$1" | awk -F. '{ printf "%d%02d\n", $1, $2 }'; }
# 12500 -> "125.00"
amount() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }

total=$(cents "$PAYMENT_AMOUNT")
fee=$(cents "$PAYMENT_FEE")
bill=$((total - fee))

curl -sS -f -D "$headers" -X POST "$BIFROST_IMT_AUTH_URL/sessions/" \
  -H "Content-Type: $media" -H "Accept: $media" \
  --data-binary "{\"data\":{\"id\":\"$BIFROST_IMT_USERNAME\",\"type\":\"sessions\",\"attributes\":{\"password\":\"$BIFROST_IMT_PASSWORD\",\"username\":\"$BIFROST_IMT_USERNAME\"}}}" \
  -o /dev/null
cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: *\([^;[:space:]]*\).*/\1/p' "$headers" | head -1)

status=$(curl -sS -H "Cookie: $cookie" -X POST "$BIFROST_IMT_API_URL/payments/" \
  -H "Content-Type: $media" -H "Accept: $media" -o /dev/null -w '%{http_code}' \
  --data-binary "{\"data\":{\"type\":\"payments\",\"id\":\"$PAYMENT_ACCOUNT\",\"attributes\":{\
\"id\":\"$PAYMENT_ACCOUNT\",\"payment_method\":\"${PAYMENT_METHOD:-CC}\",\"entity_identifier\":\"$PAYMENT_ACCOUNT\",\
\"site_fee\":\"0.00\",\"bill_amount_paid\":\"$(amount $bill)\",\"total_paid\":\"$(amount $total)\",\"interest_paid\":\"0\",\
\"approval_code\":\"${PAYMENT_APPROVAL:-}\",\"transaction_id\":\"$PAYMENT_TRANSACTION\",\
\"first_name\":\"${PAYER_FIRST_NAME:-}\",\"last_name\":\"${PAYER_LAST_NAME:-}\",\"address_1\":\"${PAYER_ADDRESS_1:-}\",\
\"address_2\":\"${PAYER_ADDRESS_2:-}\",\"city\":\"${PAYER_CITY:-}\",\"state\":\"${PAYER_STATE:-}\",\"zip_code\":\"${PAYER_ZIP:-}\",\
\"phone\":\"${PAYER_PHONE:-}\",\"email\":\"${PAYER_EMAIL:-}\",\"raw_payment\":\"0\",\"sort\":\"\"}}}")

curl -sS -f -H "Cookie: $cookie" -X DELETE "$BIFROST_IMT_AUTH_URL/sessions/$BIFROST_IMT_USERNAME" \
  -H "Content-Type: $media" -H "Accept: $media" -o /dev/null

echo "payment $PAYMENT_TRANSACTION posted: HTTP $status, bill_amount_paid $(amount $bill)"
[ "$status" = 201 ]
