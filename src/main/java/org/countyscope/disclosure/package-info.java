/**
 * Statistical disclosure control (统计法): which figures of the tables for planners must be suppressed ("…") so that
 * no single respondent can be identified or inferred, jointly across every linked table of a period.
 *
 * <p>Plain Java on records and arrays, no Spark: a job collects the cells with their contributor counts, calls
 * {@link org.countyscope.disclosure.SecondarySuppression#protect}, checks the result with
 * {@link org.countyscope.disclosure.Audit#check} and renders it with {@link org.countyscope.disclosure.Rendering}.
 */
package org.countyscope.disclosure;
