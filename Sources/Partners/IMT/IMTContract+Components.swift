extension IMTContract {
    /// The document's `components`: the security scheme, the shared parameters and responses, the
    /// examples and schemas that read the mock's state (`Instance`), then the schemas of every body.
    static func components(_ instance: Instance) -> String {
        "{" + fixedComponents
            + #", "examples": \#(instance.examples), "schemas": {\#(instance.schemas), \#(schemas), \#(adminSchemas)}}"#
    }

    /// The members of `components` that do not depend on the state.
    static let fixedComponents = #"""
            "securitySchemes": {
              "sessionCookie": {
                "type": "apiKey", "in": "cookie", "name": "sessionid", "description": "The cookie POST sessions/ sets."
              }
            },
            "parameters": {
              "ClientID": {
                "name": "__client_id", "in": "query", "schema": {"type": "string"},
                "description": "IMT request signing; accepted, not checked."
              },
              "Signature": {
                "name": "__signature", "in": "query", "schema": {"type": "string"},
                "description": "IMT request signing; accepted, not checked."
              }
            },
            "responses": {
              "BadRequest": {
                "description": "Malformed JSON, an invalid document, a missing filter or an unknown query parameter.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "Unauthorized": {
                "description": "No live session cookie, or (sessions/) a wrong username or password.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "NotFound": {
                "description": "No such account, bill or session.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "NotAcceptable": {
                "description": "Every JSON:API media type in Accept has a parameter other than ext and profile.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "Conflict": {
                "description": "A data.type not served here, a data.id other than the URL's, or a transaction_id posted before.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "TooLarge": {
                "description": "A body over 1 MiB.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "UnsupportedMediaType": {
                "description": "Content-Type is not application/vnd.api+json (ext and profile parameters allowed).",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "Unprocessable": {
                "description": "An attribute missing, unknown or invalid, or an unknown policy; source.pointer names it.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              },
              "Error": {
                "description": "Any other status, e.g. an injected fault.",
                "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/ErrorDocument"}}}
              }
            }
        """#

    /// The members of `components.schemas` that do not depend on the state: the partner API's bodies.
    static let schemas = #"""
              "Decimal": {
                "type": "string", "pattern": "^-?[0-9]+([.][0-9]+)?$",
                "description": "An amount as a decimal string, never a JSON number.", "examples": ["125.00", "0"]
              },
              "ErrorObject": {
                "type": "object", "required": ["status", "code", "title"],
                "properties": {
                  "status": {"type": "string", "pattern": "^[1-5][0-9][0-9]$"},
                  "code": {"type": "string", "examples": ["type-mismatch"]}, "title": {"type": "string"},
                  "detail": {"type": "string"},
                  "source": {
                    "type": "object", "minProperties": 1, "maxProperties": 1,
                    "properties": {"pointer": {"type": "string"}, "parameter": {"type": "string"}, "header": {"type": "string"}}
                  }
                }
              },
              "ErrorDocument": {
                "type": "object", "required": ["errors"],
                "properties": {"errors": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/ErrorObject"}}}
              },
              "SessionRequest": {
                "type": "object", "required": ["data"], "not": {"required": ["errors"]},
                "x-bifrost-rules": [
                  {"rule": "data.id, when given, equals data.attributes.username", "status": 409, "code": "id-mismatch"}
                ],
                "properties": {
                  "data": {
                    "type": "object", "required": ["type", "attributes"],
                    "properties": {
                      "type": {"const": "sessions"}, "id": {"type": "string", "description": "Not read: IC sends the username; seed 000's own example sends \"string\"."},
                      "attributes": {
                        "type": "object", "required": ["username", "password"],
                        "description": "Other attributes are ignored.",
                        "properties": {
                          "username": {"type": "string", "minLength": 1},
                          "password": {"type": "string", "minLength": 1, "writeOnly": true}
                        }
                      }
                    }
                  }
                }
              },
              "SessionDocument": {
                "type": "object", "required": ["data"],
                "properties": {
                  "data": {
                    "type": "object", "required": ["type", "id", "attributes"],
                    "properties": {
                      "type": {"const": "sessions"}, "id": {"type": "string"},
                      "attributes": {"type": "object", "properties": {"username": {"type": "string"}}}
                    }
                  }
                }
              },
              "PaymentsDueAttributes": {
                "type": "object", "additionalProperties": false,
                "required": [
                  "cc_fee", "transaction_fee", "partial_payment", "payment_types", "redirect_url", "payment_vendor",
                  "creation_time", "pending_payment_amount", "pending_payment_date", "allow_pay_full", "cc_fee_percent",
                  "transaction_fee_percent", "redirect_id", "last_update_time", "policy_number", "current_due", "total_unpaid",
                  "last_name", "first_name", "first_name_2", "last_name_2", "first_name_3", "last_name_3", "zip_code",
                  "downpayment", "bill_date", "due_date", "company_name", "address_one", "address_two", "address_three", "city",
                  "state", "account_number", "policy_type", "policy_type_code", "policy_status", "email", "agency", "agency_name",
                  "transaction_type", "notice_type", "pay_plan", "bill_mode", "allow_payments"
                ],
                "properties": {
                  "cc_fee": {"$ref": "#/components/schemas/Decimal"}, "transaction_fee": {"$ref": "#/components/schemas/Decimal"},
                  "partial_payment": {"type": "boolean"},
                  "payment_types": {
                    "type": "array", "uniqueItems": true, "items": {"enum": ["ACH", "CC"]},
                    "description": "The methods IMT allows; an absent one is blocked."
                  },
                  "redirect_url": {"type": "string"}, "payment_vendor": {"type": "string"},
                  "creation_time": {"type": "string", "format": "date-time"},
                  "pending_payment_amount": {"$ref": "#/components/schemas/Decimal"},
                  "pending_payment_date": {"type": "string", "format": "date-time"}, "allow_pay_full": {"type": "boolean"},
                  "cc_fee_percent": {"$ref": "#/components/schemas/Decimal"},
                  "transaction_fee_percent": {"$ref": "#/components/schemas/Decimal"},
                  "redirect_id": {"type": "string", "format": "uuid"},
                  "last_update_time": {"type": "string", "format": "date-time"}, "policy_number": {"type": "string"},
                  "current_due": {"$ref": "#/components/schemas/Decimal", "description": "The balance RTDR reads."},
                  "total_unpaid": {"$ref": "#/components/schemas/Decimal"}, "last_name": {"type": "string"},
                  "first_name": {"type": "string"}, "first_name_2": {"type": "string"}, "last_name_2": {"type": "string"},
                  "first_name_3": {"type": "string"}, "last_name_3": {"type": "string"}, "zip_code": {"type": "string"},
                  "downpayment": {"type": "boolean"}, "bill_date": {"type": "string", "format": "date"},
                  "due_date": {"type": "string", "format": "date"}, "company_name": {"type": "string"},
                  "address_one": {"type": "string"}, "address_two": {"type": "string"}, "address_three": {"type": "string"},
                  "city": {"type": "string"}, "state": {"type": "string"}, "account_number": {"type": "string"},
                  "policy_type": {"type": "string"}, "policy_type_code": {"type": "string"}, "policy_status": {"type": "string"},
                  "email": {"type": "string"}, "agency": {"type": "string"}, "agency_name": {"type": "string"},
                  "transaction_type": {"type": "string"}, "notice_type": {"type": "string"}, "pay_plan": {"type": "string"},
                  "bill_mode": {"type": "string", "examples": ["Direct Bill"]}, "allow_payments": {"type": "boolean"}
                }
              },
              "PaymentsDue": {
                "type": "object", "required": ["type", "id", "attributes"],
                "properties": {
                  "type": {"const": "payments-due"}, "id": {"type": "string"},
                  "attributes": {"$ref": "#/components/schemas/PaymentsDueAttributes"}
                }
              },
              "PaymentsDueCollection": {
                "type": "object", "required": ["data"],
                "properties": {"data": {"type": "array", "items": {"$ref": "#/components/schemas/PaymentsDue"}}}
              },
              "PaymentAttributes": {
                "type": "object", "additionalProperties": false,
                "required": [
                  "id", "payment_method", "entity_identifier", "site_fee", "bill_amount_paid", "total_paid", "interest_paid",
                  "approval_code", "transaction_id", "first_name", "last_name", "address_1", "address_2", "city", "state",
                  "zip_code", "phone", "email", "raw_payment", "sort"
                ],
                "properties": {
                  "id": {"type": "string", "minLength": 1, "description": "The account number; equals data.id."},
                  "payment_method": {"enum": ["CC", "ACH"]}, "entity_identifier": {"type": "string", "description": "Equals id."},
                  "site_fee": {"$ref": "#/components/schemas/Decimal"},
                  "bill_amount_paid": {
                    "$ref": "#/components/schemas/Decimal",
                    "description": "total_paid less the convenience fee; at most total_paid."
                  },
                  "total_paid": {"$ref": "#/components/schemas/Decimal"},
                  "interest_paid": {"$ref": "#/components/schemas/Decimal"},
                  "approval_code": {"type": "string", "description": "The first 8 characters of the payment message."},
                  "transaction_id": {
                    "type": "string", "minLength": 1, "description": "BillerID&PaymentID; a repeated one is 409."
                  },
                  "first_name": {"type": "string"}, "last_name": {"type": "string"}, "address_1": {"type": "string"},
                  "address_2": {"type": "string"}, "city": {"type": "string"}, "state": {"type": "string"},
                  "zip_code": {"type": "string"}, "phone": {"type": "string"}, "email": {"type": "string"},
                  "raw_payment": {"$ref": "#/components/schemas/Decimal"}, "sort": {"type": "string"}
                }
              },
              "PaymentResource": {
                "type": "object", "required": ["type", "id", "attributes"],
                "properties": {
                  "type": {"const": "payments"}, "id": {"type": "string"},
                  "attributes": {"$ref": "#/components/schemas/PaymentAttributes"}
                }
              },
              "PaymentRequest": {
                "type": "object", "required": ["data"], "not": {"required": ["errors"]},
                "description": "Checked in this order: the document (400), data.type (409), this schema (422), then x-bifrost-rules.",
                "x-bifrost-rules": [
                  {"rule": "data.id equals data.attributes.id", "status": 409, "code": "id-mismatch"},
                  {"rule": "data.attributes.entity_identifier equals data.attributes.id", "status": 422, "code": "invalid-attribute"},
                  {"rule": "bill_amount_paid is at most total_paid", "status": 422, "code": "invalid-attribute"},
                  {"rule": "data.attributes.id is a policy of the state", "status": 422, "code": "unknown-policy"},
                  {"rule": "transaction_id was not posted before", "status": 409, "code": "duplicate-transaction"}
                ],
                "properties": {
                  "data": {
                    "type": "object", "required": ["type", "id", "attributes"],
                    "properties": {
                      "type": {"const": "payments"}, "id": {"$ref": "#/components/schemas/PolicyNumber"},
                      "attributes": {
                        "allOf": [
                          {"$ref": "#/components/schemas/PaymentAttributes"},
                          {
                            "properties": {
                              "id": {"$ref": "#/components/schemas/PolicyNumber"},
                              "entity_identifier": {"$ref": "#/components/schemas/PolicyNumber"}
                            }
                          }
                        ]
                      }
                    }
                  }
                }
              },
              "PaymentDocument": {
                "type": "object", "required": ["data"], "properties": {"data": {"$ref": "#/components/schemas/PaymentResource"}}
              },
              "BillMode": {"enum": ["autopay", "direct"]},
              "PolicySettingsRequest": {
                "type": "object", "required": ["data"], "not": {"required": ["errors"]},
                "description": "Checked in this order: the document (400), data.type (409), this schema (422), then x-bifrost-rules.",
                "x-bifrost-rules": [
                  {"rule": "data.id equals the account of the URL", "status": 409, "code": "id-mismatch"},
                  {"rule": "data.attributes.id and policy, when given, equal the account of the URL", "status": 422, "code": "invalid-attribute"}
                ],
                "properties": {
                  "data": {
                    "type": "object", "required": ["type", "id"],
                    "properties": {
                      "type": {"const": "policy-settings"},
                      "id": {"$ref": "#/components/schemas/SettingsAccount", "description": "Equals the account of the URL."},
                      "attributes": {
                        "type": "object", "additionalProperties": false,
                        "description": "IC sends id, policy, sort and paperless or bill_mode; one left out stays unchanged.",
                        "properties": {
                          "id": {"$ref": "#/components/schemas/SettingsAccount"},
                          "policy": {"$ref": "#/components/schemas/SettingsAccount"}, "sort": {"const": ""},
                          "paperless": {"type": "boolean"}, "bill_mode": {"$ref": "#/components/schemas/BillMode"}
                        }
                      }
                    }
                  }
                }
              },
              "PolicySettingsResource": {
                "type": "object", "required": ["type", "id", "attributes"],
                "properties": {
                  "type": {"const": "policy-settings"}, "id": {"type": "string"},
                  "attributes": {
                    "type": "object", "required": ["id", "policy", "paperless", "bill_mode"], "additionalProperties": false,
                    "properties": {
                      "id": {"type": "string"}, "policy": {"type": "string"}, "paperless": {"type": "boolean"},
                      "bill_mode": {"$ref": "#/components/schemas/BillMode"}
                    }
                  }
                }
              },
              "PolicySettingsDocument": {
                "type": "object", "required": ["data"],
                "properties": {"data": {"$ref": "#/components/schemas/PolicySettingsResource"}}
              }
        """#
}
