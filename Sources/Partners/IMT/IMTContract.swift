/// The mock IMT's contract as an OpenAPI 3.1 document: the JSON:API routes IC calls and the admin API.
///
/// `GET /__admin/openapi.json` serves it. It is written by hand next to the code it describes, so a
/// change of a route, a status or an attribute changes this document in the same commit. What the
/// seeds leave open (the cookie name, 422 for an invalid attribute, the admin API) reads here as the
/// mock implements it. Every JSON:API answer, errors included, is `application/vnd.api+json`.
public enum IMTContract {
    /// The document for a mock whose auth and data APIs live under `authPath` and `apiPath`.
    ///
    /// ```swift
    /// let json = IMTContract.openAPI(authPath: mock.authPath, apiPath: mock.apiPath)
    /// ```
    /// - Parameters:
    ///   - authPath: the auth API's path without a trailing slash, e.g. `/auth/3401/api`.
    ///   - apiPath: the data API's path without a trailing slash, e.g. `/webpayments/3401/api`.
    public static func openAPI(authPath: String, apiPath: String) -> String {
        #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Bifrost mock IMT", "version": "1.0.0",
            "description": "The IMT JSON:API routes IC calls (seed 000), as the Bifrost mock serves them, and its admin API."
          },
          "tags": [
            {"name": "auth", "description": "The auth API (IC advanced setting 88)."},
            {"name": "data", "description": "The data API (IC advanced setting 8)."},
            {"name": "admin", "description": "The mock's own control API; no authentication."}
          ],
          "security": [
            {"sessionCookie": []}
          ],
          "paths": {
            "\#(authPath)/sessions/": {
              "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}],
              "post": {
                "tags": ["auth"], "operationId": "openSession", "summary": "Opens a session for a username and password.",
                "security": [],
                "requestBody": {
                  "required": true,
                  "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/SessionRequest"}}}
                },
                "responses": {
                  "201": {
                    "description": "The session is open; its cookie authenticates the other calls.",
                    "headers": {"Set-Cookie": {"description": "sessionid=TOKEN; Path=/; HttpOnly", "schema": {"type": "string"}}},
                    "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/SessionDocument"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
                  "406": {"$ref": "#/components/responses/NotAcceptable"}, "409": {"$ref": "#/components/responses/Conflict"},
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
                  "422": {"$ref": "#/components/responses/Unprocessable"}, "default": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "\#(authPath)/sessions/{username}": {
              "parameters": [
                {"name": "username", "in": "path", "required": true, "schema": {"type": "string"}},
                {"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}
              ],
              "delete": {
                "tags": ["auth"], "operationId": "closeSession",
                "summary": "Closes the cookie's session, which must be the user's.",
                "responses": {
                  "204": {"description": "The session is closed."}, "401": {"$ref": "#/components/responses/Unauthorized"},
                  "404": {"$ref": "#/components/responses/NotFound"}, "406": {"$ref": "#/components/responses/NotAcceptable"},
                  "default": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "\#(apiPath)/payments-due/": {
              "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}],
              "get": {
                "tags": ["data"], "operationId": "paymentsDue", "summary": "The balance of a policy (RTDR).",
                "parameters": [
                  {
                    "name": "filter[policy_number]", "in": "query", "required": true, "schema": {"type": "string"},
                    "example": "20240903"
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
            },
            "\#(apiPath)/payments/": {
              "parameters": [{"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}],
              "post": {
                "tags": ["data"], "operationId": "postPayment", "summary": "Records a payment (DataPump). Never retried by IC.",
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
            },
            "\#(apiPath)/settings/{account}/": {
              "parameters": [
                {"name": "account", "in": "path", "required": true, "schema": {"type": "string"}, "example": "20240903"},
                {"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}
              ],
              "patch": {
                "tags": ["data"], "operationId": "patchSettings", "summary": "Paperless or autopay enrollment (DataPump).",
                "requestBody": {
                  "required": true,
                  "content": {"application/vnd.api+json": {"schema": {"$ref": "#/components/schemas/PolicySettingsRequest"}}}
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
            },
            "\#(apiPath)/bills/{policy_number}/": {
              "parameters": [
                {"name": "policy_number", "in": "path", "required": true, "schema": {"type": "string"}, "example": "20240903"},
                {"$ref": "#/components/parameters/ClientID"}, {"$ref": "#/components/parameters/Signature"}
              ],
              "get": {
                "tags": ["data"], "operationId": "bill", "summary": "The policy's bill as a PDF (remote PDF linking).",
                "responses": {
                  "200": {
                    "description": "The PDF.", "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
                  },
                  "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"},
                  "406": {"$ref": "#/components/responses/NotAcceptable"}, "default": {"$ref": "#/components/responses/Error"}
                }
              }
            },
            "/__admin/state": {
              "get": {
                "tags": ["admin"], "operationId": "getState", "summary": "The mock's state now.", "security": [],
                "responses": {
                  "200": {
                    "description": "The state.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/StateSnapshot"}}}
                  }
                }
              },
              "put": {
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
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              }
            },
            "/__admin/journal": {
              "get": {
                "tags": ["admin"], "operationId": "getJournal", "summary": "Every exchange so far, in order, secrets redacted.",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The journal.",
                    "content": {
                      "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/JournalEntry"}}}
                    }
                  }
                }
              }
            },
            "/__admin/reset": {
              "post": {
                "tags": ["admin"], "operationId": "reset", "summary": "Back to the starting state; the journal is emptied.",
                "security": [], "responses": {"204": {"description": "Reset."}}
              }
            },
            "/__admin/faults": {
              "get": {
                "tags": ["admin"], "operationId": "getFaults", "summary": "The faults still armed, and the session limit.",
                "security": [],
                "responses": {
                  "200": {
                    "description": "The faults, in matching order.",
                    "content": {
                      "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Fault"}}}
                    }
                  }
                }
              },
              "post": {
                "tags": ["admin"], "operationId": "addFault", "summary": "Arms one more fault.", "security": [],
                "requestBody": {
                  "required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fault"}}}
                },
                "responses": {
                  "201": {
                    "description": "The fault as armed.",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Fault"}}}
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"}
                }
              },
              "delete": {
                "tags": ["admin"], "operationId": "clearFaults", "summary": "Disarms every fault.", "security": [],
                "responses": {"204": {"description": "No fault is armed."}}
              }
            },
            "/__admin/openapi.json": {
              "get": {
                "tags": ["admin"], "operationId": "openAPI", "summary": "This document.", "security": [],
                "responses": {
                  "200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}
                }
              }
            }
          },
          "components": \#(components)
        }
        """#
    }
}
