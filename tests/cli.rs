//! The CLI contracts that other tools rely on: `classify` (JSONL in, same objects plus labels and
//! scores out), `eval`, `train` (reproducible, malformed rows named by line), clear errors.

mod common;

use common::{armswatch, armswatch_ok, repo};
use std::io::Write;
use std::process::{Command, Stdio};

fn classify_stdin(input: &str, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_armswatch"))
        .arg("classify")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Guards the classify contract: every input field unchanged, `labels` an array of label names,
/// `scores` a probability for each of the four labels; `--explain` adds `explain`.
#[test]
fn classify_keeps_fields_and_adds_labels_and_scores() {
    let input = concat!(
        r#"{"id": 7, "title": "Glock 19 Gen 5 pistol 9mm with 2 mags", "description": "clean, ships EU", "extra": {"k": [1, 2]}}"#,
        "\n",
        r#"{"title": "AK-47 auto feminized cannabis seeds x10"}"#,
        "\n"
    );
    let out = classify_stdin(input, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 7);
    assert_eq!(lines[0]["extra"]["k"][1], 2);
    assert_eq!(lines[0]["description"], "clean, ships EU");
    for l in &lines {
        let scores = l["scores"].as_object().unwrap();
        assert_eq!(scores.len(), 4);
        for name in ["firearm", "part", "ammunition", "design"] {
            let p = scores[name].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&p), "{name}: {p}");
        }
        assert!(l["labels"].is_array());
        assert!(l.get("explain").is_none());
    }
    assert!(lines[0]["labels"]
        .as_array()
        .unwrap()
        .contains(&"firearm".into()));
    assert!(
        lines[1]["labels"].as_array().unwrap().is_empty(),
        "{}",
        lines[1]
    );

    let out = classify_stdin(input, &["--explain"]);
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(!first["explain"]["firearm"].as_array().unwrap().is_empty());
}

/// Guards bad input to classify: a line that is not an object, or has no title, is named.
#[test]
fn classify_names_the_bad_line() {
    let out = classify_stdin("{\"title\": \"ok\"}\nnot json\n", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    let out = classify_stdin("{\"description\": \"no title\"}\n", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

/// Guards hole 7 (issue 13): a line past --max-line-bytes is refused with its line number, without
/// reading it whole, even when it is valid JSON; a line under the cap is classified.
#[test]
fn classify_refuses_an_oversized_line_by_number() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("big.jsonl");
    let big = format!("{{\"title\":\"{}\"}}", "glock ".repeat(400_000));
    std::fs::write(&file, format!("{{\"title\":\"ok\"}}\n{big}\n")).unwrap();
    let out = armswatch(tmp.path(), &["classify", file.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("line 2") && err.contains("--max-line-bytes"),
        "{err}"
    );
    let out = armswatch(
        tmp.path(),
        &[
            "classify",
            "--max-line-bytes",
            "3000000",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

/// Guards `eval`: per-label metrics, unclear rows skipped, JSON output.
#[test]
fn eval_reports_per_label_metrics_and_skips_unclear_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("eval.jsonl");
    std::fs::write(
        &f,
        concat!(
            r#"{"title": "Glock 17 pistol 9mm", "labels": ["firearm"]}"#,
            "\n",
            r#"{"title": "50 rounds 9mm FMJ ammunition", "labels": ["ammunition"]}"#,
            "\n",
            r#"{"title": "Custom listing for bob", "labels": [], "unclear": true}"#,
            "\n",
            r#"{"title": "Amnesia Haze 10g", "description": "top shelf weed", "labels": []}"#,
            "\n",
        ),
    )
    .unwrap();
    let text = armswatch_ok(tmp.path(), &["eval", f.to_str().unwrap()]);
    assert!(text.contains("3 rows scored, 1 unclear skipped"), "{text}");
    let json = armswatch_ok(tmp.path(), &["eval", f.to_str().unwrap(), "--json"]);
    let v: serde_json::Value = serde_json::from_str(json.trim()).unwrap();
    assert_eq!(v["skipped_unclear"], 1);
    assert!(v["labels"]["firearm"]["precision"].is_number(), "{v}");
}

/// Guards `train`: a malformed row is rejected with its line number; the same data and seed give a
/// byte-identical model file, which `classify --model` then loads.
#[test]
fn train_is_reproducible_and_names_malformed_rows() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = std::fs::read_to_string(repo().join("classifier/corpus/corpus.jsonl")).unwrap();
    let small: String = corpus
        .lines()
        .step_by(20)
        .map(|l| format!("{l}\n"))
        .collect();
    let data = tmp.path().join("small.jsonl");
    std::fs::write(&data, &small).unwrap();
    let (a, b) = (tmp.path().join("a.model"), tmp.path().join("b.model"));
    for out in [&a, &b] {
        armswatch_ok(
            tmp.path(),
            &[
                "train",
                "--data",
                data.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ],
        );
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let out = armswatch(
        tmp.path(),
        &[
            "--model",
            a.to_str().unwrap(),
            "classify",
            data.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());

    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        format!(
            "{}{}\n",
            small.lines().next().unwrap().to_owned() + "\n",
            r#"{"title": "x", "labels": ["rifle"]}"#
        ),
    )
    .unwrap();
    let out = armswatch(
        tmp.path(),
        &[
            "train",
            "--data",
            bad.to_str().unwrap(),
            "--out",
            a.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.jsonl:2:"),
        "the error names file and line: {err}"
    );
}

/// Guards corrupt model files: a clear error, not a panic.
#[test]
fn corrupt_model_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let m = tmp.path().join("broken.model");
    std::fs::write(&m, b"ARMSWATCH-MODEL 1 sha256:00\n{not json").unwrap();
    let out = armswatch(
        tmp.path(),
        &["--model", m.to_str().unwrap(), "eval", "/dev/null"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loading model"));
}
