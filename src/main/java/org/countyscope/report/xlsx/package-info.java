/** tables.xlsx: every table of the report as a formatted sheet with Apache POI, data never read as formulas. */
package org.countyscope.report.xlsx;
