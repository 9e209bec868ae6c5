"""Scrubs a captured HAR file for committing: the IMT password and IC web service key (the
environment variables IMT_PASSWORD and IC_KEY) become captured-password and captured-key, cookie
values <redacted>, and the stand-in partner's loopback origin (argument 2) http://<partner>.partner.test
(argument 3, default imt), so that fixtures regenerate without noise.

Usage: scrub_har.py FILE ORIGIN [PARTNER]
"""

import json
import os
import re
import sys


def scrub(value, secrets, origin):
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
                out[key] = scrub(item, secrets, origin)
        return out
    if isinstance(value, list):
        return [scrub(item, secrets, origin) for item in value]
    if isinstance(value, str):
        for secret, stand_in in secrets:
            value = value.replace(secret, stand_in)
        return value.replace(origin[0], origin[1])
    return value


def main(path, origin, partner="imt"):
    secrets = [
        (os.environ[name], stand_in)
        for name, stand_in in (("IMT_PASSWORD", "captured-password"), ("IC_KEY", "captured-key"))
        if os.environ.get(name)
    ]
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    document = scrub(document, secrets, (origin, f"http://{partner}.partner.test"))
    text = json.dumps(document, indent=2, sort_keys=False) + "\n"
    for secret, _ in secrets:
        assert secret not in text
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:4])
