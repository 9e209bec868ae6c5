import Support

extension HTMLReporter {
    /// The page's style: inline, so the page reads offline and from a CI artifact.
    static let css = """
        :root { color-scheme: light; --pass: #1a7f37; --fail: #cf222e; --error: #8250df; --muted: #57606a;
          --line: #d0d7de; --code-bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: #1f2328; background: #fff; }
        header, main { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 20px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 24px; margin: 0 0 8px; }
        h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        a { color: #0969da; text-decoration: none; }
        a:hover { text-decoration: underline; }
        .counts { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 0 0 8px; }
        .counts .total, .counts .wall { color: var(--muted); }
        .badge { display: inline-block; min-width: 3.6em; padding: 1px 7px; border-radius: 10px; color: #fff;
          font-size: 12px; font-weight: 600; text-align: center; letter-spacing: .02em; }
        .badge.passed { background: var(--pass); }
        .badge.failed { background: var(--fail); }
        .badge.error { background: var(--error); }
        .badge.skipped { background: #777; }
        .badge.zero { background: #eaeef2; color: var(--muted); }
        #controls { display: flex; gap: 10px; align-items: center; margin: 4px 0 6px; min-height: 4px; }
        #controls button { font: inherit; font-size: 13px; padding: 2px 10px; border: 1px solid var(--line);
          border-radius: 6px; background: var(--code-bg); cursor: pointer; }
        #controls label { font-size: 13px; color: var(--muted); }
        ul.links { list-style: none; margin: 0; padding: 0; }
        ul.links li { margin: 2px 0; }
        details.scenario { border: 1px solid var(--line); border-left: 4px solid var(--pass); border-radius: 6px;
          margin: 5px 0; background: #fff; }
        details.scenario.failed { border-left-color: var(--fail); }
        details.scenario.error { border-left-color: var(--error); }
        details.scenario.skipped { border-left-color: #777; }
        details.scenario > summary { padding: 4px 10px; cursor: pointer; display: flex; gap: 10px; align-items: center; }
        details.scenario > summary .path { font-weight: 600; overflow-wrap: anywhere; }
        details.scenario > summary .duration { margin-left: auto; color: var(--muted); font-size: 13px; white-space: nowrap; }
        details.scenario[open] > summary { border-bottom: 1px solid var(--line); }
        details.scenario > .body { padding: 8px 14px 12px; }
        .meta { margin: 0 0 8px; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
        pre { margin: 6px 0 10px; padding: 8px 10px; background: var(--code-bg); border: 1px solid var(--line);
          border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
        pre.failure { border-color: #ffcecb; }
        pre .line { display: block; margin: 0 -10px; padding: 0 10px; }
        pre .del { background: #ffebe9; color: #82071e; }
        pre .ins { background: #dafbe1; color: #116329; }
        pre .hunk { color: #0550ae; background: #ddf4ff; }
        pre .file { font-weight: 600; }
        details.journal { margin-top: 8px; }
        details.journal > summary, details.message > summary { cursor: pointer; color: var(--muted); font-size: 13px; }
        ol.exchanges { margin: 6px 0 0; padding-left: 2.2em; }
        ol.exchanges > li { margin: 4px 0 8px; }
        .exchange { overflow-wrap: anywhere; }
        .partner { display: inline-block; padding: 0 6px; border-radius: 4px; background: #eaeef2; font-size: 12px; }
        .status { font-weight: 600; }
        .status.s2xx { color: var(--pass); }
        .status.s4xx, .status.s5xx { color: var(--fail); }
        .fault { color: var(--error); font-size: 13px; }
        details.message { margin: 2px 0 0 4px; }
        details.message pre { margin: 4px 0 6px; max-height: 32em; overflow: auto; }
        .written, .none { color: var(--muted); font-size: 13px; }
        table.coverage { border-collapse: collapse; width: 100%; font-size: 14px; margin-bottom: 40px; }
        table.coverage th, table.coverage td { text-align: left; vertical-align: top; padding: 6px 8px;
          border-bottom: 1px solid var(--line); }
        table.coverage th { background: var(--code-bg); }
        table.coverage td:first-child { width: 48%; }
        table.coverage .section { color: var(--muted); font-size: 13px; }
        table.coverage .quote { color: var(--muted); font-size: 12.5px; margin-top: 2px; }
        tr.uncovered { background: #fff8c5; }
        .coverage-status { font-weight: 600; white-space: nowrap; }
        .coverage-status.passed { color: var(--pass); }
        .coverage-status.failed { color: var(--fail); }
        .coverage-status.uncovered { color: #9a6700; }
        .coverage-status.not-run { color: var(--muted); }
        p.scope { color: var(--muted); }
        body.only-not-passed details.scenario.passed { display: none; }

        """

    /// The page's one script: adds buttons to open or close every section and a box that
    /// hides the passed scenarios. The page reads the same without it.
    static let script = """
        (function () {
          "use strict";
          var controls = document.getElementById("controls");
          if (!controls) { return; }
          function setAll(open) {
            document.querySelectorAll("details").forEach(function (d) { d.open = open; });
          }
          function button(id, label, action) {
            var b = document.createElement("button");
            b.type = "button";
            b.id = id;
            b.textContent = label;
            b.addEventListener("click", action);
            controls.appendChild(b);
          }
          button("expand-all", "Expand all", function () { setAll(true); });
          button("collapse-all", "Collapse all", function () { setAll(false); });
          var label = document.createElement("label");
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = "only-not-passed";
          box.addEventListener("change", function () {
            document.body.classList.toggle("only-not-passed", box.checked);
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(" only the scenarios that did not pass"));
          controls.appendChild(label);
        })();

        """
}
