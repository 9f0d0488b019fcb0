//! End-to-end training on a small built-in set of listings:
//! - determinism: same rows and seed give a byte-identical model file, another seed does not;
//! - the fitted model labels obvious listings, explains itself and survives a save/load round trip;
//! - one model serves several threads;
//! - the FTRL path (used for large training sets) trains a usable model too;
//! - averaged bags and bootstrap thresholds train a deterministic, usable single model.

use armswatch_classifier::{evaluate, Classifier, ClassifierParams, Example, Solver};
use armswatch_core::{Label, LabelSet};

fn ex(title: &str, description: &str, labels: &[Label]) -> Example {
    Example {
        title: title.to_string(),
        description: description.to_string(),
        labels: labels.iter().copied().collect::<LabelSet>(),
        category: String::new(),
    }
}

/// Templated listings: every label has a dozen-odd positives, plus drug and gadget negatives.
fn rows() -> Vec<Example> {
    let guns = [
        "Glock 19",
        "Beretta 92",
        "Makarov PM",
        "Colt 1911",
        "CZ 75",
        "Walther P99",
    ];
    let cal = ["9mm", ".45 ACP", "7.62x39", "5.56", ".380", "12 gauge"];
    let drugs = ["MDMA", "cocaine", "ketamine", "LSD", "hash", "xanax"];
    let things = [
        "watch",
        "passport",
        "netflix account",
        "iphone",
        "jacket",
        "guide",
    ];
    let mut v = Vec::new();
    for (i, g) in guns.iter().enumerate() {
        let c = cal[i];
        v.push(ex(
            &format!("{g} pistol"),
            &format!("Working handgun, {c}."),
            &[Label::Firearm],
        ));
        v.push(ex(
            &format!("{g} handgun for sale"),
            "Clean, untraceable.",
            &[Label::Firearm],
        ));
        v.push(ex(
            &format!("{c} ammo 50 rounds"),
            "Box of cartridges.",
            &[Label::Ammunition],
        ));
        v.push(ex(
            &format!("100 rounds {c}"),
            "FMJ ammunition.",
            &[Label::Ammunition],
        ));
        v.push(ex(
            &format!("{g} slide and barrel"),
            "Spare part.",
            &[Label::Part],
        ));
        v.push(ex(
            &format!("{g} suppressor"),
            "Threaded silencer.",
            &[Label::Part],
        ));
        v.push(ex(
            &format!("{g} 3D print files"),
            "STL and CAD files.",
            &[Label::Design],
        ));
        v.push(ex(
            &format!("{g} build manual"),
            "Gunsmith blueprint PDF.",
            &[Label::Design],
        ));
        v.push(ex(
            &format!("{g} with 50 rounds {c}"),
            "Pistol and ammo.",
            &[Label::Firearm, Label::Ammunition],
        ));
        for (j, d) in drugs.iter().enumerate() {
            v.push(ex(
                &format!("{d} {}g", j + 1),
                "Top quality, fast shipping.",
                &[],
            ));
            v.push(ex(&format!("AK-47 {d}"), "Strong strain, 10 grams.", &[]));
            v.push(ex(
                things[j],
                &format!("Brand new {}.", things[(i + j) % 6]),
                &[],
            ));
        }
    }
    v
}

fn params() -> ClassifierParams {
    // One bag: chi² selection (`features_per_label`) needs a single model.
    ClassifierParams::default()
        .seed(3)
        .min_df(1)
        .bags(1)
        .features_per_label(400)
        .alpha(0.05)
}

#[test]
fn same_rows_and_seed_give_identical_files() {
    // Guards deterministic training: byte-identical model files for the same data and seed.
    let data = rows();
    let a = params().fit(&data).unwrap().to_bytes();
    let b = params().fit(&data).unwrap().to_bytes();
    assert_eq!(a, b);
    let c = params().seed(4).fit(&data).unwrap().to_bytes();
    assert_ne!(a, c);
}

#[test]
fn fitted_model_labels_explains_and_round_trips() {
    // Guards the trained model's basic behaviour and its save/load round trip.
    let data = rows();
    let model = params().fit(&data).unwrap();
    let v = model.predict_explained("Glock 17 pistol", "handgun 9mm", 5);
    assert!(v.labels.contains(&Label::Firearm), "{v:?}");
    assert!(!v.explain[&Label::Firearm].is_empty());
    assert!(v.explain[&Label::Firearm][0].weight.abs() > 0.0);
    assert!(model.predict("MDMA 5g", "fast shipping").labels.is_empty());
    assert!(model.predict("", "").labels.len() <= 1);
    let report = evaluate(&model, &data);
    assert!(report.labels[&Label::Firearm].recall > 0.9, "{report}");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.model");
    model.save(&path).unwrap();
    let back = Classifier::load(&path).unwrap();
    assert_eq!(back.model_version(), model.model_version());
    assert_eq!(
        back.predict("Glock 17 pistol", "").scores,
        model.predict("Glock 17 pistol", "").scores
    );
    let err = Classifier::load(dir.path().join("missing.model")).unwrap_err();
    assert!(err.to_string().contains("missing.model"));
}

#[test]
fn one_model_serves_many_threads() {
    // Guards Send + Sync in practice: verdicts from threads equal the single-thread verdict.
    let model = std::sync::Arc::new(params().fit(&rows()).unwrap());
    let want = model.predict("Beretta 92 pistol", "");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let m = model.clone();
            std::thread::spawn(move || m.predict("Beretta 92 pistol", ""))
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), want);
    }
}

#[test]
fn lbfgs_solver_trains_a_usable_model() {
    // Guards the exact solver (linfa-logistic L-BFGS on a chi²-selected space).
    let data = rows();
    let model = params().solver(Solver::Lbfgs).fit(&data).unwrap();
    let report = evaluate(&model, &data);
    assert!(report.labels[&Label::Ammunition].recall > 0.8, "{report}");
    assert!(report.false_positive_rate < 0.2, "{report}");
}

#[test]
fn bagged_model_is_one_deterministic_calibrated_model() {
    // Guards `bags` and `threshold_resamples`: the averaged model is reproducible, records how it
    // was built, is calibrated on the held-out fold (Platt a > 0), and still labels the obvious rows.
    let data = rows();
    let p = || {
        ClassifierParams::default()
            .seed(3)
            .min_df(1)
            .bags(2)
            .threshold_resamples(20)
    };
    let a = p().fit(&data).unwrap();
    assert_eq!(a.to_bytes(), p().fit(&data).unwrap().to_bytes());
    assert_eq!(a.training().bags, 2);
    assert_eq!(a.training().threshold_resamples, 20);
    for m in a.label_models() {
        assert!(m.platt_a > 0.0);
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }
    assert_eq!(a.training().n_train + a.training().n_validation, data.len());
    let back = Classifier::from_bytes(&a.to_bytes()).unwrap();
    assert_eq!(back.training().bags, 2);
    let report = evaluate(&a, &data);
    assert!(report.labels[&Label::Firearm].recall > 0.8, "{report}");
    assert!(report.false_positive_rate < 0.2, "{report}");
    let chi2 = p().features_per_label(100).fit(&data);
    assert!(chi2.is_err(), "bags with chi² selection must be refused");
}

#[test]
fn lexicon_and_category_blocks_train_and_stay_optional() {
    // Guards the lexicon features in a trained model (stored in its file, used after loading) and
    // the category block: no category scores exactly as the text model, a category moves scores.
    let mut data = rows();
    for (i, e) in data.iter_mut().enumerate() {
        e.category = if e.labels.is_empty() {
            ["Drugs/Cannabis", "Digital goods", "Other"][i % 3].to_string()
        } else {
            ["Weapons/Firearms", "Weapons", "Other"][i % 3].to_string()
        };
    }
    let model = ClassifierParams::default()
        .seed(5)
        .min_df(1)
        .bags(1)
        .threshold_resamples(0)
        .fit(&data)
        .unwrap();
    assert!(model
        .vocabulary()
        .terms()
        .iter()
        .any(|t| t.starts_with("x:")));
    assert!(model.vocabulary().lexicon().is_some());
    let back = Classifier::from_bytes(&model.to_bytes()).unwrap();
    let (t, d) = ("Ruger Blackhawk .44 Magnum", "");
    assert_eq!(back.scores(t, d), model.scores(t, d));
    assert_eq!(model.scores(t, d), model.scores_with_category(t, d, None));
    assert_eq!(
        model.scores(t, d),
        model.scores_with_category(t, d, Some(""))
    );
    let cat = model.category_model().expect("category block");
    assert!(cat.tokens.contains_key("weapons"));
    let v = model.predict_explained_with_category(t, d, Some("Weapons/Firearms"), 50);
    if cat.weight[0] > 0.0 {
        assert!(v.explain[&Label::Firearm]
            .iter()
            .any(|w| w.term.starts_with("category")));
    }
}
