#!/usr/bin/env python3
"""Calls every CloudInvoicing report operation of a running `bifrost serve ic` with suds (SOAP 1.1).

    python3 -m pip install suds
    bifrost serve ic --port 8081 --state Tools/ic-state.yaml &
    Tools/suds-ic.py http://127.0.0.1:8081 GUID KEY 2024-09-03T00:00:00Z 2024-09-04T00:00:00Z

suds needs an ImportDoctor for the ASMX-style DataSet results (<s:element ref="s:schema"/>), as
with a real ASMX service; it imports Tools/xml-schema-element.xsd, so no network is needed.
Prints what each answer holds; exits 1 when a report fails.
"""
import pathlib
import sys

from suds.client import Client
from suds.xsd.doctor import Import, ImportDoctor

base, guid, key, start, end = sys.argv[1:6]
wsdl = base.rstrip("/") + "/portal/webservices/CloudInvoicing.asmx?wsdl"
stand_in = (pathlib.Path(__file__).resolve().parent / "xml-schema-element.xsd").as_uri()
schema = Import("http://www.w3.org/2001/XMLSchema", location=stand_in)
schema.filter.add("https://www.invoicecloud.com/portal/webservices/CloudInvoicing/")
client = Client(wsdl, doctor=ImportDoctor(schema), cache=None)
window = {"BillerGUID": guid, "WebServiceKey": key, "StartDate": start, "EndDate": end}


def records(value):
    """How many records an ArrayOf… element holds: suds gives its one child as a list, or alone."""
    children = list(value) if value else []
    if not children:
        return 0
    rows = children[0][1]
    return len(rows) if isinstance(rows, list) else 1


ok = True
for operation in [
    "PaymentReportingSOAP", "PaymentReportingDataSetFromGMT", "BillerSettledBatchDetailSOAP",
    "BillerSettledBatchDetailDataSet", "ACHRejectReportingSOAP", "ACHRejectReportingDataSetFromGMT",
    "BillerAutoPayCustomerReportSOAP", "BillerPaperlessCustomerReportDataSet",
]:
    result = getattr(client.service, operation)(Req=window)
    if "DataSet" in operation:
        # The diffgram's rows follow the inline schema; suds reads them as untyped elements.
        diffgram = getattr(result, "diffgram", None)
        dataset = getattr(diffgram, "NewDataSet", None) if diffgram is not None else None
        tables = {name: len(rows) if isinstance(rows, list) else 1 for name, rows in (dataset or [])}
        print(f"{operation}: DataSet tables={tables}")
    else:
        counts = {name: records(value) for name, value in result if name not in ("Success", "ErrorMessage")}
        print(f"{operation}: Success={result.Success} records={counts}")
        ok = ok and bool(result.Success)
sys.exit(0 if ok else 1)
