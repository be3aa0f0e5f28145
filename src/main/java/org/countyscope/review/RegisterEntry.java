package org.countyscope.review;

/**
 * One enterprise's line of the year's 规上 register ({@code silver/enterprise_register}).
 *
 * @param status       年初在库, 新增 or 退库
 * @param changePeriod the month of the entry or exit, null for 年初在库
 */
public record RegisterEntry(int year, String creditCode, String name, String regionCode, String industryCode,
                            String status, String changePeriod) {

    /**
     * In the register's scope for a month: 年初在库 all year, 新增 from its entry month (reports begin with 1—2月
     * at the earliest), 退库 up to and including its exit month.
     */
    public boolean inScope(String period) {
        if (Integer.parseInt(period.substring(0, 4)) != year) {
            return false;
        }
        return switch (status) {
            case "新增" -> changePeriod == null || changePeriod.compareTo(period) <= 0;
            case "退库" -> changePeriod == null || changePeriod.compareTo(period) >= 0;
            default -> true;
        };
    }
}
