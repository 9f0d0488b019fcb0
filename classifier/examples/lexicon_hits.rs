//! Shows what the gun lexicon finds in each line of standard input (one title per line), for
//! checking the lexicon files: `echo "Ruger GP100 .357" | cargo run --example lexicon_hits`.

use armswatch_classifier::{text, Lexicon, LexiconSource};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lex = Lexicon::parse(&LexiconSource::builtin())?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let hits = lex.hits(&text::tokenize_unicode(&line));
        let shown: Vec<String> = hits
            .iter()
            .map(|(s, k)| format!("{s} [{}]", k.join(", ")))
            .collect();
        println!("{line}\n    {}", shown.join("; "));
    }
    Ok(())
}
