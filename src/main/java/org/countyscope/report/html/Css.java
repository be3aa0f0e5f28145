package org.countyscope.report.html;

/** The page's one style sheet, inline: screen as a sheet of paper, print on A4, the bureau's red and navy. */
final class Css {
    private Css() {
    }

    static final String TEXT = """
        @font-face { font-family: "countyscope-cjk"; src: url("fonts/countyscope-cjk.ttf") format("truetype"); }
        :root { --ink: #1d2733; --navy: #1f3a5f; --red: #b3261e; --rule: #c9d2dc; --muted: #5b6775; --band: #f3f6f9; }
        * { box-sizing: border-box; }
        html { background: #e9edf1; }
        body { margin: 0; color: var(--ink); font-size: 16px; line-height: 1.8;
          font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "countyscope-cjk", sans-serif; }
        .page { max-width: 1060px; margin: 24px auto; padding: 40px 56px 32px; background: #fff;
          box-shadow: 0 1px 6px rgba(0, 0, 0, .12); }
        .masthead { border-bottom: 3px solid var(--red); padding-bottom: 14px; margin-bottom: 24px; text-align: center; }
        .masthead h1 { margin: 0 0 8px; color: var(--red); font-size: 30px; line-height: 1.35; letter-spacing: .04em; }
        .meta { margin: 0; color: var(--muted); font-size: 14px; }
        .meta span + span::before { content: "｜"; margin: 0 .5em; color: var(--rule); }
        .headlines { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin: 0 0 28px; }
        .kpi { border: 1px solid var(--rule); border-top: 4px solid var(--navy); border-radius: 4px; padding: 10px 14px 12px;
          background: var(--band); break-inside: avoid; }
        .kpi-label { color: var(--muted); font-size: 14px; }
        .kpi-value { color: var(--navy); font-size: 30px; font-weight: bold; line-height: 1.3; font-variant-numeric: tabular-nums; }
        .kpi-unit { font-size: 16px; margin-left: 3px; font-weight: normal; }
        .kpi-note { font-size: 13px; color: var(--ink); }
        .toc { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 20px 10px; margin-bottom: 28px; }
        .toc h2 { font-size: 17px; margin: 4px 0; color: var(--navy); border: 0; padding: 0; }
        .toc ol { list-style: none; margin: 0; padding: 0; columns: 2; column-gap: 32px; }
        .toc a { color: var(--ink); text-decoration: none; }
        .toc a:hover { color: var(--red); text-decoration: underline; }
        h2 { font-size: 21px; color: var(--navy); border-left: 5px solid var(--red); padding-left: 10px; margin: 32px 0 12px;
          line-height: 1.4; break-after: avoid; }
        .topic p { margin: 0 0 8px; text-indent: 2em; text-align: justify; }
        figure { margin: 18px 0 22px; text-align: center; break-inside: avoid; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e3e8ee; }
        figcaption { font-size: 14px; color: var(--ink); margin-top: 6px; }
        figcaption a.svg { font-size: 12px; color: var(--muted); margin-left: .5em; }
        .table-block { margin: 18px 0 24px; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; line-height: 1.5; }
        caption { caption-side: top; font-weight: bold; color: var(--ink); padding-bottom: 6px; text-align: center; }
        thead th { background: var(--navy); color: #fff; font-weight: bold; padding: 6px 8px; border: 1px solid var(--navy);
          text-align: center; vertical-align: bottom; }
        tbody td, tbody th { padding: 5px 8px; border: 1px solid var(--rule); }
        tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
        tbody tr:nth-child(even) { background: #f7f9fb; }
        tbody tr.total { background: #eef2f7; font-weight: bold; }
        tbody tr.total th { font-weight: bold; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.withheld { color: var(--muted); cursor: help; }
        .table-note { font-size: 13px; color: var(--muted); margin: 6px 0 0; text-indent: 0; }
        footer { margin-top: 36px; border-top: 1px solid var(--rule); font-size: 13px; color: var(--muted); }
        footer h2 { font-size: 15px; border: 0; padding: 0; margin: 16px 0 6px; color: var(--ink); }
        .footnotes { margin: 0; padding-left: 1.6em; }
        .vintage-time { margin: 0 0 6px; }
        table.vintage { width: auto; font-size: 12px; }
        table.vintage thead th { background: var(--band); color: var(--ink); border-color: var(--rule); }
        table.vintage td { border: 1px solid var(--rule); padding: 3px 8px; }
        @page { size: A4; margin: 16mm 14mm 18mm; }
        @media print {
          html { background: #fff; }
          body { font-size: 10.5pt; line-height: 1.65; }
          .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .masthead h1 { font-size: 20pt; }
          .headlines { grid-template-columns: repeat(auto-fill, minmax(38mm, 1fr)); gap: 3mm; }
          .kpi-value { font-size: 18pt; }
          h2 { font-size: 14pt; }
          table { font-size: 9pt; }
          .table-block { overflow: visible; }
          thead { display: table-header-group; }
          tr, figure, .kpi { break-inside: avoid; }
          figure img { max-height: 120mm; border: 0; }
          a { color: inherit; text-decoration: none; }
          figcaption a.svg { display: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
