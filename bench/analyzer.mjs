// The analysis as the page's worker calls it, for any build of www/pkg: current builds return
// JSON (`analyzeJson`) that the caller parses; builds before that returned objects (`analyze`).
// Timing the parse with the call keeps old and new builds comparable.
export function analyzer(m) {
  if (m.analyzeJson) return (text, date) => JSON.parse(m.analyzeJson(text, date));
  return (text, date) => m.analyze(text, date);
}
