#!/usr/bin/env python3
"""A SAML 2.0 identity provider for testing the mock IC's assertion consumer: signs a Response with
signxml (an XML-DSig library independent of Bifrost's xmlsec1), as a partner's IdP would.

    saml-idp.py keys DIR                      # DIR/idp.key, DIR/idp.pem: a new RSA key and its certificate
    saml-idp.py response --key K --cert C --issuer E --audience A --destination URL \
        --email E --login-type T [--account N] --issued ISO [--lifetime SECONDS] [--not-before ISO]
                                              # the base64 SAMLResponse form field, on standard output

Needs signxml (pip install signxml) in a virtual environment: Tools/saml-fixtures.sh makes one.
"""
import argparse
import base64
import datetime
import sys
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from lxml import etree
from signxml import XMLSigner, methods

SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"


def keys(folder, name):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} test IdP")])
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(start)
            .not_valid_after(start + datetime.timedelta(days=365 * 30)).sign(key, hashes.SHA256()))
    with open(f"{folder}/{name}.key", "wb") as out:
        out.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()))
    with open(f"{folder}/{name}.pem", "wb") as out:
        out.write(cert.public_bytes(serialization.Encoding.PEM))


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def response(args):
    issued = instant(args.issued)
    not_before = instant(args.not_before) if args.not_before else issued
    not_on_or_after = issued + datetime.timedelta(seconds=args.lifetime)
    response_id, assertion_id = "_" + uuid.uuid4().hex, "_" + uuid.uuid4().hex
    attributes = [("Email", args.email)] + ([("LoginType", args.login_type)] if args.login_type else [])
    if args.account:
        attributes.append(("AccountNumber", args.account))
    attribute_xml = "".join(
        f'<saml:Attribute Name="{name}"><saml:AttributeValue>{value}</saml:AttributeValue></saml:Attribute>'
        for name, value in attributes)
    text = f"""<samlp:Response xmlns:samlp="{SAMLP}" xmlns:saml="{SAML}" ID="{response_id}" Version="2.0"
 IssueInstant="{iso(issued)}" Destination="{args.destination}">
<saml:Issuer>{args.issuer}</saml:Issuer>
<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
<saml:Assertion ID="{assertion_id}" Version="2.0" IssueInstant="{iso(issued)}">
<saml:Issuer>{args.issuer}</saml:Issuer>
<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="placeholder"/>
<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">{args.email}</saml:NameID>
<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
<saml:SubjectConfirmationData NotOnOrAfter="{iso(not_on_or_after)}" Recipient="{args.destination}"/>
</saml:SubjectConfirmation></saml:Subject>
<saml:Conditions NotBefore="{iso(not_before)}" NotOnOrAfter="{iso(not_on_or_after)}">
<saml:AudienceRestriction><saml:Audience>{args.audience}</saml:Audience></saml:AudienceRestriction>
</saml:Conditions>
<saml:AuthnStatement AuthnInstant="{iso(issued)}"><saml:AuthnContext>
<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>
</saml:AuthnContext></saml:AuthnStatement>
<saml:AttributeStatement>{attribute_xml}</saml:AttributeStatement>
</saml:Assertion>
</samlp:Response>"""
    root = etree.fromstring(text.encode("utf-8"))
    assertion = root.find(f"{{{SAML}}}Assertion")
    with open(args.key, "rb") as key_file, open(args.cert, "rb") as cert_file:
        key, cert = key_file.read(), cert_file.read().decode("ascii")
    signed = XMLSigner(method=methods.enveloped, signature_algorithm="rsa-sha256", digest_algorithm="sha256",
                       c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#").sign(
        assertion, key=key, cert=cert, reference_uri=assertion_id)
    root.replace(assertion, signed)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    if args.tamper:
        old, new = args.tamper.split("=", 1)
        xml = xml.replace(old.encode("utf-8"), new.encode("utf-8"))
    sys.stdout.write(base64.b64encode(xml).decode("ascii") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("keys")
    make.add_argument("folder")
    make.add_argument("--name", default="idp")
    sign = commands.add_parser("response")
    for name in ["--key", "--cert", "--issuer", "--audience", "--destination", "--email", "--issued"]:
        sign.add_argument(name, required=True)
    sign.add_argument("--login-type", help="the LoginType claim; left out: no such claim")
    sign.add_argument("--account")
    sign.add_argument("--not-before")
    sign.add_argument("--lifetime", type=int, default=300)
    sign.add_argument("--tamper", help="OLD=NEW: replace text after signing (the signature no longer holds)")
    args = parser.parse_args()
    if args.command == "keys":
        keys(args.folder, args.name)
    else:
        response(args)


if __name__ == "__main__":
    main()
