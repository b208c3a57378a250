//! Doc comments on the struct and its fields become the docs of the generated items, so a public
//! endpoint compiles under `#![deny(missing_docs)]`.
#![deny(missing_docs, warnings)]

/// Endpoints of this crate.
pub mod endpoints {
    use okta::AsClient;

    /// The crate's client.
    pub struct MyClient {
        inner: okta::Client,
    }

    impl AsClient for MyClient {
        fn as_client(&self) -> &okta::CoreClient {
            self.inner.as_client()
        }
    }

    impl MyClient {
        /// Wraps a client.
        pub fn new(inner: okta::Client) -> Self {
            MyClient { inner }
        }
    }

    /// Lists the users of a group.
    ///
    /// ```no_run
    /// // An example: kept on the struct, not copied onto the generated method.
    /// ```
    #[derive(okta::Endpoint)]
    #[endpoint(GET "/api/v1/groups/{groupId}/users", response = serde_json::Value, paginated, call = MyClient::list_group_users)]
    pub struct ListGroupUsers {
        /// The group.
        #[endpoint(path)]
        group_id: String,
        /// At most this many users per page.
        #[endpoint(query)]
        limit: Option<u32>,
        #[endpoint(query)]
        after: Option<String>,
    }
}

fn main() {
    let client = okta::Client::builder()
        .org_url("http://127.0.0.1:9")
        .api_token("00abc")
        .build()
        .expect("client");
    let client = endpoints::MyClient::new(client);
    let call = client.list_group_users("00g1").limit(2u32).after("x");
    let _ = call.endpoint();
    let _ = endpoints::ListGroupUsers::new("00g1").limit(1u32).after("y");
}
