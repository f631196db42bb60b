//! The crate's modules form layers: no module imports one that imports it back, however
//! far round. A circle means two modules that can only be understood together; the
//! refactor of "one problem in" removed them, and this keeps them out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules of src/ and, for each, the top-level modules its files name
/// through `crate::` paths (imports and inline paths alike).
fn edges() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" || name == "main" {
            continue;
        }
        if path.is_dir() {
            let mut dirs = vec![path];
            while let Some(dir) = dirs.pop() {
                for f in std::fs::read_dir(&dir).unwrap() {
                    let f = f.unwrap().path();
                    if f.is_dir() {
                        dirs.push(f);
                    } else {
                        files.push((name.clone(), f));
                    }
                }
            }
        } else {
            files.push((name, path));
        }
    }
    for (module, file) in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let targets = graph.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            // `weekwright_crate::` or `$crate::` are not ours.
            if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let rest = &text[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                for part in group[..end].split(',') {
                    let head: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !head.is_empty() {
                        targets.insert(head);
                    }
                }
            } else {
                let head: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                targets.insert(head);
            }
        }
        targets.remove(&module);
    }
    graph
}

/// A circle through `start`, if there is one: depth-first search back to it.
fn circle_through(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        at: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn the_modules_import_each_other_in_layers_with_no_circle() {
    let graph = edges();
    assert!(graph.len() >= 10, "src/ has its modules: {graph:?}");
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|m| circle_through(&graph, m))
        .map(|path| path.join(" -> "))
        .collect();
    assert!(circles.is_empty(), "import circles:\n{}", circles.join("\n"));
}

#[test]
fn the_circle_finder_finds_a_circle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    graph.entry("c".into()).or_default().insert("a".into());
    graph.entry("d".into()).or_default().insert("a".into());
    assert_eq!(
        circle_through(&graph, "a").unwrap().join(" -> "),
        "a -> b -> c -> a"
    );
    assert!(circle_through(&graph, "d").is_none());
}

#[test]
fn the_foundations_import_nothing_above_them() {
    let graph = edges();
    let allowed: &[(&str, &[&str])] = &[
        ("error", &[]),
        ("limits", &[]),
        ("dates", &["error"]),
        ("yaml", &["error", "limits"]),
    ];
    for (module, may) in allowed {
        let uses: Vec<&String> = graph[*module]
            .iter()
            .filter(|m| !may.contains(&m.as_str()))
            .collect();
        assert!(uses.is_empty(), "{module} imports {uses:?}");
    }
    for above in ["problem", "search", "block", "export", "commands", "cli"] {
        assert!(!graph["profile"].contains(above), "profile imports {above}");
    }
}
