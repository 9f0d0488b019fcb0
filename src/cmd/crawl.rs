//! `armswatch crawl`: a crawl plan from the profile and flags, then the shared crawl-classify-store
//! pipeline ([`crate::pipeline`]), then the summary.

use crate::app;
use crate::cli::{CrawlArgs, GlobalArgs};
use crate::pipeline::{self, CrawlPlan, PlanOptions};
use anyhow::Result;
use armswatch_crawler::profile::Profile;
use std::process::ExitCode;
use std::sync::Arc;

/// The options `armswatch crawl` sets over the profile.
pub fn plan_options(a: &CrawlArgs) -> PlanOptions {
    PlanOptions {
        tor: a.tor.clone(),
        timeout_secs: a.timeout_secs,
        max_pages: a.max_pages,
        concurrency: a.concurrency,
        restart: a.restart,
        vanish_after: a.vanish_after,
    }
}

/// Builds the plan from the command line.
pub fn plan_from_args(a: &CrawlArgs) -> Result<CrawlPlan> {
    let profile = match &a.profile {
        Some(p) => Some(Arc::new(Profile::load(p)?)),
        None => None,
    };
    CrawlPlan::new(profile, a.base_url.as_deref(), &a.start, &plan_options(a))
}

/// `armswatch crawl`.
pub fn run(g: &GlobalArgs, a: CrawlArgs) -> Result<ExitCode> {
    let plan = plan_from_args(&a)?;
    let model = app::load_model(g)?;
    let store = a.db.open_crawl()?;
    let rt = app::runtime()?;
    let report = rt.block_on(async {
        let arti_dir = app::data_dir(g)?.join("arti");
        let transport = pipeline::build_transport(
            &plan.transport,
            arti_dir,
            a.arti_config.clone(),
            a.fresh_circuits,
            !a.no_keep_alive,
            a.max_pow_effort,
        )
        .await?;
        pipeline::crawl_market(store, transport, &plan, &model).await
    })?;
    report.print(a.json)?;
    Ok(report.exit_code())
}
