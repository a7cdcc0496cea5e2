//! `presslens`: the analyzer on the command line, for batch use, tests and evaluation.
//!
//! Output is the same JSON schema the page receives (see `docs/schema.md`). Errors go to
//! stderr with a non-zero exit status; nothing that looks like a complete result is written
//! for input that failed.

use presslens::{analyze, CalendarDate, Options};
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
presslens: find entities, figures, dates, quotes and structure in a news article

USAGE:
    presslens analyze [FILE] [--reference-date YYYY-MM-DD] [--compact]
    presslens analyze --jsonl [--reference-date YYYY-MM-DD]
    presslens --help | --version

Reads FILE (or standard input when FILE is absent or '-') as UTF-8 text and prints the
analysis as JSON. With --jsonl, reads one JSON object per line, {\"id\", \"text\",
\"referenceDate\"?}, and writes one line {\"id\", ...analysis} per input line, in order; a line
that cannot be analyzed gets {\"id\", \"error\"} and the run goes on. The exit status is 1 when
any line failed, 2 for bad arguments or unreadable input.
";

struct Args {
    file: Option<String>,
    reference_date: Option<CalendarDate>,
    jsonl: bool,
    compact: bool,
}

fn parse_args(mut argv: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut command = None;
    let mut args = Args {
        file: None,
        reference_date: None,
        jsonl: false,
        compact: false,
    };
    while let Some(a) = argv.next() {
        match a.as_str() {
            "-h" | "--help" | "help" => return Ok(None),
            "-V" | "--version" => {
                println!("presslens {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "--jsonl" => args.jsonl = true,
            "--compact" => args.compact = true,
            "--reference-date" => {
                let v = argv
                    .next()
                    .ok_or("--reference-date needs a value, like 2021-08-22")?;
                args.reference_date = Some(parse_date(&v)?);
            }
            s if s.starts_with("--reference-date=") => {
                args.reference_date = Some(parse_date(&s["--reference-date=".len()..])?);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s if command.is_none() => {
                if s != "analyze" {
                    return Err(format!("unknown command {s:?} (the command is 'analyze')"));
                }
                command = Some(s.to_string());
            }
            s => {
                if args.file.is_some() {
                    return Err(format!("only one FILE may be given (got another: {s})"));
                }
                args.file = Some(s.to_string());
            }
        }
    }
    if command.is_none() {
        return Err("no command given (the command is 'analyze')".into());
    }
    if args.jsonl && args.file.is_some() {
        return Err("--jsonl reads standard input; do not give a FILE".into());
    }
    Ok(Some(args))
}

fn parse_date(s: &str) -> Result<CalendarDate, String> {
    CalendarDate::parse(s).ok_or_else(|| format!("{s:?} is not a valid date; use YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("presslens: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if args.jsonl {
        run_jsonl(&args)
    } else {
        run_single(&args)
    }
}

fn read_input(file: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let name = match file {
        None | Some("-") => {
            std::io::stdin()
                .lock()
                .take(presslens::MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            "standard input".to_string()
        }
        Some(path) => {
            let f = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            f.take(presslens::MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read {path}: {e}"))?;
            path.to_string()
        }
    };
    if bytes.len() > presslens::MAX_INPUT_BYTES {
        return Err(format!(
            "{name} is larger than {} MB, the most presslens analyzes at once",
            presslens::MAX_INPUT_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not valid UTF-8 (invalid byte at offset {}); convert it first, e.g. with iconv",
            e.utf8_error().valid_up_to()
        )
    })
}

fn run_single(args: &Args) -> ExitCode {
    let text = match read_input(args.file.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("presslens: {e}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        reference_date: args.reference_date,
    };
    let analysis = match analyze(&text, &options) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("presslens: {e}");
            return ExitCode::from(1);
        }
    };
    let json = if args.compact {
        serde_json::to_string(&analysis)
    } else {
        serde_json::to_string_pretty(&analysis)
    };
    match json {
        Ok(s) => {
            let mut out = std::io::stdout().lock();
            if writeln!(out, "{s}").and_then(|_| out.flush()).is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("presslens: cannot write the result: {e}");
            ExitCode::from(1)
        }
    }
}

/// One JSONL line in, one line out. The result line is built as a JSON object with `id`
/// first and the analysis fields after it.
fn analyze_line(line: &str, default_date: Option<CalendarDate>) -> (serde_json::Value, bool) {
    let mut id = serde_json::Value::Null;
    let result = (|| -> Result<serde_json::Value, String> {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("not a JSON object: {e}"))?;
        let obj = v.as_object().ok_or("not a JSON object")?;
        id = obj.get("id").cloned().unwrap_or(serde_json::Value::Null);
        let text = obj
            .get("text")
            .and_then(|t| t.as_str())
            .ok_or("missing string field \"text\"")?;
        let reference_date = match obj.get("referenceDate") {
            None | Some(serde_json::Value::Null) => default_date,
            Some(serde_json::Value::String(s)) => Some(parse_date(s)?),
            Some(_) => return Err("\"referenceDate\" must be a string YYYY-MM-DD".into()),
        };
        let analysis = analyze(text, &Options { reference_date }).map_err(|e| e.to_string())?;
        serde_json::to_value(&analysis).map_err(|e| e.to_string())
    })();
    let mut out = serde_json::Map::new();
    out.insert("id".into(), id);
    match result {
        Ok(serde_json::Value::Object(fields)) => {
            out.extend(fields);
            (serde_json::Value::Object(out), true)
        }
        Ok(_) => unreachable!("an Analysis serializes to an object"),
        Err(e) => {
            out.insert("error".into(), serde_json::Value::String(e));
            (serde_json::Value::Object(out), false)
        }
    }
}

fn run_jsonl(args: &Args) -> ExitCode {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0usize;
    let mut buf = Vec::new();
    let mut reader = stdin.lock();
    let mut lineno = 0usize;
    let mut analyzed = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("presslens: cannot read standard input: {e}");
                return ExitCode::from(2);
            }
        }
        lineno += 1;
        let (value, ok) = match std::str::from_utf8(&buf) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => analyze_line(line.trim_end_matches(['\n', '\r']), args.reference_date),
            Err(_) => (
                serde_json::json!({"id": null, "error": "line is not valid UTF-8"}),
                false,
            ),
        };
        analyzed += 1;
        if !ok {
            failed += 1;
            eprintln!(
                "presslens: line {lineno}: {}",
                value["error"].as_str().unwrap_or("failed")
            );
        }
        if serde_json::to_writer(&mut out, &value).is_err() || out.write_all(b"\n").is_err() {
            return ExitCode::from(1);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed > 0 {
        eprintln!("presslens: {failed} of {analyzed} lines failed");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
