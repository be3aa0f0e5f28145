package org.countyscope.generate;

import java.util.List;

/** The units that sign 招商 contracts and get targets: county 招商局 and the city's departments (D01–D06). */
final class Units {

    static final List<String> DEPARTMENT_CODES = List.of("D01", "D02", "D03", "D04", "D05", "D06");
    static final List<String> DEPARTMENT_NAMES = List.of("工信局", "商务局", "发改委", "科技局", "农业农村局", "文旅局");
    /** The department that signs nothing in the first year, so one unit is 未破零. */
    static final int IDLE_DEPARTMENT = 3;

    private Units() {
    }

    /** With one city the units are 市工信局… coded D01…; with several, 兰州市工信局… coded 620100-D01…. */
    static String departmentName(int d, String cityName, boolean singleCity) {
        return (singleCity ? "市" : cityName) + DEPARTMENT_NAMES.get(d);
    }

    static String departmentCode(int d, String cityCode, boolean singleCity) {
        return singleCity ? DEPARTMENT_CODES.get(d) : cityCode + "-" + DEPARTMENT_CODES.get(d);
    }

    static String countyBureau(Region region) {
        return region.name() + "招商局";
    }
}
