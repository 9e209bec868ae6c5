#!/usr/bin/env python3
"""An IC-side balance service, standard library only: a long-running service under test.

GET /health               200 once it listens
GET /balance/<account>    opens a session with IMT, asks payments-due for the account,
                          closes the session, and answers {"account", "current_due", "payment_types"}

It listens on 127.0.0.1:$BIFROST_SERVICE_PORT and reaches IMT through BIFROST_IMT_*.
"""
import http.cookiejar
import http.server
import json
import os
import urllib.parse
import urllib.request

MEDIA = "application/vnd.api+json"


def imt(opener, method, url, body=None):
    request = urllib.request.Request(
        url, method=method, data=None if body is None else json.dumps(body).encode("utf-8"),
        headers={"Content-Type": MEDIA, "Accept": MEDIA},
    )
    with opener.open(request, timeout=10) as response:
        data = response.read()
        return json.loads(data) if data else None


def balance(account):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    auth, api, user = os.environ["BIFROST_IMT_AUTH_URL"], os.environ["BIFROST_IMT_API_URL"], os.environ["BIFROST_IMT_USERNAME"]
    session = {"data": {"id": user, "type": "sessions",
                        "attributes": {"password": os.environ["BIFROST_IMT_PASSWORD"], "username": user}}}
    imt(opener, "POST", f"{auth}/sessions/", session)
    try:
        query = urllib.parse.urlencode({"filter[policy_number]": account})
        document = imt(opener, "GET", f"{api}/payments-due/?{query}")
    finally:
        imt(opener, "DELETE", f"{auth}/sessions/{urllib.parse.quote(user)}")
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
