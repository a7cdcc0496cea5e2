//! The command-line program: output, exit codes and messages.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

const ARTICLE: &str = "Maria Lopez said on Monday that more than 300 people left Lisbon.";

#[test]
fn analyzes_stdin_as_pretty_json() {
    let o = run(
        &["analyze", "--reference-date", "2024-03-13"],
        ARTICLE.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schemaVersion"], 1);
    assert_eq!(v["referenceDate"]["value"], "2024-03-13");
    assert_eq!(v["referenceDate"]["source"], "given");
    assert!(v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"] == "Maria Lopez"));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("\n  \""),
        "pretty-printed"
    );
}

#[test]
fn analyzes_a_file() {
    let dir = std::env::temp_dir().join(format!("presslens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let o = run(&["analyze", path.to_str().unwrap(), "--compact"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn jsonl_keeps_order_and_reports_bad_lines() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Lisbon is calm.\"}\n",
        "not json\n",
        "\n",
        "{\"id\": 7, \"text\": \"Prices rose 5% on Monday.\", \"referenceDate\": \"2024-03-13\"}\n",
        "{\"id\": \"b\", \"text\": \"x\", \"referenceDate\": \"2024-02-30\"}\n",
        "{\"id\": \"c\"}\n",
    );
    let o = run(&["analyze", "--jsonl"], input.as_bytes());
    assert_eq!(o.status.code(), Some(1), "some lines failed");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one output line per non-blank input line");
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["entities"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("JSON"));
    assert_eq!(lines[2]["id"], 7);
    assert_eq!(lines[2]["dates"][0]["value"], "2024-03-11");
    assert!(lines[3]["error"]
        .as_str()
        .unwrap()
        .contains("not a valid date"));
    assert!(lines[4]["error"].as_str().unwrap().contains("text"));
    assert!(stderr(&o).contains("3 of 5 lines failed"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("line 2:"),
        "messages name the input line: {}",
        stderr(&o)
    );
}

/// Regression: `--jsonl` rebuilt each result through `serde_json::Value`, which sorted the keys
/// and widened the schema's `f32` saliences (0.619 came out as 0.6190000176429749). A line is
/// now the id and then exactly what `analyze --compact` writes.
#[test]
fn jsonl_lines_are_the_compact_analysis_after_the_id() {
    let text = "Joe Biden met Angela Merkel in Berlin on Monday. Biden said 30 people came.";
    let compact = run(
        &["analyze", "--compact", "--reference-date", "2024-03-13"],
        text.as_bytes(),
    );
    assert!(compact.status.success(), "{}", stderr(&compact));
    let compact = String::from_utf8_lossy(&compact.stdout)
        .trim_end()
        .to_string();
    assert!(compact.contains("\"salience\":0."), "{compact}");
    let line = format!(
        "{{\"id\":[1,\"a\"],\"text\":{},\"referenceDate\":\"2024-03-13\"}}\n",
        serde_json::to_string(text).unwrap()
    );
    let o = run(&["analyze", "--jsonl"], line.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let got = String::from_utf8_lossy(&o.stdout).trim_end().to_string();
    assert_eq!(got, format!("{{\"id\":[1,\"a\"],{}", &compact[1..]));
}

#[test]
fn jsonl_all_good_exits_zero() {
    let o = run(&["analyze", "--jsonl"], b"{\"id\":1,\"text\":\"Hello.\"}\n");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_is_refused_clearly() {
    let o = run(&["analyze"], b"caf\xe9 au lait");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "no partial output");
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
}

#[test]
fn bad_arguments_and_missing_files() {
    for args in [
        &["frobnicate"][..],
        &[][..],
        &["analyze", "--reference-date", "yesterday"][..],
        &["analyze", "--reference-date"][..],
        &["analyze", "--wat"][..],
        &["analyze", "a.txt", "b.txt"][..],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty());
        assert!(
            stderr(&o).starts_with("presslens: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
    let o = run(&["analyze", "/nonexistent/presslens/file.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read"));
}

#[test]
fn oversized_input_is_refused_without_reading_it_all() {
    let big = vec![b'a'; presslens::MAX_INPUT_BYTES + 10];
    for args in [&["analyze"][..], &["analyze", "--compact"][..]] {
        let o = run(args, &big);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "no partial output");
        assert!(stderr(&o).contains("larger than 10 MB"), "{}", stderr(&o));
    }
}

#[test]
fn empty_input_is_an_empty_analysis() {
    let o = run(&["analyze", "--compact"], b"");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["textLength"], 0);
    assert_eq!(v["entities"].as_array().unwrap().len(), 0);
}

#[test]
fn help_and_version() {
    let o = run(&["--help"], b"");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("presslens analyze"));
    let o = run(&["--version"], b"");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("presslens "));
}
