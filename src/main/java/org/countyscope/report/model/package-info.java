/** The report as records: what the HTML, PDF and Excel writers render, with no Spark in sight. */
package org.countyscope.report.model;
