//! Linking vendors across markets. Two vendors on different markets are linked *strongly* when they
//! share a PGP fingerprint or a crypto-currency address (control of one key or wallet), *weakly*
//! when they share an exact contact handle, or have near-identical names and a shared listing text.
//! Every link carries its evidence.
//!
//! An entity that one market shows with three or more of its vendors is the market's own (its
//! escrow address, its PGP key in a footer) and links nobody.

use crate::{EntityKind, LinkStrength, MarketId};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A vendor: a name on a market.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct VendorKey {
    pub market: MarketId,
    pub name: String,
}

impl std::fmt::Display for VendorKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.name, self.market)
    }
}

/// An entity seen with a vendor, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorEntity {
    pub vendor: VendorKey,
    pub kind: EntityKind,
    pub value: String,
    /// The listing or profile page it was found on.
    pub url: String,
}

/// A listing's text by a vendor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorText {
    pub vendor: VendorKey,
    pub listing_url: String,
    /// Title and description.
    pub text: String,
}

/// One reason two vendors are linked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LinkEvidence {
    pub strength: LinkStrength,
    /// The entity kind shared (`pgp_fingerprint`, `bitcoin`, `telegram`, ...) or `name_and_text`.
    pub kind: String,
    /// The shared value (for `name_and_text`: the two names).
    pub value: String,
    /// Where each side shows it: a URL on the first vendor's market and one on the second's.
    pub a_url: String,
    pub b_url: String,
}

/// Two vendors on different markets that are likely one seller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VendorLink {
    pub a: VendorKey,
    pub b: VendorKey,
    /// The strongest evidence's strength.
    pub strength: LinkStrength,
    pub evidence: Vec<LinkEvidence>,
}

/// Vendors of one market sharing an entity with at least this many others make it the market's own.
const MARKET_CHROME_VENDORS: usize = 3;
/// Word 3-gram Jaccard similarity at which two listing texts are "shared".
const SHARED_TEXT_JACCARD: f64 = 0.7;
/// Shortest text (words) compared for sharing; shorter texts are too generic.
const MIN_TEXT_WORDS: usize = 8;

/// Where one entity was seen: market -> vendor name -> first URL.
type Seen<'a> = BTreeMap<&'a MarketId, BTreeMap<&'a str, &'a str>>;

/// Links vendors on different markets; one link per pair, strongest first, then by names.
pub fn link_vendors(entities: &[VendorEntity], texts: &[VendorText]) -> Vec<VendorLink> {
    let mut evidence: BTreeMap<(VendorKey, VendorKey), BTreeSet<LinkEvidence>> = BTreeMap::new();

    let mut by_entity: BTreeMap<(EntityKind, &str), Seen<'_>> = BTreeMap::new();
    for e in entities {
        if e.kind.link_strength().is_none() {
            continue;
        }
        by_entity
            .entry((e.kind, e.value.as_str()))
            .or_default()
            .entry(&e.vendor.market)
            .or_default()
            .entry(e.vendor.name.as_str())
            .or_insert(e.url.as_str());
    }
    for ((kind, value), markets) in &by_entity {
        let Some(strength) = kind.link_strength() else {
            continue;
        };
        let vendors: Vec<(VendorKey, &str)> = markets
            .iter()
            .filter(|(_, vs)| vs.len() < MARKET_CHROME_VENDORS)
            .flat_map(|(m, vs)| {
                vs.iter().map(|(n, u)| {
                    (
                        VendorKey {
                            market: (*m).clone(),
                            name: n.to_string(),
                        },
                        *u,
                    )
                })
            })
            .collect();
        for (i, (a, au)) in vendors.iter().enumerate() {
            for (b, bu) in &vendors[i + 1..] {
                if a.market == b.market {
                    continue;
                }
                evidence
                    .entry((a.clone(), b.clone()))
                    .or_default()
                    .insert(LinkEvidence {
                        strength,
                        kind: kind.as_str().to_string(),
                        value: value.to_string(),
                        a_url: au.to_string(),
                        b_url: bu.to_string(),
                    });
            }
        }
    }

    // Near-identical names with a shared listing text.
    let mut by_vendor: BTreeMap<&VendorKey, Vec<(&str, BTreeSet<String>)>> = BTreeMap::new();
    for t in texts {
        let sh = shingles(&t.text);
        if !sh.is_empty() {
            by_vendor
                .entry(&t.vendor)
                .or_default()
                .push((t.listing_url.as_str(), sh));
        }
    }
    let vendors: Vec<&VendorKey> = by_vendor.keys().copied().collect();
    for (i, a) in vendors.iter().enumerate() {
        let na = name_key(&a.name);
        for b in &vendors[i + 1..] {
            if a.market == b.market || !near_identical(&na, &name_key(&b.name)) {
                continue;
            }
            let shared = by_vendor[a].iter().find_map(|(au, sa)| {
                by_vendor[b]
                    .iter()
                    .find(|(_, sb)| jaccard(sa, sb) >= SHARED_TEXT_JACCARD)
                    .map(|(bu, _)| (*au, *bu))
            });
            if let Some((au, bu)) = shared {
                evidence
                    .entry(((*a).clone(), (*b).clone()))
                    .or_default()
                    .insert(LinkEvidence {
                        strength: LinkStrength::Weak,
                        kind: "name_and_text".into(),
                        value: format!("{} ~ {}", a.name, b.name),
                        a_url: au.to_string(),
                        b_url: bu.to_string(),
                    });
            }
        }
    }

    let mut links: Vec<VendorLink> = evidence
        .into_iter()
        .map(|((a, b), ev)| {
            let mut evidence: Vec<LinkEvidence> = ev.into_iter().collect();
            evidence.sort_by(|x, y| y.strength.cmp(&x.strength).then(x.cmp(y)));
            VendorLink {
                strength: evidence[0].strength,
                a,
                b,
                evidence,
            }
        })
        .collect();
    links.sort_by(|x, y| {
        y.strength
            .cmp(&x.strength)
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    links
}

/// A vendor name for comparison: lower-case letters and digits only.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Equal, or (for names of 5+ characters) one edit apart.
fn near_identical(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    a.chars().count().min(b.chars().count()) >= 5 && edit_distance(a, b) <= 1
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Word 3-grams of a text (lower-case words of letters and digits); empty for short texts.
fn shingles(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_TEXT_WORDS {
        return BTreeSet::new();
    }
    words.windows(3).map(|w| w.join(" ")).collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(m: &str, n: &str) -> VendorKey {
        VendorKey {
            market: MarketId(m.into()),
            name: n.into(),
        }
    }

    fn ent(m: &str, n: &str, kind: EntityKind, v: &str) -> VendorEntity {
        VendorEntity {
            vendor: key(m, n),
            kind,
            value: v.into(),
            url: format!("http://{m}/{n}"),
        }
    }

    const TEXT: &str =
        "Glock 19 gen 5 brand new in box with two magazines, shipped stealth from the EU";

    #[test]
    fn shared_key_or_wallet_links_strongly_handle_weakly() {
        // Guards: PGP fingerprint or address -> strong; handle only -> weak; same market -> none.
        let e = vec![
            ent("a", "Iron", EntityKind::PgpFingerprint, "F1"),
            ent("b", "Steel", EntityKind::PgpFingerprint, "F1"),
            ent("a", "Iron", EntityKind::Telegram, "ironman"),
            ent("b", "Steel", EntityKind::Telegram, "ironman"),
            ent("a", "Copper", EntityKind::Wickr, "cu"),
            ent("c", "Tin", EntityKind::Wickr, "cu"),
            ent("a", "Zinc", EntityKind::Bitcoin, "1X"),
            ent("a", "Lead", EntityKind::Bitcoin, "1X"),
        ];
        let links = link_vendors(&e, &[]);
        assert_eq!(links.len(), 2, "{links:?}");
        assert_eq!(links[0].strength, LinkStrength::Strong);
        assert_eq!(
            (links[0].a.clone(), links[0].b.clone()),
            (key("a", "Iron"), key("b", "Steel"))
        );
        assert_eq!(links[0].evidence.len(), 2);
        assert_eq!(links[0].evidence[0].kind, "pgp_fingerprint");
        assert_eq!(links[1].strength, LinkStrength::Weak);
        assert_eq!(links[1].evidence[0].value, "cu");
    }

    #[test]
    fn market_chrome_links_nobody() {
        // Guards: an address shown with three vendors of one market is that market's own.
        let mut e: Vec<_> = ["x", "y", "z"]
            .iter()
            .map(|n| ent("a", n, EntityKind::Bitcoin, "1ESCROW"))
            .collect();
        e.push(ent("b", "w", EntityKind::Bitcoin, "1ESCROW"));
        assert!(link_vendors(&e, &[]).is_empty());
    }

    #[test]
    fn near_identical_name_needs_shared_text() {
        // Guards: "Iron_Works" ~ "IronWork5" with the same listing text is a weak link; the same
        // names without shared text, or different names with it, are not.
        let t = |m: &str, n: &str, text: &str| VendorText {
            vendor: key(m, n),
            listing_url: format!("http://{m}/l"),
            text: text.into(),
        };
        let links = link_vendors(
            &[],
            &[
                t("a", "Iron_Works", TEXT),
                t("b", "IronWork5", &TEXT.to_uppercase()),
            ],
        );
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].strength, LinkStrength::Weak);
        assert_eq!(links[0].evidence[0].kind, "name_and_text");
        let other = "Remington 870 pump shotgun twelve gauge used good condition local pickup only";
        assert!(link_vendors(
            &[],
            &[t("a", "Iron_Works", TEXT), t("b", "IronWorks", other)]
        )
        .is_empty());
        assert!(
            link_vendors(&[], &[t("a", "Iron_Works", TEXT), t("b", "Copper", TEXT)]).is_empty()
        );
        assert!(near_identical("ironworks", "ironwork5") && !near_identical("ak47", "ak74"));
    }
}
