"""The API's reference page: the OpenAPI document, laid out for people, served offline."""

from dataclasses import dataclass, field

from flask import Blueprint, render_template

bp = Blueprint("api_reference", __name__, url_prefix="/api/v1")

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass
class Field:
    name: str
    type: str
    ref: str | None
    required: bool
    description: str


@dataclass
class Endpoint:
    method: str
    path: str
    summary: str
    description: str
    anchor: str
    parameters: list[Field] = field(default_factory=list)
    body: str | None = None
    responses: list[tuple[str, str, str | None]] = field(default_factory=list)


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def describe_type(schema: dict) -> tuple[str, str | None]:
    """Return a property's type in words and the schema it refers to, if any."""
    if "$ref" in schema:
        name = _ref_name(schema["$ref"])
        return name, name
    kind = schema.get("type", "any")
    kinds = kind if isinstance(kind, list) else [kind]
    words = []
    ref = None
    for item in kinds:
        if item == "array":
            inner, ref = describe_type(schema.get("items", {}))
            words.append(f"list of {inner}")
        elif item == "null":
            words.append("null")
        else:
            words.append(f"{item} ({schema['format']})" if "format" in schema else item)
    text = " or ".join(words)
    if "enum" in schema:
        text += ": " + ", ".join(str(value) for value in schema["enum"] if value is not None)
    return text, ref


def _fields(schema: dict) -> list[Field]:
    required = set(schema.get("required", ()))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        kind, ref = describe_type(prop)
        rows.append(Field(name, kind, ref, name in required, prop.get("description", "")))
    return rows


def _response_schema(response: dict, spec: dict) -> str | None:
    if "$ref" in response:
        response = spec["components"]["responses"][_ref_name(response["$ref"])]
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    return describe_type(schema)[1] if schema else None


def layout(spec: dict) -> tuple[list[Endpoint], dict[str, list[Field]]]:
    """Turn the OpenAPI document into endpoints and schemas for the reference page."""
    endpoints = []
    for path, item in spec.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            endpoint = Endpoint(
                method=method.upper(),
                path=path,
                summary=operation.get("summary", ""),
                description=operation.get("description", ""),
                anchor=f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""),
            )
            for parameter in shared + operation.get("parameters", []):
                kind, ref = describe_type(parameter.get("schema", {}))
                endpoint.parameters.append(
                    Field(
                        f"{parameter['name']} ({parameter['in']})",
                        kind,
                        ref,
                        parameter.get("required", False),
                        parameter.get("description", ""),
                    )
                )
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                endpoint.body = describe_type(body["schema"])[1]
            for status, response in sorted(operation.get("responses", {}).items()):
                description = response.get("description", "")
                if "$ref" in response:
                    description = spec["components"]["responses"][
                        _ref_name(response["$ref"])
                    ].get("description", "")
                endpoint.responses.append((status, description, _response_schema(response, spec)))
            endpoints.append(endpoint)
    schemas = {
        name: _fields(schema)
        for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items())
    }
    return endpoints, schemas


@bp.get("/docs")
def reference():
    """Show the API's reference, built from the same document as /api/v1/openapi.json."""
    from tracker.api import api

    spec = api.spec.to_dict()
    endpoints, schemas = layout(spec)
    return render_template(
        "api/reference.html", spec=spec, endpoints=endpoints, schemas=schemas
    )
