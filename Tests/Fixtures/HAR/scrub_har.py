"""Scrubs a captured HAR file for committing: the password (given as the environment variable
IMT_PASSWORD) becomes captured-password, cookie values <redacted>, and the stand-in partner's
loopback origin (argument 2) http://imt.partner.test, so that fixtures regenerate without noise.

Usage: scrub_har.py FILE ORIGIN
"""

import json
import os
import re
import sys


def scrub(value, password, origin):
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key == "cookies" and isinstance(item, list):
                out[key] = [dict(cookie, value="<redacted>") for cookie in item]
            elif (
                key == "value"
                and isinstance(value.get("name"), str)
                and value["name"].lower() in ("cookie", "set-cookie")
            ):
                out[key] = re.sub(r"=([^;]*)", "=<redacted>", item, count=1)
            else:
                out[key] = scrub(item, password, origin)
        return out
    if isinstance(value, list):
        return [scrub(item, password, origin) for item in value]
    if isinstance(value, str):
        return value.replace(password, "captured-password").replace(origin, "http://imt.partner.test")
    return value


def main(path, origin):
    password = os.environ["IMT_PASSWORD"]
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    document = scrub(document, password, origin)
    text = json.dumps(document, indent=2, sort_keys=False) + "\n"
    assert password not in text
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
