//! An in-process, stateful Okta org on 127.0.0.1.
