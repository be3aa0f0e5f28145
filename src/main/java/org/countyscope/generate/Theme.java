package org.countyscope.generate;

import java.util.List;

/**
 * The economic profile of a county (its 规上 industries and their size, growth, services, 招商 chains), the first seven
 * modelled on 平凉's counties.
 */
enum Theme {
    /** 华亭市: coal mines, coal-fired power and coal chemicals dominate. */
    COAL_CITY(0.075, 0.20, 1.15, 1.2, new double[] {5, 3, 1, 0.3, 0.5, 1, 2}, List.of(
            line(8, 49.0, "0610"),
            line(2, 9.0, "4411"),
            line(1, 0.8, "4420"),
            line(1, 0.3, "4430"),
            line(1, 0.2, "4610"),
            line(1, 1.5, "2614"),
            line(1, 0.4, "2524"),
            line(2, 0.5, "4415", "4416"),
            line(4, 0.6, "3511", "3484"),
            line(3, 0.3, "3311"),
            line(7, 0.8, "3011", "3021", "3031", "3022"),
            line(7, 0.5, "1351", "1329", "1312"),
            line(2, 0.2, "1512", "1522"))),
    /** 崇信县: coal and a large power plant in a small county. */
    COAL_COUNTY(0.06, 0.30, 1.05, 1.0, new double[] {4, 3, 1, 0.5, 1, 0.5, 2}, List.of(
            line(4, 17.5, "0610"),
            line(1, 6.0, "4411"),
            line(1, 0.4, "4420"),
            line(1, 0.1, "4610"),
            line(1, 0.3, "4416"),
            line(6, 0.6, "3011", "3021", "3031"),
            line(6, 0.4, "1351", "1329"),
            line(3, 0.3, "3484", "3511"),
            line(1, 0.1, "1512"),
            line(1, 0.1, "3311"))),
    /** 崆峒区: the city seat — power plants, cement, food, equipment, and most of the services. */
    CITY_SEAT(0.05, 0.20, 2.6, 1.4, new double[] {1, 1.5, 3, 1, 1, 3, 2}, List.of(
            line(2, 8.5, "4411", "4412"),
            line(1, 1.5, "4420"),
            line(2, 0.6, "4430"),
            line(3, 0.6, "4610", "4620"),
            line(2, 0.6, "4415", "4416"),
            line(2, 1.6, "3011"),
            line(10, 1.0, "3021", "3022", "3031", "3032", "3039"),
            line(12, 1.4, "1351", "1353", "1312", "1331", "1391"),
            line(6, 0.5, "1411", "1441", "1431", "1469"),
            line(4, 0.35, "1512", "1522", "1523"),
            line(3, 0.5, "2730", "2740"),
            line(10, 1.0, "3311", "3484", "3511", "3572"),
            line(4, 0.4, "3823", "3831"),
            line(4, 0.3, "2231", "2319"),
            line(3, 0.25, "2922", "2927"),
            line(2, 0.15, "4210"))),
    /** 泾川县: red-cattle beef processing and building materials. */
    CATTLE_BUILDING(0.055, 0.35, 0.95, 1.0, new double[] {0.3, 1.5, 0.5, 1, 4, 2.5, 1}, List.of(
            line(6, 1.6, "1351", "1353"),
            line(3, 0.4, "1329"),
            line(2, 0.2, "1373"),
            line(1, 0.1, "1523"),
            line(8, 1.2, "3011", "3021", "3031"),
            line(1, 0.4, "4420"),
            line(1, 0.1, "4610"),
            line(1, 0.2, "4416"),
            line(2, 0.2, "2730"),
            line(3, 0.2, "3484", "3572"),
            line(2, 0.1, "2927"))),
    /** 灵台县: beef, building materials and herbal medicine. */
    CATTLE_HERBS(0.04, 0.35, 0.9, 0.9, new double[] {0.5, 2, 0.5, 1, 4, 1.5, 0.5}, List.of(
            line(5, 1.2, "1351", "1353"),
            line(2, 0.2, "1329"),
            line(6, 0.8, "3011", "3021", "3031"),
            line(1, 0.3, "4420"),
            line(1, 0.1, "4610"),
            line(1, 0.2, "4415"),
            line(3, 0.4, "2730", "2740"),
            line(1, 0.1, "1373"),
            line(2, 0.1, "3484"))),
    /** 庄浪县: potato starch and apples. */
    STARCH_APPLES(0.065, 0.33, 0.9, 0.9, new double[] {0.2, 1, 0.5, 4, 1.5, 1, 0.5}, List.of(
            line(5, 0.9, "1391"),
            line(4, 0.6, "1373"),
            line(2, 0.3, "1523"),
            line(2, 0.2, "1351"),
            line(1, 0.1, "1329"),
            line(7, 0.6, "3021", "3031", "3011"),
            line(1, 0.4, "4420"),
            line(1, 0.1, "4610"),
            line(2, 0.2, "2231"),
            line(2, 0.1, "3572"),
            line(1, 0.2, "4416"))),
    /** 静宁县: apples, juice concentrate and the carton industry around them. */
    APPLES(0.07, 0.36, 0.95, 1.0, new double[] {0.2, 1, 0.5, 5, 1, 1, 0.5}, List.of(
            line(8, 1.2, "1373"),
            line(4, 0.8, "1523"),
            line(2, 0.2, "1453"),
            line(8, 1.0, "2231"),
            line(4, 0.3, "2921", "2926", "2927"),
            line(3, 0.3, "1351", "1353"),
            line(1, 0.2, "1512"),
            line(2, 0.2, "1391"),
            line(8, 0.7, "3011", "3021", "3031"),
            line(1, 0.4, "4420"),
            line(1, 0.1, "4610"),
            line(1, 0.2, "4416"),
            line(2, 0.1, "3572"))),
    /** Wind and solar farms with some equipment makers (larger runs only). */
    NEW_ENERGY(0.09, 0.30, 0.95, 1.0, new double[] {0.5, 5, 2, 0.5, 0.5, 1, 1}, List.of(
            line(4, 3.0, "4415"),
            line(5, 2.5, "4416"),
            line(1, 0.4, "4420"),
            line(2, 0.8, "3415"),
            line(2, 0.6, "3825"),
            line(1, 0.5, "3841"),
            line(3, 0.3, "3311"),
            line(6, 0.6, "3011", "3021", "3031"),
            line(5, 0.4, "1351", "1329", "1373"),
            line(1, 0.1, "4610"))),
    /** Coal chemicals: methanol, coke, fertiliser (larger runs only). */
    CHEMICALS(0.055, 0.25, 1.0, 1.0, new double[] {5, 1, 1, 0.5, 0.5, 0.5, 3}, List.of(
            line(4, 4.0, "2614", "2619"),
            line(2, 3.0, "2521", "2522"),
            line(3, 0.8, "2624"),
            line(2, 5.0, "0610"),
            line(1, 2.0, "4412"),
            line(1, 0.4, "4420"),
            line(3, 0.8, "2659", "2653"),
            line(8, 1.0, "3011", "3021", "3031", "3089"),
            line(4, 0.3, "3484"),
            line(5, 0.4, "1351", "1329"),
            line(2, 0.1, "4610"))),
    /** Machinery and electrical equipment (larger runs only). */
    EQUIPMENT(0.06, 0.25, 1.05, 1.0, new double[] {0.5, 1.5, 5, 0.5, 0.5, 1, 2}, List.of(
            line(10, 1.5, "3484", "3311"),
            line(6, 1.2, "3511", "3572"),
            line(6, 1.6, "3823", "3831"),
            line(2, 0.6, "3415"),
            line(1, 0.5, "3841"),
            line(3, 0.3, "2922", "2927"),
            line(5, 0.5, "3021", "3031"),
            line(4, 0.4, "1351", "1411"),
            line(1, 0.4, "4420"),
            line(1, 0.1, "4610"),
            line(1, 0.2, "4430")));

    /** The 招商 industrial chains (产业链), in the order of {@link #chainWeights()}. */
    static final List<String> CHAINS = List.of("煤电化工", "新能源", "装备制造", "现代农业（苹果）", "牛产业", "文旅康养", "新材料");

    /**
     * One group of enterprises in a county: how many (at the 260-enterprise calibration), their 小类 codes, and their
     * total value added.
     */
    record Line(int count, double valueAddedYi, List<String> codes) {
        /** Mean value added per enterprise, 万元 a year. */
        double meanValueAdded() {
            return valueAddedYi * 1e4 / count;
        }
    }

    private final double growth;
    private final double primaryPerCapita;
    private final double tertiaryPerCapita;
    private final double activity;
    private final double[] chainWeights;
    private final List<Line> lines;

    Theme(double growth, double primaryPerCapita, double tertiaryPerCapita, double activity, double[] chainWeights, List<Line> lines) {
        this.growth = growth;
        this.primaryPerCapita = primaryPerCapita;
        this.tertiaryPerCapita = tertiaryPerCapita;
        this.activity = activity;
        this.chainWeights = chainWeights;
        this.lines = lines;
    }

    private static Line line(int count, double valueAddedYi, String... codes) {
        return new Line(count, valueAddedYi, List.of(codes));
    }

    /** Typical real growth of 规上 value added, a fraction per year. */
    double growth() {
        return growth;
    }

    /** 第一产业增加值 per resident, 亿元 per 万人. */
    double primaryPerCapita() {
        return primaryPerCapita;
    }

    /** 第三产业增加值 per resident, 亿元 per 万人. */
    double tertiaryPerCapita() {
        return tertiaryPerCapita;
    }

    /** How busy the county is with projects and 招商 relative to an average county. */
    double activity() {
        return activity;
    }

    double[] chainWeights() {
        return chainWeights.clone();
    }

    List<Line> lines() {
        return lines;
    }

    /** Enterprises in the theme's calibration (the share of 平凉's 260). */
    int calibrationCount() {
        int n = 0;
        for (Line line : lines) {
            n += line.count();
        }
        return n;
    }
}
