use crate::common::{Expected, org};
