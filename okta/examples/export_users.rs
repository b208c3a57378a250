//! Export every user to JSON Lines, with a progress bar and a cursor file to resume from.
//!
//! `cargo run -p okta-sdk --example export_users -- users.jsonl`
//!
//! Each page is written and flushed before its cursor is saved to `users.jsonl.cursor`, so an
//! interrupted export (a crash, Ctrl-C, a deadline) resumes where it stopped on the next run,
//! neither losing nor repeating a user. A finished export removes the cursor file.

mod support;

use std::fs::{self, OpenOptions};
use std::io::{BufWriter, Write};

use futures::TryStreamExt;
use indicatif::{ProgressBar, ProgressStyle};

#[tokio::main]
async fn main() -> Result<(), support::Report> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "users.jsonl".to_owned());
    let cursor_file = format!("{out}.cursor");
    let (client, _stand_in) = support::client_or_stand_in(1_234).await?;

    let resume = fs::read_to_string(&cursor_file)
        .ok()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let mut list = client.list_users().limit(200);
    if let Some(cursor) = &resume {
        eprintln!("resuming after cursor {cursor}");
        list = list.after(cursor.as_str());
    } else {
        // A fresh export starts a fresh file.
        let _ = fs::remove_file(&out);
    }
    let file = OpenOptions::new().create(true).append(true).open(&out)?;
    let mut writer = BufWriter::new(file);

    let progress = ProgressBar::new_spinner();
    progress.set_style(ProgressStyle::with_template(
        "{spinner} {pos} users exported ({per_sec}) {msg}",
    )?);
    let mut pages = list.pages();
    while let Some(page) = pages.try_next().await? {
        for user in &page {
            serde_json::to_writer(&mut writer, user)?;
            writer.write_all(b"\n")?;
        }
        writer.flush()?;
        progress.inc(page.len() as u64);
        match page.next_cursor() {
            Some(cursor) => fs::write(&cursor_file, cursor)?,
            None => {
                let _ = fs::remove_file(&cursor_file);
            }
        }
        if let Some(remaining) = page.rate_limit().remaining {
            progress.set_message(format!("rate limit: {remaining} left in this window"));
        }
    }
    progress.finish();
    eprintln!("wrote {}", out);
    Ok(())
}
