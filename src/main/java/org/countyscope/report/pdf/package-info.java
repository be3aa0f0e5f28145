/** report.pdf: the planner's report on A4 with OpenPDF, the CJK font embedded. */
package org.countyscope.report.pdf;
