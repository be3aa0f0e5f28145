package org.countyscope.review;

/**
 * One investment project's monthly report ({@code silver/projects_monthly}).
 *
 * @param completedMonth  本年完成投资 of the month alone (万元)
 * @param completionDate  实际竣工日期 as {@code yyyy-MM-dd}, null before completion
 */
public record ProjectMonth(String projectCode, String name, String regionCode, String projectType, String period,
                           double plannedTotal, double completedYtd, double completedMonth, String status,
                           String completionDate) {
}
