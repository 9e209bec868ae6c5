extension IMTContract {
    /// The members of `components.schemas` of the admin API's bodies (state, faults, journal), which
    /// do not depend on the state.
    static let adminSchemas = #"""
              "Scalar": {
                "type": ["string", "number", "boolean"],
                "description": "A state document is read as YAML (JSON is YAML): a scalar is read as its text, 5 as \"5\". null is refused."
              },
              "State": {
                "type": "object", "description": "A scenario's imt: block; PUT /__admin/state takes it as JSON or YAML.",
                "properties": {
                  "biller_id": {"$ref": "#/components/schemas/Scalar", "minLength": 1, "default": "3401"},
                  "users": {
                    "type": "object", "additionalProperties": {"$ref": "#/components/schemas/Scalar", "minLength": 1},
                    "propertyNames": {"minLength": 1}, "description": "Passwords by username."
                  },
                  "policies": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "description": "payments-due attributes (the seed example's names and types); the rest keep the example's.",
                      "propertyNames": {"enum": [
                        "id", "cc_fee", "transaction_fee", "partial_payment", "payment_types", "redirect_url", "payment_vendor",
                        "creation_time", "pending_payment_amount", "pending_payment_date", "allow_pay_full", "cc_fee_percent",
                        "transaction_fee_percent", "redirect_id", "last_update_time", "policy_number", "current_due", "total_unpaid",
                        "last_name", "first_name", "first_name_2", "last_name_2", "first_name_3", "last_name_3", "zip_code",
                        "downpayment", "bill_date", "due_date", "company_name", "address_one", "address_two", "address_three", "city",
                        "state", "account_number", "policy_type", "policy_type_code", "policy_status", "email", "agency", "agency_name",
                        "transaction_type", "notice_type", "pay_plan", "bill_mode", "allow_payments"
                      ]},
                      "properties": {"id": {"$ref": "#/components/schemas/Scalar", "minLength": 1}},
                      "additionalProperties": {"type": ["string", "number", "boolean", "array"]}
                    },
                    "description": "Policies without an id are numbered 41703, 41704, ..."
                  },
                  "policy_settings": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["policy"], "additionalProperties": false,
                      "properties": {
                        "policy": {"$ref": "#/components/schemas/Scalar", "minLength": 1},
                        "paperless": {"type": "boolean", "default": false},
                        "bill_mode": {"$ref": "#/components/schemas/BillMode", "default": "direct"}
                      }
                    },
                    "description": "A policy without an entry is paper-billed and direct."
                  },
                  "bills": {
                    "type": "object", "additionalProperties": {"$ref": "#/components/schemas/Scalar"},
                    "propertyNames": {"minLength": 1},
                    "description": "The bill of each policy that has one: its bytes as text, by policy number."
                  },
                  "payments": {
                    "type": "array", "description": "Payments already posted (so a repeated transaction_id is refused).",
                    "items": {
                      "type": "object", "required": ["transaction_id", "account", "total_paid", "method"],
                      "additionalProperties": false,
                      "properties": {
                        "transaction_id": {"$ref": "#/components/schemas/Scalar", "minLength": 1},
                        "account": {"$ref": "#/components/schemas/Scalar", "minLength": 1},
                        "total_paid": {"type": ["string", "number"], "pattern": "^-?[0-9]+([.][0-9]+)?$"},
                        "fee": {"type": ["string", "number"], "pattern": "^-?[0-9]+([.][0-9]+)?$"},
                        "method": {"enum": ["CC", "ACH"]}
                      }
                    }
                  },
                  "faults": {"type": "array", "items": {"$ref": "#/components/schemas/Fault"}}
                },
                "additionalProperties": false
              },
              "Fault": {
                "type": "object", "additionalProperties": false,
                "description": "For `times` requests of a route (or all): one of status, body, content_type, drop; a delay.",
                "properties": {
                  "route": {"$ref": "#/components/schemas/FaultRoute"},
                  "status": {
                    "type": "integer", "minimum": 100, "maximum": 599,
                    "description": "Answered with an error document; the request is not processed."
                  },
                  "body": {
                    "enum": ["truncated", "malformed"],
                    "description": "The normal answer with half its body, or with a body that is not JSON."
                  },
                  "content_type": {"type": "string", "minLength": 1, "description": "The normal answer under this Content-Type."},
                  "drop": {"const": true, "description": "The connection is closed without an answer."},
                  "delay_ms": {"type": "integer", "minimum": 1, "maximum": 600000},
                  "expire_session_after": {
                    "type": "integer", "minimum": 0,
                    "description": "Each session serves this many authenticated requests, then expires."
                  },
                  "times": {"type": "integer", "minimum": 1}
                },
                "oneOf": [
                  {
                    "required": ["route"], "not": {"required": ["expire_session_after"]},
                    "anyOf": [
                      {"required": ["status"]}, {"required": ["body"]}, {"required": ["content_type"]}, {"required": ["drop"]},
                      {"required": ["delay_ms"]}
                    ]
                  },
                  {"required": ["expire_session_after"], "maxProperties": 1}
                ],
                "not": {
                  "anyOf": [
                    {"required": ["status", "body"]}, {"required": ["status", "content_type"]}, {"required": ["status", "drop"]},
                    {"required": ["body", "content_type"]}, {"required": ["body", "drop"]}, {"required": ["content_type", "drop"]}
                  ]
                }
              },
              "JournalEntry": {
                "type": "object", "required": ["seq", "partner", "request", "response"],
                "properties": {
                  "seq": {"type": "integer", "minimum": 1}, "partner": {"type": "string", "examples": ["imt"]},
                  "request": {
                    "type": "object",
                    "properties": {
                      "method": {"type": "string"}, "path": {"type": "string"},
                      "query": {
                        "type": "array",
                        "items": {"type": "object", "properties": {"name": {"type": "string"}, "value": {"type": "string"}}}
                      },
                      "headers": {"$ref": "#/components/schemas/JournalHeaders"},
                      "body": {"$ref": "#/components/schemas/JournalBody"}
                    }
                  },
                  "response": {
                    "type": "object",
                    "properties": {
                      "status": {"type": "integer"}, "headers": {"$ref": "#/components/schemas/JournalHeaders"},
                      "body": {"$ref": "#/components/schemas/JournalBody"},
                      "fault": {"type": "string", "description": "The injected fault, e.g. \"status 500\"."}
                    }
                  }
                }
              },
              "JournalPage": {
                "type": "object", "required": ["data", "meta", "links"],
                "properties": {
                  "data": {"type": "array", "items": {"$ref": "#/components/schemas/JournalEntry"}},
                  "meta": {
                    "type": "object", "required": ["total", "recorded", "offset", "limit"],
                    "properties": {
                      "total": {"type": "integer", "description": "The entries kept."},
                      "recorded": {"type": "integer", "description": "The exchanges recorded, dropped ones included."},
                      "offset": {"type": "integer"}, "limit": {"type": "integer"}
                    }
                  },
                  "links": {
                    "type": "object", "required": ["self", "first", "next"],
                    "properties": {
                      "self": {"type": "string"}, "first": {"type": "string"},
                      "next": {"type": ["string", "null"], "description": "The next page; null on the last."}
                    }
                  }
                }
              },
              "JournalHeaders": {
                "type": "object", "additionalProperties": {"type": "string"},
                "description": "Content-Type, Accept, SOAPAction, Authorization, Cookie, Set-Cookie, Location and Allow; secrets read <redacted>."
              },
              "JournalBody": {
                "description": "JSON as JSON (secrets redacted), other text as a string, binary as {\"bytes\": N}, empty null."
              },
              "StateSnapshot": {
                "type": "object", "description": "The state now: passwords redacted, bills by size.",
                "required": ["biller_id", "users", "policies", "policy_settings", "bills", "payments", "open_sessions"],
                "additionalProperties": false,
                "properties": {
                  "biller_id": {"type": "string"}, "users": {"type": "object", "additionalProperties": {"const": "<redacted>"}},
                  "policies": {"type": "array", "items": {"$ref": "#/components/schemas/PaymentsDue"}},
                  "policy_settings": {"type": "array", "items": {"$ref": "#/components/schemas/PolicySettingsResource"}},
                  "bills": {
                    "type": "array",
                    "items": {
                      "type": "object", "required": ["policy_number", "bytes"],
                      "properties": {"policy_number": {"type": "string"}, "bytes": {"type": "integer", "minimum": 0}}
                    }
                  },
                  "payments": {"type": "array", "items": {"$ref": "#/components/schemas/PaymentResource"}},
                  "open_sessions": {"type": "integer", "minimum": 0}
                }
              }
        """#
}
