//! `armswatch demo`: the whole pipeline on the bundled demo market, served on 127.0.0.1.

use crate::app;
use crate::cli::{DemoArgs, GlobalArgs};
use crate::pipeline::{self, CrawlPlan, PlanOptions};
use anyhow::{Context, Result};
use armswatch_crawler::profile::Profile;
use armswatch_crawler::serve::StaticSite;
use armswatch_store::{FlaggedQuery, Store};
use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The demo market's pages, built into the binary.
static DEMO_SITE: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/demo/site");
/// The demo market's profile.
const DEMO_PROFILE: &str = include_str!("../../demo/profile.toml");

/// Writes the bundled demo site under `dir` (replacing an older copy) and returns its root.
pub fn unpack_site(dir: &Path) -> Result<PathBuf> {
    let root = dir.join("demo-site");
    if root.exists() {
        std::fs::remove_dir_all(&root).with_context(|| format!("removing {}", root.display()))?;
    }
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    DEMO_SITE
        .extract(&root)
        .with_context(|| format!("writing the demo site to {}", root.display()))?;
    Ok(root)
}

/// The demo market's profile.
pub fn profile() -> Result<Profile> {
    Ok(Profile::parse(
        DEMO_PROFILE,
        Path::new("demo/profile.toml"),
    )?)
}

/// Removes a database file and its WAL companions.
fn remove_db(path: &Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("removing {}", p.display()))?;
        }
    }
    Ok(())
}

/// `armswatch demo`.
pub fn run(g: &GlobalArgs, a: DemoArgs) -> Result<ExitCode> {
    let data = app::data_dir(g)?;
    let db = match &a.db {
        Some(p) => p.clone(),
        None => {
            let p = data.join("demo.db");
            remove_db(&p)?;
            p
        }
    };
    let model = app::load_model(g)?;
    let store = Arc::new(Store::open(&db)?);
    let site_dir = unpack_site(&data)?;
    let profile = Arc::new(profile()?);
    let rt = app::runtime()?;
    let report = if a.tor {
        rt.block_on(crate::cmd::demo_tor::crawl_over_tor(
            &data,
            site_dir,
            profile,
            store.clone(),
            &model,
        ))?
    } else {
        rt.block_on(async {
            let site = StaticSite::start(site_dir, 0).await?;
            eprintln!("demo market serving on {}", site.base_url());
            let plan = CrawlPlan::new(
                Some(profile),
                Some(&site.base_url()),
                &[],
                &PlanOptions::with_tor("direct"),
            )?;
            let transport = pipeline::build_transport(
                &plan.transport,
                data.join("arti"),
                None,
                false,
                true,
                None,
            )
            .await?;
            pipeline::crawl_market(store.clone(), transport, &plan, &model).await
        })?
    };
    if !a.json {
        report.print(false)?;
        println!();
    }
    let rows = store.flagged(&FlaggedQuery::default())?;
    crate::cmd::flagged::print_rows(&rows, a.json)?;
    if !a.json {
        println!();
        println!("database: {}", db.display());
        println!(
            "(explore it: armswatch flagged --db {} --json, armswatch status --db {})",
            db.display(),
            db.display()
        );
    }
    Ok(report.exit_code())
}
