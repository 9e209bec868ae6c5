#!/usr/bin/env python3
"""Calls UploadInvoice of a running `bifrost serve ic` with zeep, over SOAP 1.1 and 1.2.

    python3 -m pip install zeep
    bifrost serve ic --port 8081 --state ic-state.yaml &
    Tools/zeep-upload-invoice.py http://127.0.0.1:8081 GUID KEY FILE.bif

Prints each answer; exits 1 when the upload is not accepted over both versions.
"""
import sys

import zeep

base, guid, key, path = sys.argv[1:5]
wsdl = base.rstrip("/") + "/portal/webservices/CloudInvoicing.asmx?wsdl"
with open(path, "rb") as f:
    content = f.read()
request = {"BillerGUID": guid, "WebServiceKey": key, "FileName": path.rsplit("/", 1)[-1], "FileContent": content}
accepted = True
for port in ("CloudInvoicingSoap", "CloudInvoicingSoap12"):
    result = zeep.Client(wsdl, port_name=port).service.UploadInvoice(Req=request)
    findings = [(f.RuleID, f.Line, f.Message) for f in (result.Findings.Finding if result.Findings else [])]
    print(f"{port}: Success={result.Success} ErrorMessage={result.ErrorMessage!r} "
          f"InvoicesAccepted={result.InvoicesAccepted} Findings={findings}")
    accepted = accepted and result.Success
sys.exit(0 if accepted else 1)
