//! `armswatch crawl`: a crawl plan from the profile and flags, then the shared crawl-classify-store
//! pipeline ([`crate::pipeline`]), then the summary.

use crate::app;
use crate::cli::{CrawlArgs, GlobalArgs};
use crate::pipeline::{self, CrawlPlan, CrawlReport, PlanOptions};
use anyhow::Result;
use armswatch_crawler::profile::Profile;
use armswatch_store::Store;
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

/// Prints a crawl summary on stdout.
pub fn print_report(r: &CrawlReport, json: bool) -> Result<()> {
    use crate::output::sanitize;
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let s = &r.summary;
    if json {
        let v = serde_json::json!({
            "market": r.market.as_str(),
            "run": r.run_id,
            "resumed": r.resumed,
            "pages_fetched": s.pages_fetched,
            "pages_failed": s.pages_failed,
            "listings_new": s.listings_new,
            "listings_changed": s.listings_changed,
            "listings_unchanged": s.listings_unchanged,
            "refused": s.refused,
            "depth_limited": s.depth_limited,
            "pagination_limited": s.pagination_limited,
            "pattern_limited": s.pattern_limited,
            "redirect_limited": s.redirect_limited,
            "links_capped": s.links_capped,
            "pages_ok": s.pages_ok,
            "panics": s.panics,
            "down": s.down,
            "classified": r.classified,
            "flagged": r.flagged,
            "wall": s.wall,
            "budget_exhausted": s.budget_exhausted,
            "errors": s.errors,
        });
        writeln!(out, "{v}")?;
        return Ok(());
    }
    writeln!(
        out,
        "market {}  run {}{}",
        r.market,
        r.run_id,
        if r.resumed { " (resumed)" } else { "" }
    )?;
    writeln!(out, "  pages fetched      {}", s.pages_fetched)?;
    writeln!(out, "  pages failed       {}", s.pages_failed)?;
    writeln!(
        out,
        "  listings           {} new, {} changed, {} unchanged",
        s.listings_new, s.listings_changed, s.listings_unchanged
    )?;
    writeln!(
        out,
        "  classified         {} ({} flagged)",
        r.classified, r.flagged
    )?;
    writeln!(out, "  refused URLs       {}", s.refused)?;
    if let Some(w) = &s.wall {
        writeln!(out, "  stopped by a wall  {}", sanitize(w))?;
    }
    if s.depth_limited > 0 {
        writeln!(
            out,
            "  not followed       {} URLs deeper than max_depth (raise [rate] max_depth)",
            s.depth_limited
        )?;
    }
    if s.pagination_limited > 0 {
        writeln!(
            out,
            "  not followed       {} URLs past max_pagination_depth (raise [rate] max_pagination_depth)",
            s.pagination_limited
        )?;
    }
    if s.pattern_limited > 0 {
        writeln!(
            out,
            "  not followed       {} index pages past max_pages_per_pattern (raise [rate] max_pages_per_pattern)",
            s.pattern_limited
        )?;
    }
    if s.redirect_limited > 0 {
        writeln!(
            out,
            "  not followed       {} meta refreshes past the redirect cap",
            s.redirect_limited
        )?;
    }
    if s.links_capped > 0 {
        writeln!(
            out,
            "  not followed       {} links past max_links_per_page (raise [rate] max_links_per_page)",
            s.links_capped
        )?;
    }
    if s.panics > 0 {
        writeln!(
            out,
            "  internal errors    {} pages (logged with their URL, marked failed)",
            s.panics
        )?;
    }
    if let Some(d) = &s.down {
        writeln!(out, "  market down        {}", sanitize(d))?;
    }
    if s.budget_exhausted {
        writeln!(out, "  page budget spent; run again to continue")?;
    }
    for e in &s.errors {
        writeln!(out, "  error: {}", sanitize(e))?;
    }
    Ok(())
}

/// `armswatch crawl`.
pub fn run(g: &GlobalArgs, a: CrawlArgs) -> Result<ExitCode> {
    let plan = plan_from_args(&a)?;
    let model = app::load_model(g)?;
    let store = Arc::new(Store::open(&a.db)?);
    let rt = app::runtime()?;
    let report = rt.block_on(async {
        let arti_dir = app::data_dir(g)?.join("arti");
        let transport = pipeline::build_transport(
            &plan.transport,
            arti_dir,
            a.arti_config.clone(),
            a.fresh_circuits,
        )
        .await?;
        pipeline::crawl_market(store, transport, &plan, &model).await
    })?;
    print_report(&report, a.json)?;
    Ok(exit_code(&report))
}

/// 1 when no page of the market answered (the market is marked down), else success.
pub fn exit_code(report: &CrawlReport) -> ExitCode {
    if report.reached_market() {
        return ExitCode::SUCCESS;
    }
    eprintln!(
        "armswatch: no page of market {} answered; it is marked down ({})",
        report.market,
        crate::output::sanitize(
            report
                .summary
                .errors
                .first()
                .map(String::as_str)
                .unwrap_or("nothing was fetched")
        )
    );
    ExitCode::from(1)
}
