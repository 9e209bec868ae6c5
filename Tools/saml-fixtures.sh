#!/usr/bin/env bash
# Writes the SAML fixtures of the mock IC's assertion consumer tests (Tests/PartnersTests/Fixtures/saml/):
# two identity providers' certificates and Responses signed by Tools/saml-idp.py (signxml, an XML
# signature library independent of the mock's xmlsec1). The private keys stay in a temporary folder.
#
#   Tools/saml-fixtures.sh        # VENV=/tmp/bifrost-saml by default, made when missing
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-/tmp/bifrost-saml}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import signxml' 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "signxml==5.2.0"
fi
out=Tests/PartnersTests/Fixtures/saml
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
mkdir -p "$out"
idp() { "$venv/bin/python" Tools/saml-idp.py "$@"; }
idp keys "$keys" --name idp
idp keys "$keys" --name other
cp "$keys/idp.pem" "$out/idp.pem"
cp "$keys/other.pem" "$out/other.pem"

guid=c09d08fb-a969-4778-bb58-b46a8e9224e7
common=(--issuer https://idp.mymeter.example/saml --destination "https://sso.invoicecloud.com/saml/$guid/acs"
  --email pat@example.com --account 0113135-0000095834)
audience=(--audience "https://sso.invoicecloud.com/saml/$guid")
# The tests' clock reads 2024-11-18T10:01:00Z: these hold from 10:00 for 300 s.
signed=(--key "$keys/idp.key" --cert "$keys/idp.pem")
idp response "${signed[@]}" "${common[@]}" "${audience[@]}" --login-type customer --issued 2024-11-18T10:00:00Z > "$out/signed.b64"
idp response --key "$keys/other.key" --cert "$keys/other.pem" "${common[@]}" "${audience[@]}" --login-type customer \
  --issued 2024-11-18T10:00:00Z > "$out/other-key.b64"
idp response "${signed[@]}" "${common[@]}" "${audience[@]}" --login-type customer --issued 2024-11-18T09:00:00Z > "$out/expired.b64"
idp response "${signed[@]}" "${common[@]}" --audience https://sso.example.org/another-sp --login-type customer \
  --issued 2024-11-18T10:00:00Z > "$out/wrong-audience.b64"
idp response "${signed[@]}" "${common[@]}" "${audience[@]}" --login-type customer --issued 2024-11-18T10:00:00Z \
  --tamper "pat@example.com=mallory@example.com" > "$out/tampered.b64"
idp response "${signed[@]}" "${common[@]}" "${audience[@]}" --issued 2024-11-18T10:00:00Z > "$out/no-login-type.b64"
ls -l "$out"
