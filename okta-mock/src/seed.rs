//! Generated seed data: realistic users, groups and bookmark apps.

use serde_json::{Map, Value, json};

use crate::SEED_PASSWORD;
use crate::routes::users::insert_user;
use crate::routes::{insert_app, insert_group};
use crate::state::State;
use crate::status::UserStatus;

const FIRST: &[&str] = &[
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Margaret",
    "Linus",
    "Frances",
    "Dennis",
    "Radia",
    "Ken",
    "Hedy",
    "Tim",
    "Katherine",
    "John",
    "Sophie",
    "Niklaus",
    "Joan",
    "Bjarne",
    "Shafi",
    "Guido",
    "Adele",
    "Leslie",
    "Anita",
    "Vint",
    "Mary",
    "Whitfield",
    "Karen",
    "Robert",
];
const LAST: &[&str] = &[
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Hamilton",
    "Torvalds",
    "Allen",
    "Ritchie",
    "Perlman",
    "Thompson",
    "Lamarr",
    "Berners-Lee",
    "Johnson",
    "McCarthy",
    "Wilson",
    "Wirth",
    "Clarke",
    "Stroustrup",
    "Goldwasser",
    "van Rossum",
    "Goldberg",
    "Lamport",
    "Borg",
    "Cerf",
    "Keller",
    "Diffie",
    "Jones",
    "Kahn",
];
const DEPARTMENTS: &[&str] = &[
    "Engineering",
    "Sales",
    "Marketing",
    "Finance",
    "Support",
    "Operations",
    "Legal",
    "Design",
    "Research",
    "People",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("San Francisco", "CA", "94105"),
    ("New York", "NY", "10001"),
    ("Austin", "TX", "73301"),
    ("Seattle", "WA", "98101"),
    ("Chicago", "IL", "60601"),
    ("Boston", "MA", "02108"),
];
const APPS: &[(&str, &str)] = &[
    ("Company Wiki", "wiki"),
    ("Expense Reports", "expenses"),
    ("Team Calendar", "calendar"),
    ("Help Desk", "helpdesk"),
    ("Design Library", "design"),
    ("Payroll Portal", "payroll"),
];

fn pick<T: Copy>(list: &[T], i: usize) -> T {
    list[i % list.len()]
}

/// Adds `n` ACTIVE users with full profiles (about 1.4 KB of JSON each).
pub(crate) fn users(st: &mut State, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            st.seeded[0] += 1;
            let i = st.seeded[0];
            let (first, last) = (pick(FIRST, i), pick(LAST, i / FIRST.len() + i));
            let (city, state, zip) = pick(CITIES, i);
            let login = format!("{}.{}{i}@example.com", first.to_lowercase(), last.to_lowercase().replace([' ', '-'], ""));
            let profile: Map<String, Value> = json!({
                "firstName": first, "lastName": last, "displayName": format!("{first} {last}"),
                "login": login, "email": login, "secondEmail": null,
                "mobilePhone": format!("+1-415-555-{:04}", i % 10_000), "title": format!("{} Specialist", pick(DEPARTMENTS, i)),
                "department": pick(DEPARTMENTS, i), "employeeNumber": format!("{:06}", i), "locale": "en_US",
                "city": city, "state": state, "zipCode": zip, "countryCode": "US", "nickName": first,
                "primaryPhone": format!("+1-415-555-{:04}", (i + 5000) % 10_000), "organization": "Example Corp",
                "costCenter": format!("CC-{:03}", i % 1000), "streetAddress": format!("{} Market Street", 100 + i % 900),
                "division": "R&D", "userType": "Employee", "timezone": "America/Los_Angeles", "preferredLanguage": "en",
                "manager": "Mock Admin", "managerId": "00umockadmin00000000",
            })
            .as_object()
            .cloned()
            .unwrap_or_default();
            let question = ("What is the food you least liked as a child?".to_owned(), "broccoli".to_owned());
            insert_user(st, profile, Some(SEED_PASSWORD.to_owned()), Some(question), UserStatus::Active)
        })
        .collect()
}

/// Adds `n` OKTA_GROUP groups.
pub(crate) fn groups(st: &mut State, n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            st.seeded[1] += 1;
            let i = st.seeded[1];
            let dept = pick(DEPARTMENTS, i);
            let profile =
                json!({ "name": format!("{dept} {i}"), "description": format!("Everyone in {dept} (team {i})") });
            insert_group(st, profile.as_object().cloned().unwrap_or_default(), "OKTA_GROUP")
        })
        .collect()
}

/// Adds `n` ACTIVE bookmark apps.
pub(crate) fn apps(st: &mut State, n: usize) -> Vec<String> {
    (0..n)
        .filter_map(|_| {
            st.seeded[2] += 1;
            let i = st.seeded[2];
            let (label, host) = pick(APPS, i);
            let body = json!({
                "name": "bookmark", "label": format!("{label} {i}"), "signOnMode": "BOOKMARK",
                "settings": { "app": { "requestIntegration": false, "url": format!("https://{host}.example.com/{i}") } },
            });
            insert_app(st, &body, true).ok()
        })
        .collect()
}
