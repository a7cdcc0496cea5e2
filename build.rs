//! Turns the word lists of `data/gazetteer/` into static tables (`$OUT_DIR/lexicon_tables.rs`),
//! read by `src/lexicon.rs`: the page's first analysis then parses and hashes nothing.
//! The reading of the lists is defined once, in `src/gazetteer.rs`.
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/gazetteer.rs"]
mod gazetteer;

fn main() {
    let dir = Path::new("data/gazetteer");
    println!("cargo:rerun-if-changed=src/gazetteer.rs");
    println!("cargo:rerun-if-changed=data/gazetteer");
    let read = |name: &str| {
        let p = dir.join(name);
        println!("cargo:rerun-if-changed={}", p.display());
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let texts: Vec<String> = [
        "countries.txt",
        "regions.txt",
        "cities.txt",
        "organizations.txt",
        "given-names.txt",
        "surnames.txt",
        "org-words.txt",
        "place-words.txt",
        "demonyms.txt",
        "ambiguous-names.txt",
        "titles.txt",
    ]
    .iter()
    .map(|n| read(n))
    .collect();
    let t = gazetteer::tables(&gazetteer::Files {
        countries: &texts[0],
        regions: &texts[1],
        cities: &texts[2],
        organizations: &texts[3],
        given_names: &texts[4],
        surnames: &texts[5],
        org_words: &texts[6],
        place_words: &texts[7],
        demonyms: &texts[8],
        ambiguous_names: &texts[9],
        titles: &texts[10],
    });
    // `src/lexicon.rs` asks the name maps only about keys with their class bit: every key of
    // a map must have it.
    for (map, bit) in [
        (&t.place_names, gazetteer::class::PLACE),
        (&t.organizations, gazetteer::class::ORG),
        (&t.demonyms, gazetteer::class::DEMONYM),
    ] {
        for k in map.keys() {
            assert!(
                t.classes.get(k).is_some_and(|c| c & bit != 0),
                "{k}: in a name map without its class bit"
            );
        }
    }
    // The key universe: every key of every table, sorted, each with its class bits (0 when
    // it is only in a name map).
    let mut classes = t.classes.clone();
    for k in t
        .place_names
        .keys()
        .chain(t.organizations.keys())
        .chain(t.demonyms.keys())
    {
        classes.entry(k.clone()).or_insert(0);
    }
    // Every word prefix of a multi-word title ("staff" of "staff sgt") is a key too, so that
    // reading a title stops at the first word that no title continues with.
    let mut title_prefixes = Vec::new();
    for (k, &c) in &t.classes {
        if c & gazetteer::class::TITLE != 0 {
            let words: Vec<&str> = k.split(' ').collect();
            for j in 1..words.len() {
                title_prefixes.push(words[..j].join(" "));
            }
        }
    }
    for p in &title_prefixes {
        classes.entry(p.clone()).or_insert(0);
    }
    let keys: Vec<&String> = classes.keys().collect();
    assert!(
        keys.iter().all(|k| !k.contains('\n')),
        "a key with a line break"
    );
    let index: HashMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut out = String::new();
    // Front coding: each key as the length of the prefix it shares with the key before it
    // (cut back to a char boundary) and the rest. The prefix lengths are one stream and the
    // rests another, so that gzip sees like bytes together: the keys gzip to 33 KB instead
    // of 41 KB in the page's wasm. `src/lexicon.rs` rebuilds the sorted keys on first use.
    let mut shared = Vec::with_capacity(keys.len());
    let mut rests: Vec<&str> = Vec::with_capacity(keys.len());
    let mut prev = "";
    for k in &keys {
        let mut p = k
            .bytes()
            .zip(prev.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(usize::from(u8::MAX));
        while !k.is_char_boundary(p) {
            p -= 1;
        }
        shared.push(p);
        rests.push(&k[p..]);
        prev = k;
    }
    writeln!(
        out,
        "/// Bytes each key shares with the key before it (keys sorted)."
    )
    .unwrap();
    write!(out, "static KEY_SHARED: [u8; {}] = [", keys.len()).unwrap();
    for p in &shared {
        write!(out, "{p},").unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "/// The rest of each key, one a line.").unwrap();
    writeln!(out, "static KEY_RESTS: &str = {:?};", rests.join("\n")).unwrap();
    writeln!(
        out,
        "const KEYS_LEN: usize = {};",
        keys.iter().map(|k| k.len() + 1).sum::<usize>()
    )
    .unwrap();
    writeln!(out, "const KEY_COUNT: usize = {};", keys.len()).unwrap();
    writeln!(
        out,
        "const MAX_KEY_LEN: usize = {};",
        keys.iter().map(|k| k.len()).max().unwrap_or(0)
    )
    .unwrap();
    // Class bits as an index into the few distinct values (36): one byte a key, which gzips
    // better than the u16 values themselves.
    let mut values: Vec<u16> = classes.values().copied().collect();
    values.sort_unstable();
    values.dedup();
    assert!(values.len() <= 256, "class values must fit a u8 index");
    write!(out, "static CLASS_VALUES: [u16; {}] = [", values.len()).unwrap();
    for c in &values {
        write!(out, "{c},").unwrap();
    }
    writeln!(out, "];").unwrap();
    write!(out, "static CLASS_OF: [u8; {}] = [", keys.len()).unwrap();
    for c in classes.values() {
        let at = values.binary_search(c).expect("class value listed");
        write!(out, "{at},").unwrap();
    }
    writeln!(out, "];").unwrap();
    // Canonical names: (key index, start, length) rows into one string of every name, so
    // that the tables hold no pointers (smaller in the page's wasm).
    assert!(
        keys.len() <= usize::from(u16::MAX),
        "key indices must fit u16"
    );
    let mut names = String::new();
    let mut name_at: HashMap<&str, usize> = HashMap::new();
    for (name, map) in [
        ("PLACE_NAMES", &t.place_names),
        ("ORGANIZATIONS", &t.organizations),
        ("DEMONYMS", &t.demonyms),
    ] {
        let mut rows: Vec<(usize, &str)> = map
            .iter()
            .map(|(k, v)| (index[k.as_str()], v.as_str()))
            .collect();
        rows.sort();
        write!(out, "static {name}: [(u16, u16, u16); {}] = [", rows.len()).unwrap();
        for (i, v) in rows {
            let start = *name_at.entry(v).or_insert_with(|| {
                names.push_str(v);
                names.len() - v.len()
            });
            assert!(
                start + v.len() <= usize::from(u16::MAX),
                "names must fit u16 offsets"
            );
            write!(out, "({i},{start},{}),", v.len()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    writeln!(out, "/// Every canonical name, one after another.").unwrap();
    writeln!(out, "static NAMES: &str = {names:?};").unwrap();
    let mut prefix_rows: Vec<usize> = title_prefixes.iter().map(|p| index[p.as_str()]).collect();
    prefix_rows.sort();
    prefix_rows.dedup();
    write!(
        out,
        "static TITLE_PREFIXES: [u32; {}] = [",
        prefix_rows.len()
    )
    .unwrap();
    for i in prefix_rows {
        write!(out, "{i},").unwrap();
    }
    writeln!(out, "];").unwrap();
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon_tables.rs");
    std::fs::write(dest, out).expect("write lexicon tables");
}
