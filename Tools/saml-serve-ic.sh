#!/usr/bin/env bash
# SAML sign-in end to end: `bifrost serve ic --certify` with a SAML configuration, and the test
# identity provider (Tools/saml-idp.py, signxml) signing Responses at the time of day. Posts one
# Response signed by the configured IdP's key and one signed by another key, stops the server and
# prints the SSO-SAML-001 verdict (FAIL, naming the second Response's refusal).
#
#   Tools/saml-serve-ic.sh        # VENV (default /tmp/bifrost-saml), BIFROST (default .build/debug/bifrost)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-/tmp/bifrost-saml}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import signxml' 2> /dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "signxml==5.2.0"
fi
bifrost=${BIFROST:-.build/debug/bifrost}
if [ ! -x "$bifrost" ]; then swift build --product bifrost > /dev/null; fi
dir=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
idp() { "$venv/bin/python" Tools/saml-idp.py "$@"; }
idp keys "$dir" --name idp
idp keys "$dir" --name other

guid=c09d08fb-a969-4778-bb58-b46a8e9224e7
{
  echo "billers: [{guid: $guid, key: 0b9d5c3e-7a2f-4e1d-9c8b-6a5f4e3d2c1b, profile: common}]"
  echo "portal:"
  echo "  customers: [{account: \"0113135-0000095834\"}]"
  echo "  saml:"
  echo "    entity_id: https://idp.mymeter.example/saml"
  echo "    login_type_mapping: {customer: 5}"
  echo "    certificate: |"
  sed 's/^/      /' "$dir/idp.pem"
} > "$dir/state.yaml"

"$bifrost" serve ic --port 0 --state "$dir/state.yaml" --certify --json "$dir/report.json" 2> "$dir/serve.log" &
pid=$!
for _ in $(seq 300); do grep -q '^mock IC on' "$dir/serve.log" && break; sleep 0.1; done
origin=$(sed -n 's|^mock IC on \(http://[^/]*\)/.*|\1|p' "$dir/serve.log")
[ -n "$origin" ] || { cat "$dir/serve.log" >&2; exit 1; }

now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
post() { # key cert: signs a Response now and posts it; prints the HTTP status and the page's heading
  local response
  response=$(idp response --key "$1" --cert "$2" --issuer https://idp.mymeter.example/saml \
    --audience "https://sso.invoicecloud.com/saml/$guid" --destination "$origin/saml/$guid/acs" \
    --email pat@example.com --login-type customer --account 0113135-0000095834 --issued "$now")
  curl -s -o "$dir/page.html" -w '%{http_code}' -X POST "$origin/saml/$guid/acs" \
    --data-urlencode "SAMLResponse=$response" --data-urlencode "RelayState=account=0113135-0000095834&ViewMode=0&DeepLinkID=2"
  echo " $(sed -n 's/.*<h1 id="[a-z]*">\([^<]*\)<.*/\1/p' "$dir/page.html")"
}
echo "signed by the configured IdP's key: $(post "$dir/idp.key" "$dir/idp.pem")"
echo "signed by another key:             $(post "$dir/other.key" "$dir/other.pem")"
kill -INT "$pid"
wait "$pid" || true
pid=
python3 -c 'import json, sys
for check in json.load(open(sys.argv[1]))["checks"]:
    if check["id"] == "SSO-SAML-001": print("SSO-SAML-001:", check["verdict"], "-", check.get("message", ""))' "$dir/report.json"
