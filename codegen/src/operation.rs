//! The spec's operations as the generator needs them: names, parameters in argument order,
//! body, response and pagination form, area.

use yaml_rust2::Yaml;

use crate::naming::{field_ident, snake_case};
use crate::overrides;
use crate::spec::{Spec, entries, items, text};
use crate::types::{TypeMap, TypeRef};

/// An API area: one `x-tagGroups` group, one cargo feature, one module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Area {
    /// As the spec names it: `Authorization Servers`.
    pub title: String,
    /// Its tags, in spec order.
    pub tags: Vec<String>,
}

impl Area {
    /// `authorization-servers`.
    pub fn feature(&self) -> String {
        snake_case(&self.title).replace('_', "-")
    }

    /// `authorization_servers`.
    pub fn module(&self) -> String {
        snake_case(&self.title)
    }
}

/// The spec's `x-tagGroups`, in spec order.
pub fn areas(spec: &Spec) -> Vec<Area> {
    items(&spec.root["x-tagGroups"])
        .iter()
        .map(|group| Area {
            title: text(&group["name"]).to_owned(),
            tags: items(&group["tags"]).iter().map(|t| text(t).to_owned()).collect(),
        })
        .collect()
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Path,
    Query,
    Header,
}

/// A parameter's Rust value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    /// An `i32`, as today's `limit`.
    Integer,
    Boolean,
    /// A `Vec<String>`; `explode: false` joins the values with commas.
    List {
        explode: bool,
    },
}

impl ParamType {
    pub fn rust(self) -> &'static str {
        match self {
            ParamType::String => "String",
            ParamType::Integer => "i32",
            ParamType::Boolean => "bool",
            ParamType::List { .. } => "Vec<String>",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub wire: String,
    pub location: Location,
    pub required: bool,
    pub ty: ParamType,
    pub description: String,
}

impl Param {
    pub fn ident(&self) -> String {
        field_ident(&self.wire)
    }
}

#[derive(Debug, Clone)]
pub struct Body {
    /// The body's type (`TypeRef::Json` for a form, whose parts have their own).
    pub ty: TypeRef,
    pub required: bool,
    pub content_type: String,
    /// Every media type the spec offers for the body.
    pub offered: Vec<String>,
    pub kind: BodyKind,
}

/// How a body goes on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyKind {
    Json,
    /// Not JSON: sent as its bytes (`#[endpoint(body, raw)]`).
    Raw,
    /// `multipart/form-data`: one `#[endpoint(part)]` field per property of the form's schema.
    Form(Vec<FormField>),
}

/// One property of a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    pub wire: String,
    pub required: bool,
    /// `format: binary`: a file, sent with its name and media type; else text.
    pub file: bool,
    pub description: String,
}

impl FormField {
    pub fn ident(&self) -> String {
        field_ident(&self.wire)
    }

    /// The field's type in the declaration.
    pub fn rust(&self) -> &'static str {
        if self.file { "crate::FileUpload" } else { "String" }
    }
}

/// What a success gives back.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// `204`, or a success without a JSON body.
    Empty,
    /// One JSON value.
    Json(TypeRef),
    /// Text of another media type (`text/xml`), asked for with `Accept` and read as a `String`.
    Text { media_type: String },
    /// A JSON array continued by `Link: rel="next"` (the operation takes `after`).
    LinkList(TypeRef),
    /// An object whose `items` property is the page, continued by `_links.next.href`.
    BodyList {
        wrapper: TypeRef,
        items: String,
        item: TypeRef,
    },
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    pub method: String,
    pub path: String,
    pub tag: String,
    pub summary: String,
    pub description: String,
    pub scopes: Vec<String>,
    pub lifecycle: String,
    /// Positional ones first, in argument order (path, required query, required header), then
    /// the optional ones in spec order.
    pub params: Vec<Param>,
    pub body: Option<Body>,
    pub response: Response,
    /// The success status of the example response.
    pub status: u16,
    /// The media types of the request body and of the success response.
    pub content_types: Vec<String>,
    /// `security: []`: a public endpoint, sent without credentials.
    pub public: bool,
}

impl Operation {
    /// The client method: snake_case of the operation id, or the hand-chosen name.
    pub fn method_name(&self) -> String {
        overrides::method_name(&self.id).map_or_else(|| snake_case(&self.id), str::to_owned)
    }

    /// The declaration's struct: the method in PascalCase.
    pub fn struct_name(&self) -> String {
        crate::naming::pascal_case(&self.method_name())
    }

    /// `METHOD /path/{}/x`: the key two declarations share when they are the same endpoint.
    pub fn key(&self) -> String {
        endpoint_key(&self.method, &self.path)
    }

    /// Positional parameters, in argument order.
    pub fn positional(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|p| p.required)
    }
}

/// `GET /api/v1/users/{id}` and `GET /api/v1/users/{userId}` are the same endpoint.
pub fn endpoint_key(method: &str, path: &str) -> String {
    let mut key = format!("{} ", method.to_ascii_uppercase());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                key.push_str("{}");
            }
            '}' => in_param = false,
            _ if in_param => {}
            c => key.push(c),
        }
    }
    key
}

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch", "head", "options"];

/// Every operation of the spec, in spec order, skipping none.
pub fn operations(spec: &Spec, types: &TypeMap) -> Result<Vec<Operation>, String> {
    let mut out = Vec::new();
    for (path, item) in entries(&spec.root["paths"]) {
        for (method, op) in entries(item) {
            if !METHODS.contains(&method) {
                continue;
            }
            out.push(operation(spec, types, path, method, item, op)?);
        }
    }
    Ok(out)
}

fn operation(
    spec: &Spec,
    types: &TypeMap,
    path: &str,
    method: &str,
    item: &Yaml,
    op: &Yaml,
) -> Result<Operation, String> {
    let id = text(&op["operationId"]).to_owned();
    if id.is_empty() {
        return Err(format!("{method} {path} has no operationId"));
    }
    let mut params = Vec::new();
    // Path-level parameters first; an operation-level one of the same name and place wins.
    let all: Vec<&Yaml> = items(&item["parameters"])
        .iter()
        .chain(items(&op["parameters"]))
        .map(|p| spec.resolve(p))
        .collect();
    for (i, p) in all.iter().enumerate() {
        let (name, location) = (text(&p["name"]), text(&p["in"]));
        let shadowed = all[i + 1..]
            .iter()
            .any(|q| text(&q["name"]) == name && text(&q["in"]) == location);
        if shadowed || location == "cookie" {
            continue;
        }
        let location = match location {
            "path" => Location::Path,
            "query" => Location::Query,
            "header" => Location::Header,
            other => return Err(format!("{id}: parameter {name} is in {other}")),
        };
        let schema = spec.resolve(&p["schema"]);
        let ty = match text(&schema["type"]) {
            "integer" => ParamType::Integer,
            "boolean" => ParamType::Boolean,
            "array" => ParamType::List {
                explode: p["explode"].as_bool().unwrap_or(text(&p["style"]) != "simple"),
            },
            _ => ParamType::String,
        };
        params.push(Param {
            wire: name.to_owned(),
            location,
            required: location == Location::Path || p["required"].as_bool().unwrap_or(false),
            ty,
            description: text(&p["description"]).to_owned(),
        });
    }
    // Path parameters in the order the path names them.
    let order = |p: &Param| path.find(&format!("{{{}}}", p.wire)).unwrap_or(usize::MAX);
    let rank = |p: &Param| match (p.location, p.required) {
        (Location::Path, _) => 0,
        (Location::Query, true) => 1,
        (Location::Header, true) => 2,
        _ => 3,
    };
    params.sort_by_key(|p| (rank(p), if p.location == Location::Path { order(p) } else { 0 }));

    let body = request_body(spec, types, op);
    let (response, status) = response(spec, types, op, &params);
    let scopes = items(&op["security"])
        .iter()
        .flat_map(|s| items(&s["oauth2"]))
        .filter_map(|s| s.as_str().map(str::to_owned))
        .collect();
    Ok(Operation {
        id,
        method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        tag: items(&op["tags"])
            .first()
            .map(|t| text(t).to_owned())
            .unwrap_or_default(),
        summary: text(&op["summary"]).to_owned(),
        description: text(&op["description"]).to_owned(),
        scopes,
        lifecycle: text(&op["x-okta-lifecycle"]["lifecycle"]).to_owned(),
        params,
        body,
        response,
        status,
        content_types: content_types(spec, op),
        public: op["security"].as_vec().is_some_and(Vec::is_empty),
    })
}

fn request_body(spec: &Spec, types: &TypeMap, op: &Yaml) -> Option<Body> {
    let body = spec.resolve(&op["requestBody"]);
    let offered: Vec<&str> = entries(&body["content"]).map(|(ct, _)| ct).collect();
    let content_type = overrides::body_media_type(&offered)?;
    let schema = &body["content"][content_type]["schema"];
    let required = body["required"].as_bool().unwrap_or(false);
    if content_type == "multipart/form-data" {
        let schema = spec.resolve(schema);
        let wanted: Vec<&str> = items(&schema["required"]).iter().filter_map(|r| r.as_str()).collect();
        let fields = entries(&schema["properties"])
            .map(|(wire, property)| {
                let property = spec.resolve(property);
                FormField {
                    wire: wire.to_owned(),
                    required: wanted.contains(&wire),
                    file: text(&property["format"]) == "binary",
                    description: text(&property["description"]).to_owned(),
                }
            })
            .collect();
        return Some(Body {
            ty: TypeRef::Json,
            required,
            content_type: content_type.to_owned(),
            offered: offered.iter().map(|ct| (*ct).to_owned()).collect(),
            kind: BodyKind::Form(fields),
        });
    }
    let raw = !content_type.contains("json");
    let ty = match text(&spec.resolve(schema)["format"]) {
        "binary" if raw => TypeRef::Bytes,
        _ if raw => TypeRef::String,
        _ => types.of(schema),
    };
    Some(Body {
        ty,
        required,
        content_type: content_type.to_owned(),
        offered: offered.iter().map(|ct| (*ct).to_owned()).collect(),
        kind: if raw { BodyKind::Raw } else { BodyKind::Json },
    })
}

fn response(spec: &Spec, types: &TypeMap, op: &Yaml, params: &[Param]) -> (Response, u16) {
    let Some((code, resp)) = entries(&op["responses"]).find(|(code, _)| code.starts_with('2')) else {
        return (Response::Empty, 200);
    };
    let status = code.parse().unwrap_or(200);
    let resp = spec.resolve(resp);
    let Some(media) = entries(&resp["content"])
        .find(|(ct, _)| ct.contains("json"))
        .map(|(_, m)| m)
    else {
        // A document of another type (SAML metadata as `text/xml`) is text.
        return match entries(&resp["content"]).next() {
            Some((ct, m)) if text(&spec.resolve(&m["schema"])["type"]) == "string" => (
                Response::Text {
                    media_type: ct.to_owned(),
                },
                status,
            ),
            _ => (Response::Empty, status),
        };
    };
    let schema = &media["schema"];
    let takes_after = params
        .iter()
        .any(|p| p.wire == "after" && p.location == Location::Query);
    let resolved = spec.resolve(schema);
    if text(&resolved["type"]) == "array" && takes_after {
        return (Response::LinkList(types.of(&resolved["items"])), status);
    }
    if takes_after && !resolved["properties"]["_links"].is_badvalue() {
        let list = entries(&resolved["properties"]).find(|(_, p)| text(&spec.resolve(p)["type"]) == "array");
        if let Some((name, prop)) = list {
            let item = types.of(&spec.resolve(prop)["items"]);
            return (
                Response::BodyList {
                    wrapper: types.of(schema),
                    items: name.to_owned(),
                    item,
                },
                status,
            );
        }
    }
    if schema.is_badvalue() {
        return (Response::Empty, status);
    }
    (Response::Json(types.of(schema)), status)
}

fn content_types(spec: &Spec, op: &Yaml) -> Vec<String> {
    let body = entries(&spec.resolve(&op["requestBody"])["content"]).map(|(ct, _)| ct.to_owned());
    // A response offered as JSON and as something else (a CSR as PKCS#10) is asked for as JSON.
    let success = entries(&op["responses"])
        .filter(|(code, _)| code.starts_with('2'))
        .flat_map(|(_, r)| {
            let offered: Vec<String> = entries(&spec.resolve(r)["content"])
                .map(|(ct, _)| ct.to_owned())
                .collect();
            let json: Vec<String> = offered.iter().filter(|ct| ct.contains("json")).cloned().collect();
            if json.is_empty() { offered } else { json }
        });
    body.chain(success).collect()
}
