/**
 * The report as one self-contained {@code index.html} (inline CSS, no JavaScript, no network) and the archive page,
 * both rendered from FreeMarker templates ({@link org.countyscope.report.html.Templates}) that HTML-escape every text
 * from data; {@link org.countyscope.report.html.HtmlReport} is the entry point.
 */
package org.countyscope.report.html;
