/**
 * The report's charts: one static builder per chart on plain records ({@link org.countyscope.report.chart.Charts}),
 * one theme in the bundled CJK font ({@link org.countyscope.report.chart.ReportTheme}) and the PNG + SVG writer
 * ({@link org.countyscope.report.chart.ChartFiles}). JFreeChart never sees Spark.
 */
package org.countyscope.report.chart;
