//! Walls: pages that stand between the crawler and the market instead of being part of it — a
//! login form, a CAPTCHA, a DDoS-protection queue, a "down / seized" banner.
//!
//! A wall page is small: it has a handful of links and little text, because its whole point is to
//! stop you. Every rule below therefore needs both a cue (a phrase, a password field, a captcha
//! input) and a small page, or the cue in the page's title or main heading. Normal market pages,
//! which mention "captcha" in a login sidebar or "seized" in a vendor's terms, stay clear.

use super::links::{canonical_url, re, refresh_target, resolve, sel};
use super::text::inline_text;
use super::{Wall, WallKind};
use regex::Regex;
use scraper::{Html, Selector};
use std::sync::OnceLock;
use url::Url;

/// Most links a wall page has.
const WALL_MAX_LINKS: usize = 25;
/// Most visible characters a wall page has.
const WALL_MAX_TEXT: usize = 3000;

struct Cues {
    down: Regex,
    queue: Regex,
    captcha_text: Regex,
    login_text: Regex,
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| Cues {
        down: re(r"(?i)(this (hidden )?(site|service|domain|market(place)?) has been seized|has been seized by|seized by (the )?(fbi|police|bka|europol|dea|law enforcement)|down for maintenance|(under|undergoing|scheduled) maintenance|temporarily (unavailable|offline|down)|(market|site|server) is (currently )?(down|offline)|we('| a)re (currently )?(down|offline)|be back (soon|shortly|online))"),
        queue: re(r"(?i)(you are (now )?in (the )?queue|your (position|place) in (the )?queue|queue position|position in queue|waiting (room|queue)|endgame|please wait while we (verify|check)|checking your (browser|connection)|ddos[- ]?(protection|guard|filter)|anti[- ]?ddos|you will be (automatically )?redirected|this (page|process) is automatic)"),
        captcha_text: re(r"(?i)(captcha|enter the (characters|code|letters|text)|type the (characters|code|letters)|solve the (puzzle|challenge)|i am not a robot|i'm not a robot|prove (that )?you are (a )?human|security check|verify you are human)"),
        login_text: re(r"(?i)(log ?in|sign ?in|password|username|register|create an account)"),
    })
}

/// Detects a wall on a parsed page (`base`: the URL its relative links resolve against; `page`: its
/// canonical URL); `None` for ordinary pages.
pub(crate) fn detect(doc: &Html, base: &Url, page: &Url) -> Option<Wall> {
    let c = cues();
    static TITLE: OnceLock<Selector> = OnceLock::new();
    static HEADS: OnceLock<Selector> = OnceLock::new();
    static LINKS: OnceLock<Selector> = OnceLock::new();
    static BODY: OnceLock<Selector> = OnceLock::new();
    let title: String = doc
        .select(TITLE.get_or_init(|| sel("title")))
        .next()
        .map(inline_text)
        .unwrap_or_default();
    let heads: Vec<String> = doc
        .select(HEADS.get_or_init(|| sel("h1, h2, h3")))
        .take(3)
        .map(inline_text)
        .collect();
    let head_text = std::iter::once(title.clone())
        .chain(heads)
        .collect::<Vec<_>>()
        .join(" | ");
    let body_text = doc
        .select(BODY.get_or_init(|| sel("body")))
        .next()
        .map(inline_text)
        .unwrap_or_default();
    let links = doc.select(LINKS.get_or_init(|| sel("a[href]"))).count();
    let small = links <= WALL_MAX_LINKS && body_text.chars().count() <= WALL_MAX_TEXT;
    let find = |r: &Regex| -> Option<String> {
        r.find(&head_text)
            .or_else(|| if small { r.find(&body_text) } else { None })
            .map(|m| m.as_str().to_string())
    };

    if let Some(e) = find(&c.down) {
        return Some(Wall {
            kind: WallKind::Down,
            evidence: e,
        });
    }
    let refresh = refreshes_itself(doc, base, page);
    if let Some(e) = find(&c.queue) {
        return Some(Wall {
            kind: WallKind::Queue,
            evidence: e,
        });
    }
    // A login or captcha wall has nothing for sale on it.
    let priced = count_prices(&body_text, 2);
    let bare = small && priced < 2;
    let password = has_password_form(doc);
    let captcha_input = has_captcha_element(doc);
    if password && bare {
        let e = c
            .login_text
            .find(&head_text)
            .or_else(|| c.login_text.find(&body_text))
            .map(|m| m.as_str().to_string())
            .unwrap_or_else(|| "password field".to_string());
        return Some(Wall {
            kind: WallKind::Login,
            evidence: e,
        });
    }
    if captcha_input && bare {
        let e = c
            .captcha_text
            .find(&body_text)
            .map(|m| m.as_str().to_string())
            .unwrap_or_else(|| "captcha input".to_string());
        return Some(Wall {
            kind: WallKind::Captcha,
            evidence: e,
        });
    }
    if let Some(e) = find(&c.captcha_text) {
        if bare {
            return Some(Wall {
                kind: WallKind::Captcha,
                evidence: e,
            });
        }
    }
    // A page with almost nothing on it that reloads itself is a queue. One that refreshes to another
    // URL is a redirect: the extractor follows it (same market) or the engine refuses it.
    if refresh && links <= 3 && body_text.chars().count() <= 600 {
        return Some(Wall {
            kind: WallKind::Queue,
            evidence: "auto-refreshing page with no content".to_string(),
        });
    }
    None
}

/// How many amounts-with-currency the text holds, counting up to `max`.
fn count_prices(text: &str, max: usize) -> usize {
    let mut rest = text;
    let mut n = 0;
    while n < max {
        match armswatch_core::price::find_price(rest) {
            Some((_, span)) => {
                n += 1;
                rest = &rest[span.end..];
            }
            None => break,
        }
    }
    n
}

/// A `<meta http-equiv="refresh">` without a URL, or with the page's own URL (any query: queue
/// pages reload themselves with a ticket).
fn refreshes_itself(doc: &Html, base: &Url, page: &Url) -> bool {
    static S: OnceLock<Selector> = OnceLock::new();
    doc.select(S.get_or_init(|| sel("meta[http-equiv]")))
        .filter(|m| {
            m.attr("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
        })
        .any(|m| {
            match refresh_target(m.attr("content").unwrap_or_default())
                .and_then(|t| resolve(base, &t))
            {
                None => true,
                Some(t) => {
                    let t = canonical_url(&t);
                    t.host_str() == page.host_str()
                        && t.port_or_known_default() == page.port_or_known_default()
                        && t.path() == page.path()
                }
            }
        })
}

fn has_password_form(doc: &Html) -> bool {
    static S: OnceLock<Selector> = OnceLock::new();
    doc.select(S.get_or_init(|| sel("input[type=password i]")))
        .next()
        .is_some()
}

fn has_captcha_element(doc: &Html) -> bool {
    static S: OnceLock<Selector> = OnceLock::new();
    doc.select(S.get_or_init(|| sel("input, img, div, iframe, label")))
        .any(|el| {
            let v = el.value();
            ["name", "id", "class", "src", "alt", "for", "placeholder"]
                .iter()
                .filter_map(|a| v.attr(a))
                .any(|s| s.to_ascii_lowercase().contains("captcha"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wall(html: &str) -> Option<WallKind> {
        let page = Url::parse("http://market.onion/queue").unwrap();
        detect(&Html::parse_document(html), &page, &page).map(|w| w.kind)
    }

    #[test]
    fn small_login_form_is_a_login_wall() {
        assert_eq!(
            wall("<title>Login</title><form><input name=u><input type=password name=p><button>Sign in</button></form>"),
            Some(WallKind::Login)
        );
    }

    #[test]
    fn captcha_in_a_big_page_is_not_a_wall() {
        let mut html = String::from("<title>Market - Guns</title><img src=/captcha.png>");
        for i in 0..60 {
            html.push_str(&format!("<a href=/product/{i}>Item {i}</a> USD {i}.00<br>"));
        }
        assert_eq!(wall(&html), None);
    }

    #[test]
    fn seized_banner_in_heading() {
        assert_eq!(
            wall("<h1>This hidden site has been seized</h1>"),
            Some(WallKind::Down)
        );
    }

    #[test]
    fn bare_refresh_page_is_a_queue() {
        assert_eq!(
            wall("<meta http-equiv=refresh content=5><p>One moment.</p>"),
            Some(WallKind::Queue)
        );
        assert_eq!(
            wall("<meta http-equiv=refresh content='10; url=/queue?ticket=8'><p>Wait.</p>"),
            Some(WallKind::Queue)
        );
    }

    #[test]
    fn refresh_to_another_page_is_a_redirect_not_a_queue() {
        // Guards against a redirect page (to the market's home, or to a clearnet mirror list that
        // the engine refuses) stopping the whole crawl as a queue wall.
        for html in [
            "<meta http-equiv=refresh content='0; url=/home'><p>Redirecting...</p>",
            "<meta http-equiv=refresh content='0; url=http://mirrors.example/list'><p>Moved.</p>",
        ] {
            assert_eq!(wall(html), None, "{html}");
        }
    }
}
