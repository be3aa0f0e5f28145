package org.countyscope.generate;

/** One county-level unit of the sample, with its prefecture and province, its population and its theme. */
record Region(
        int index,
        String code,
        String name,
        String shortName,
        String cityCode,
        String cityName,
        String cityShortName,
        String provinceCode,
        String provinceName,
        long population,
        Theme theme) {

    /** Population in 万人. */
    double populationWan() {
        return population / 1e4;
    }

    /** A 市辖区 pays 城市维护建设税 at 7%, a county town at 5%. */
    boolean urbanDistrict() {
        return name.endsWith("区");
    }
}
