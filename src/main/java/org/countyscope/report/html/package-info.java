/**
 * The report as one self-contained {@code index.html} (inline CSS, no JavaScript, no network), every text from
 * data escaped; {@link org.countyscope.report.html.HtmlReport} is the entry point.
 */
package org.countyscope.report.html;
