#!/usr/bin/env python3
"""A deliberately wrong SOAP client: it sends a SOAP 1.1 envelope under SOAP 1.2's Content-Type.

IC answers such a request with a VersionMismatch fault; its scenario must fail on it.
Usage: upload_soap11_as_12.py FILE.bif   (writes $BIFROST_OUTPUT_DIR/upload.xml)
"""
import base64
import os
import sys

import upload_and_report as client

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

path = sys.argv[1]
with open(path, "rb") as file:
    content = base64.b64encode(file.read()).decode("ascii")
fields = client.credentials() + [("FileName", os.path.basename(path)), ("FileContent", content)]
reply = client.call("UploadInvoiceFile", fields, soap_version_namespace=SOAP11)
with open(os.path.join(os.environ["BIFROST_OUTPUT_DIR"], "upload.xml"), "wb") as file:
    file.write(reply)
