/// The OpenAPI operations of the mock IMT's routes, by `operationId`: what `IMTContract` publishes for each row.
extension IMTContract {
    /// Each operation object, by the `operationId` a route's contract entry names.
    static let operations: [String: String] = [
        "openSession": #"""
        {
          "tags": ["auth"], "operationId": "openSession", "summary": "Opens a session for a username and password.",
          "security": [],
          "requestBody": {
            "required": true,
            "content": {
              "application/vnd.api+json": {
                "schema": {"$ref": "#/components/schemas/SessionRequest"},
                "examples": {"session": {"$ref": "#/components/examples/Session"}}
              }
            }
          },
          "responses": {
            "201": {
              "description": "The session is open; its cookie authenticates the other calls.",
              "headers": {
                "Set-Cookie": {
                  "description": "sessionid=TOKEN; Path=/; HttpOnly, TOKEN 32 hexadecimal digits",
                  "schema": {"type": "string", "pattern": "^sessionid=[0-9a-f]{32}; Path=/; HttpOnly$"}
                }
              },
              "links": {},
              "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/SessionDocument"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "406": {"$ref": "#/components/responses/NotAcceptable"}, "409": {"$ref": "#/components/responses/Conflict"},
            "413": {"$ref": "#/components/responses/TooLarge"},
            "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
            "422": {"$ref": "#/components/responses/Unprocessable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "closeSession": #"""
        {
          "tags": ["auth"], "operationId": "closeSession",
          "summary": "Closes the cookie's session, which must be the user's.",
          "responses": {
            "204": {"description": "The session is closed."}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "404": {"$ref": "#/components/responses/NotFound"}, "406": {"$ref": "#/components/responses/NotAcceptable"},
            "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "paymentsDue": #"""
        {
          "tags": ["data"], "operationId": "paymentsDue", "summary": "The balance of a policy (RTDR).",
          "parameters": [
            {
              "name": "filter[policy_number]", "in": "query", "required": true, "schema": {"type": "string"},
              "description": "A policy number; one the state does not have lists nothing.",
              "examples": {"policy": {"$ref": "#/components/examples/PolicyNumber"}}
            }
          ],
          "responses": {
            "200": {
              "description": "The policies with that number: none, one or more.",
              "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PaymentsDueCollection"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "406": {"$ref": "#/components/responses/NotAcceptable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "postPayment": #"""
        {
          "tags": ["data"], "operationId": "postPayment", "summary": "Records a payment (DataPump). Never retried by IC.",
          "requestBody": {
            "required": true,
            "content": {
              "application/vnd.api+json": {
                "schema": {"$ref": "#/components/schemas/PaymentRequest"},
                "examples": {"payment": {"$ref": "#/components/examples/Payment"}}
              }
            }
          },
          "responses": {
            "201": {
              "description": "The stored payment.",
              "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PaymentDocument"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "406": {"$ref": "#/components/responses/NotAcceptable"}, "409": {"$ref": "#/components/responses/Conflict"},
            "413": {"$ref": "#/components/responses/TooLarge"},
            "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
            "422": {"$ref": "#/components/responses/Unprocessable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "postOnlineReceipt": #"""
        {
          "tags": ["data"], "operationId": "postOnlineReceipt",
          "summary": "Records a payment (DataPump) through the 'OnlineReceipt' service a Spectrum biller may use instead of payments/ (seed 002); the same document as postPayment.",
          "requestBody": {
            "required": true,
            "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PaymentRequest"}}}
          },
          "responses": {
            "201": {
              "description": "The stored payment.",
              "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PaymentDocument"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "406": {"$ref": "#/components/responses/NotAcceptable"}, "409": {"$ref": "#/components/responses/Conflict"},
            "413": {"$ref": "#/components/responses/TooLarge"},
            "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
            "422": {"$ref": "#/components/responses/Unprocessable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "patchSettings": #"""
        {
          "tags": ["data"], "operationId": "patchSettings", "summary": "Paperless or autopay enrollment (DataPump).",
          "requestBody": {
            "required": true,
            "content": {
              "application/vnd.api+json": {
                "schema": {"$ref": "#/components/schemas/PolicySettingsRequest"},
                "examples": {"paperless": {"$ref": "#/components/examples/Paperless"}}
              }
            }
          },
          "responses": {
            "200": {
              "description": "The settings after the change.",
              "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PolicySettingsDocument"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
            "404": {"$ref": "#/components/responses/NotFound"}, "406": {"$ref": "#/components/responses/NotAcceptable"},
            "409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"},
            "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
            "422": {"$ref": "#/components/responses/Unprocessable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "bill": #"""
        {
          "tags": ["data"], "operationId": "bill", "summary": "The policy's bill as a PDF (remote PDF linking).",
          "responses": {
            "200": {
              "description": "The PDF.", "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
            },
            "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"},
            "406": {"$ref": "#/components/responses/NotAcceptable"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "getState": #"""
        {
          "tags": ["admin"], "operationId": "getState", "summary": "The mock's state now.", "security": [],
          "responses": {
            "200": {
              "description": "The state.",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StateSnapshot"}}}
            }, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "putState": #"""
        {
          "tags": ["admin"], "operationId": "putState", "summary": "Replaces the state; sessions are closed.",
          "security": [],
          "requestBody": {
            "required": true,
            "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/State"}},
              "application/yaml": {"schema": {"$ref": "#/components/schemas/State"}}
            }
          },
          "responses": {
            "200": {
              "description": "The new state.",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StateSnapshot"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "getJournal": #"""
        {
          "tags": ["admin"], "operationId": "getJournal", "summary": "Every exchange so far, in order, secrets redacted.",
          "description": "Without a query, every entry kept as one array. With offset or limit, one page as a JSON:API document; follow links.next until it is null to read the whole journal.",
          "security": [],
          "parameters": [
            {
              "name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0},
              "description": "The page holds the entries recorded after the first offset exchanges (seq above offset)."
            },
            {
              "name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 500},
              "description": "The most entries in the page."
            }
          ],
          "responses": {
            "200": {
              "description": "The journal, or one page of it.",
              "content": {
                "application/json": {
                  "schema": {"type": "array", "items": {"$ref": "#/components/schemas/JournalEntry"}},
                  "description": "Without a query: every entry kept."
                },
                "application/vnd.api+json": {
                  "schema": {"$ref": "#/components/schemas/JournalPage"},
                  "description": "With offset or limit: one page, a JSON:API document."
                }
              }
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "default": {"$ref": "#/components/responses/Error"}
          }
        }
        """#,
        "getRequests": #"""
        {
          "tags": ["admin"], "operationId": "getRequests",
          "summary": "The journal entries matching every parameter given, and their count (request verification).",
          "description": "A path matches the request's path or its last segments (/payments/ matches /webpayments/3401/api/payments/; a * segment matches any one). header.NAME matches a header's value as sent (* for present; a secret header only with *). body.PATH matches the scalar at a dotted path of the body as journaled (secrets redacted): JSON members and array indexes, form fields, XML elements by local name; numbers compare as decimals.",
          "security": [],
          "parameters": [
            {"name": "method", "in": "query", "schema": {"type": "string"}, "description": "The HTTP method, any case."},
            {"name": "path", "in": "query", "schema": {"type": "string"}, "description": "The path, or its last segments."},
            {
              "name": "header.NAME", "in": "query", "schema": {"type": "string"},
              "description": "A header's value as sent, e.g. header.Content-Type=application/vnd.api+json; * for present."
            },
            {
              "name": "body.PATH", "in": "query", "schema": {"type": "string"},
              "description": "The scalar at a dotted body path, e.g. body.data.attributes.bill_amount_paid=41.25."
            },
            {
              "name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 500},
              "description": "The most entries in data; meta.count counts them all."
            }
          ],
          "responses": {
            "200": {
              "description": "The matching entries, oldest first, and how many match.",
              "content": {
                "application/json": {
                  "schema": {
                    "type": "object", "required": ["data", "meta"],
                    "properties": {
                      "data": {"type": "array", "items": {"$ref": "#/components/schemas/JournalEntry"}},
                      "meta": {
                        "type": "object", "required": ["count", "limit"],
                        "properties": {
                          "count": {"type": "integer", "description": "The entries kept that match."},
                          "limit": {"type": "integer"}
                        }
                      }
                    }
                  }
                }
              }
            },
            "400": {"$ref": "#/components/responses/BadRequest"}
          }
        }
        """#,
        "reset": #"""
        {
          "tags": ["admin"], "operationId": "reset", "summary": "Back to the starting state; the journal is emptied.",
          "security": [], "responses": {"204": {"description": "Reset."}, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "getFaults": #"""
        {
          "tags": ["admin"], "operationId": "getFaults", "summary": "The faults still armed, and the session limit.",
          "security": [],
          "responses": {
            "200": {
              "description": "The faults, in matching order.",
              "content": {
                "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Fault"}}}
              }
            }, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "addFault": #"""
        {
          "tags": ["admin"], "operationId": "addFault", "summary": "Arms one more fault.", "security": [],
          "requestBody": {
            "required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fault"}}}
          },
          "responses": {
            "201": {
              "description": "The fault as armed.",
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fault"}}}
            },
            "400": {"$ref": "#/components/responses/BadRequest"}, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "clearFaults": #"""
        {
          "tags": ["admin"], "operationId": "clearFaults", "summary": "Disarms every fault.", "security": [],
          "responses": {"204": {"description": "No fault is armed."}, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
        "openAPI": #"""
        {
          "tags": ["admin"], "operationId": "openAPI", "summary": "This document.", "security": [],
          "responses": {
            "200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}, "default": {"$ref": "#/components/responses/Error"}}
        }
        """#,
    ]
}
