use okta::Endpoint;

#[derive(Endpoint)]
#[endpoint(GET "/api/v1/users", response = (), paginated)]
struct ListUsers {
    #[endpoint(query)]
    after: Option<String>,
}

fn main() {}
