#!/usr/bin/env python3
"""An IC-side balance service, standard library only: a long-running service under test.

GET /health               200 once it listens
GET /balance/<account>    opens a session with IMT, asks payments-due for the account,
                          closes the session, and answers {"account", "current_due", "payment_types"}

It listens on 127.0.0.1:$BIFROST_SERVICE_PORT and reaches IMT through BIFROST_IMT_*. IMT's auth
and data APIs are two hosts, so the session cookie the auth API sets is carried to the data API
by hand: a cookie jar keyed by host would not send it there.
"""
import http.server
import json
import os
import urllib.parse
import urllib.request

MEDIA = "application/vnd.api+json"


def imt(method, url, body=None, cookie=None):
    """One JSON:API call: the document answered (None for no body) and the session cookie it set."""
    headers = {"Content-Type": MEDIA, "Accept": MEDIA}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(
        url, method=method, data=None if body is None else json.dumps(body).encode("utf-8"), headers=headers,
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        data = response.read()
        set_cookie = response.headers.get("Set-Cookie")
        return (json.loads(data) if data else None), (set_cookie.split(";")[0] if set_cookie else None)


def balance(account):
    auth, api, user = os.environ["BIFROST_IMT_AUTH_URL"], os.environ["BIFROST_IMT_API_URL"], os.environ["BIFROST_IMT_USERNAME"]
    session = {"data": {"id": user, "type": "sessions",
                        "attributes": {"password": os.environ["BIFROST_IMT_PASSWORD"], "username": user}}}
    _, cookie = imt("POST", f"{auth}/sessions/", session)
    try:
        query = urllib.parse.urlencode({"filter[policy_number]": account})
        document, _ = imt("GET", f"{api}/payments-due/?{query}", cookie=cookie)
    finally:
        imt("DELETE", f"{auth}/sessions/{urllib.parse.quote(user)}", cookie=cookie)
    due = document["data"][0]["attributes"] if document["data"] else None
    return {"account": account, "current_due": due and due["current_due"], "payment_types": due and due["payment_types"]}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            self.answer(200, {"status": "ok"})
        elif self.path.startswith("/balance/"):
            self.answer(200, balance(urllib.parse.unquote(self.path[len("/balance/"):])))
        else:
            self.answer(404, {"error": f"no route {self.path}"})

    def answer(self, status, document):
        body = json.dumps(document).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        print(format % args, flush=True)


http.server.HTTPServer(("127.0.0.1", int(os.environ["BIFROST_SERVICE_PORT"])), Handler).serve_forever()
