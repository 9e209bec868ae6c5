"""IC's RTDR read against an IMT, as a Python integration might write it: open a session,
ask payments-due/ for one policy, close the session. With --har FILE, the exchanges are
written as HAR 1.2 by the requests_har package's response hook.

Usage: rtdr_client.py AUTH_URL API_URL USERNAME ACCOUNT [--har FILE]; the password is read
from the environment variable IMT_PASSWORD.
"""

import json
import os
import sys

import requests

MEDIA = "application/vnd.api+json"


def main(argv):
    auth_url, api_url, username, account = argv[1:5]
    har_file = argv[argv.index("--har") + 1] if "--har" in argv else None
    if har_file:
        import requests_har

        session = requests_har.Session()
    else:
        session = requests.Session()
    headers = {"Content-Type": MEDIA, "Accept": MEDIA}
    login = {
        "data": {
            "id": username,
            "type": "sessions",
            "attributes": {"username": username, "password": os.environ["IMT_PASSWORD"]},
        }
    }
    opened = session.post(auth_url + "/sessions/", data=json.dumps(login), headers=headers)
    opened.raise_for_status()
    due = session.get(
        api_url + "/payments-due/", params={"filter[policy_number]": account}, headers=headers
    )
    due.raise_for_status()
    session.delete(auth_url + "/sessions/" + username, headers=headers).raise_for_status()
    for policy in due.json()["data"]:
        print(policy["attributes"]["policy_number"], policy["attributes"]["current_due"])
    if har_file:
        session.har_dict.save(har_file)


if __name__ == "__main__":
    main(sys.argv)
