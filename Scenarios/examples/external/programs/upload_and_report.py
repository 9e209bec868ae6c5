#!/usr/bin/env python3
"""An IMT-side client of IC's CloudInvoicing service, standard library only.

Uploads a BIF with UploadInvoiceFile over SOAP 1.2, then polls PaymentReportingSOAP one
window at a time from REPORT_FROM to REPORT_TO, and writes what it learned:
  $BIFROST_OUTPUT_DIR/upload.xml     the upload's SOAP response
  $BIFROST_OUTPUT_DIR/payments.json  every payment reported, amounts as decimal strings

Usage: upload_and_report.py FILE.bif   (REPORT_FROM, REPORT_TO, REPORT_WINDOW_HOURS in the environment)
"""
import base64
import datetime
import json
import os
import sys
import urllib.error
import urllib.request
from xml.etree import ElementTree
from xml.sax.saxutils import escape

SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SERVICE = "https://www.invoicecloud.com/portal/webservices/CloudInvoicing/"
MIMETYPE = "application/soap+xml"


def call(operation, request_fields, soap_version_namespace=SOAP12):
    """POSTs one CloudInvoicing operation and returns the response's bytes, faults included."""
    fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in request_fields)
    envelope = (
        f'<soap:Envelope xmlns:soap="{soap_version_namespace}"><soap:Body>'
        f'<{operation} xmlns="{SERVICE}"><Req>{fields}</Req></{operation}>'
        "</soap:Body></soap:Envelope>"
    )
    request = urllib.request.Request(
        os.environ["BIFROST_IC_URL"],
        data=envelope.encode("utf-8"),
        method="POST",
        headers={"Content-Type": f'{MIMETYPE}; charset=utf-8; action="{SERVICE}{operation}"'},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # a SOAP Fault comes with status 500
        return error.read()


def credentials():
    return [("BillerGUID", os.environ["BIFROST_IC_BILLER_GUID"]), ("WebServiceKey", os.environ["BIFROST_IC_WEB_SERVICE_KEY"])]


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    path = sys.argv[1]
    output = os.environ["BIFROST_OUTPUT_DIR"]
    with open(path, "rb") as file:
        content = base64.b64encode(file.read()).decode("ascii")
    reply = call("UploadInvoiceFile", credentials() + [("FileName", os.path.basename(path)), ("FileContent", content)])
    with open(os.path.join(output, "upload.xml"), "wb") as file:
        file.write(reply)

    start = datetime.datetime.fromisoformat(os.environ["REPORT_FROM"].replace("Z", "+00:00"))
    end = datetime.datetime.fromisoformat(os.environ["REPORT_TO"].replace("Z", "+00:00"))
    window = datetime.timedelta(hours=int(os.environ.get("REPORT_WINDOW_HOURS", "24")))
    payments = []
    while start < end:
        stop = min(start + window, end)
        body = call("PaymentReportingSOAP", credentials() + [("StartDate", iso(start)), ("EndDate", iso(stop))])
        for payment in ElementTree.fromstring(body).iter(f"{{{SERVICE}}}Payment"):
            payments.append({child.tag.split("}")[1]: child.text or "" for child in payment})
        start = stop
    with open(os.path.join(output, "payments.json"), "w") as file:
        json.dump({"payments": payments}, file, indent=2)
    print(f"uploaded {os.path.basename(path)}; {len(payments)} payments reported")


if __name__ == "__main__":
    main()
