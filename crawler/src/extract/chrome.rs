//! The page structure the card finder leans on: *signature paths* (`div.list>div.row`, the
//! tag-and-class path from `<body>`, with zebra and state classes left out) that tell repeated
//! elements apart, and *page chrome* (header, navigation, menus, sidebars, account and wallet
//! widgets) whose priced links are not listings.

use ego_tree::NodeId;
use scraper::{ElementRef, Node};
use std::collections::{HashMap, HashSet};

/// Page chrome (header, navigation, menus, sidebars, account and wallet widgets) around cards, found once
/// per container. A container that holds half the page's links or more is the page itself (some
/// markets wrap everything in `<div class="header-wrapper">`), not chrome.
pub(crate) struct Chrome {
    anchors: HashSet<NodeId>,
    cache: HashMap<NodeId, bool>,
}

impl Chrome {
    /// `links`: every candidate link on the page.
    pub fn new(links: &HashSet<NodeId>) -> Chrome {
        Chrome {
            anchors: links.clone(),
            cache: HashMap::new(),
        }
    }

    /// The chrome container around `el`, described (`<div class="dropdown-menu">`).
    pub fn of(&mut self, el: ElementRef<'_>) -> Option<String> {
        for anc in el.ancestors().filter_map(ElementRef::wrap) {
            let Some(label) = chrome_label(anc) else {
                continue;
            };
            let total = self.anchors.len();
            let small = *self.cache.entry(anc.id()).or_insert_with(|| {
                let inside = anc
                    .descendants()
                    .filter(|n| self.anchors.contains(&n.id()))
                    .count();
                inside * 2 < total
            });
            if small {
                return Some(label);
            }
        }
        None
    }
}

/// `<nav>`, `<header>`, `<aside>`, ARIA navigation roles, and containers named like menus,
/// sidebars and widgets.
pub(crate) fn chrome_label(el: ElementRef<'_>) -> Option<String> {
    const WORDS: &[&str] = &[
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menubar",
        "submenu",
        "dropdown",
        "topbar",
        "header",
        "masthead",
        "wallet",
        "balance",
        "balances",
        "userbar",
        "usermenu",
        "account",
        "sidebar",
        "side",
        "widget",
    ];
    let v = el.value();
    let describe = || {
        let mut s = format!("<{}", v.name());
        for a in ["id", "class", "role"] {
            if let Some(x) = v.attr(a) {
                s.push_str(&format!(" {a}=\"{}\"", x.trim()));
            }
        }
        s.push('>');
        s
    };
    if matches!(v.name(), "nav" | "header" | "aside") {
        return Some(describe());
    }
    if v.attr("role").is_some_and(|r| {
        matches!(
            r.trim().to_ascii_lowercase().as_str(),
            "navigation" | "banner" | "menu" | "menubar"
        )
    }) {
        return Some(describe());
    }
    let named = v.attr("class").into_iter().chain(v.attr("id")).any(|s| {
        s.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| WORDS.contains(&w.to_ascii_lowercase().as_str()))
    });
    named.then(describe)
}

/// `div.card>div.row` style path from `<body>` down to the element, classes sorted and with
/// digits dropped (alternating `row1`/`row2`), used to tell repeated structures apart.
pub(crate) fn signature_path(el: ElementRef<'_>, body: NodeId) -> String {
    let mut parts: Vec<String> = Vec::new();
    for node in std::iter::once(*el).chain(el.ancestors()) {
        if node.id() == body {
            break;
        }
        if let Node::Element(e) = node.value() {
            let mut classes: Vec<String> = e
                .classes()
                .map(|c| {
                    c.chars()
                        .filter(|ch| !ch.is_ascii_digit())
                        .collect::<String>()
                })
                .filter(|c| !c.is_empty() && !is_state_class(c))
                .collect();
            classes.sort();
            classes.dedup();
            if classes.is_empty() {
                parts.push(e.name().to_string());
            } else {
                parts.push(format!("{}.{}", e.name(), classes.join(".")));
            }
        }
    }
    parts.reverse();
    parts.join(">")
}

/// Classes that vary between cards of one list: zebra striping, state, highlighting.
pub(crate) fn is_state_class(c: &str) -> bool {
    let c = c.to_ascii_lowercase();
    [
        "odd",
        "even",
        "alt",
        "gridrow",
        "gridalt",
        "active",
        "selected",
        "featured",
        "promoted",
        "highlight",
        "sponsored",
        "first",
        "last",
        "new",
        "hot",
        "sold",
    ]
    .iter()
    .any(|s| c == *s || c.ends_with(&format!("-{s}")) || c.ends_with(&format!("_{s}")))
}
