#!/usr/bin/env python3
"""Calls every CloudInvoicing operation of a running `bifrost serve ic` with zeep, over SOAP 1.1 and 1.2.

    python3 -m pip install zeep
    bifrost serve ic --port 8081 --state Tools/ic-state.yaml &
    Tools/zeep-ic.py http://127.0.0.1:8081 GUID KEY FILE.bif 2024-09-03T00:00:00Z 2024-09-04T00:00:00Z

Prints what each answer holds; exits 1 when an upload is refused or a report fails.
"""
import sys

import zeep
import zeep.helpers

base, guid, key, path, start, end = sys.argv[1:7]
wsdl = base.rstrip("/") + "/portal/webservices/CloudInvoicing.asmx?wsdl"
with open(path, "rb") as f:
    content = f.read()
upload = {"BillerGUID": guid, "WebServiceKey": key, "FileName": path.rsplit("/", 1)[-1], "FileContent": content}
window = {"BillerGUID": guid, "WebServiceKey": key, "StartDate": start, "EndDate": end}
reports = [
    "PaymentReportingSOAP", "PaymentReportingDataSetFromGMT", "BillerSettledBatchDetailSOAP",
    "BillerSettledBatchDetailDataSet", "ACHRejectReportingSOAP", "ACHRejectReportingDataSetFromGMT",
    "BillerAutoPayCustomerReportSOAP", "BillerPaperlessCustomerReportDataSet",
]
ok = True
for port in ("CloudInvoicingSoap", "CloudInvoicingSoap12"):
    service = zeep.Client(wsdl, port_name=port).service
    for operation in ("UploadInvoice", "UploadInvoiceFile"):
        result = getattr(service, operation)(Req=upload)
        print(f"{port} {operation}: Success={result.Success} InvoicesAccepted={result.InvoicesAccepted} "
              f"ErrorMessage={result.ErrorMessage!r}")
        ok = ok and result.Success
    for operation in reports:
        result = getattr(service, operation)(Req=window)
        if "DataSet" in operation:
            # zeep reads the inline xs:schema and types the diffgram's rows with it.
            dataset = result._value_1
            if hasattr(dataset, "_value_1"):  # one table: zeep wraps the rows in NewDataSet
                dataset = dataset._value_1
            rows = [(table, zeep.helpers.serialize_object(values, dict)) for row in (dataset or []) for table, values in row.items()]
            first = rows[0] if rows else None
            print(f"{port} {operation}: DataSet rows={len(rows)} first={first}")
        else:
            counts = {}
            for name in result:
                if name not in ("Success", "ErrorMessage"):
                    array = result[name]
                    counts[name] = len(array[next(iter(array))]) if array else 0
            print(f"{port} {operation}: Success={result.Success} records={counts}")
            ok = ok and result.Success
sys.exit(0 if ok else 1)
