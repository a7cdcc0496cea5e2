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

/// One JSONL line in, one line out: the output line's JSON, and the error when the line
/// failed. The result is `id` and then the analysis exactly as `analyze --compact` writes it
/// (the same field order and numbers): it is spliced in as text, not rebuilt through
/// `serde_json::Value`, whose map sorts keys and whose numbers widen the schema's `f32`s
/// (a salience of 0.619 came out as 0.6190000176429749).
fn analyze_line(line: &str, default_date: Option<CalendarDate>) -> (String, Option<String>) {
    let mut id = serde_json::Value::Null;
    let result = (|| -> Result<String, String> {
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
        serde_json::to_string(&analysis).map_err(|e| e.to_string())
    })();
    let id = serde_json::to_string(&id).unwrap_or_else(|_| "null".into());
    match result {
        // An analysis has fields: its JSON opens with `{"`.
        Ok(json) => match json.strip_prefix('{') {
            Some(fields) => (format!("{{\"id\":{id},{fields}"), None),
            None => (format!("{{\"id\":{id}}}"), None),
        },
        Err(e) => (error_line(&id, &e), Some(e)),
    }
}

/// `{"id", "error"}`, `id` given as JSON.
fn error_line(id: &str, error: &str) -> String {
    let error = serde_json::to_string(error).unwrap_or_else(|_| "\"failed\"".into());
    format!("{{\"id\":{id},\"error\":{error}}}")
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
        let (json, error) = match std::str::from_utf8(&buf) {
            Ok(line) if line.trim().is_empty() => continue,
            Ok(line) => analyze_line(line.trim_end_matches(['\n', '\r']), args.reference_date),
            Err(_) => {
                let e = "line is not valid UTF-8";
                (error_line("null", e), Some(e.to_string()))
            }
        };
        analyzed += 1;
        if let Some(e) = error {
            failed += 1;
            eprintln!("presslens: line {lineno}: {e}");
        }
        if out.write_all(json.as_bytes()).is_err() || out.write_all(b"\n").is_err() {
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
