package org.countyscope.generate;

/** How an industrial 小类 behaves in the model: value-added ratio, margins, labour productivity and seasonality. */
enum Sector {
    COAL(0.50, 0.14, 0.4, 45, new double[] {1.05, 0.85, 1.00, 1.00, 1.00, 0.95, 0.95, 0.95, 1.00, 1.05, 1.10, 1.10}),
    THERMAL_POWER(0.30, 0.05, 0.0, 160, new double[] {1.15, 1.00, 0.95, 0.88, 0.88, 0.95, 1.05, 1.05, 0.90, 0.95, 1.07, 1.17}),
    RENEWABLE_POWER(0.62, 0.22, 0.0, 250, new double[] {0.90, 0.95, 1.10, 1.15, 1.10, 1.05, 1.00, 0.95, 0.95, 0.95, 0.90, 0.90}),
    GRID(0.22, 0.03, 0.0, 60, new double[] {1.15, 1.00, 0.95, 0.88, 0.88, 0.95, 1.05, 1.05, 0.90, 0.95, 1.07, 1.17}),
    HEAT(0.30, 0.02, 0.0, 30, new double[] {2.20, 1.90, 1.30, 0.40, 0.15, 0.10, 0.10, 0.10, 0.15, 0.50, 1.90, 2.20}),
    WATER(0.45, 0.05, 0.0, 20, new double[] {1.00, 0.90, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05}),
    CHEMICAL(0.25, 0.06, 0.6, 60, new double[] {1.00, 0.90, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05}),
    BUILDING_MATERIALS(0.30, 0.06, 0.5, 25, new double[] {0.45, 0.35, 0.85, 1.15, 1.25, 1.25, 1.20, 1.20, 1.20, 1.15, 0.95, 0.60}),
    FRUIT(0.25, 0.05, 0.0, 18, new double[] {1.30, 1.00, 0.80, 0.65, 0.60, 0.60, 0.65, 0.75, 1.10, 1.55, 1.55, 1.45}),
    MEAT_AND_FEED(0.20, 0.04, 0.0, 20, new double[] {1.35, 0.90, 0.85, 0.85, 0.90, 0.90, 0.90, 0.95, 1.00, 1.05, 1.10, 1.25}),
    FOOD(0.24, 0.06, 0.0, 18, new double[] {0.95, 0.75, 1.00, 1.02, 1.03, 1.05, 1.00, 1.00, 1.03, 1.03, 1.05, 1.10}),
    PACKAGING(0.24, 0.05, 0.3, 16, new double[] {0.90, 0.70, 0.90, 0.95, 0.95, 0.95, 0.95, 1.05, 1.20, 1.25, 1.15, 1.05}),
    PHARMA(0.35, 0.10, 0.0, 25, new double[] {1.00, 0.90, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05}),
    EQUIPMENT(0.27, 0.05, 0.2, 20, new double[] {0.95, 0.75, 1.00, 1.02, 1.03, 1.05, 1.00, 1.00, 1.03, 1.03, 1.05, 1.10});

    private final double vaRatio;
    private final double margin;
    private final double priceSensitivity;
    private final double productivity;
    private final double[] season;

    Sector(double vaRatio, double margin, double priceSensitivity, double productivity, double[] factors) {
        this.vaRatio = vaRatio;
        this.margin = margin;
        this.priceSensitivity = priceSensitivity;
        this.productivity = productivity;
        double sum = 0;
        for (double f : factors) {
            sum += f;
        }
        // Normalised so twelve months add up to one year's volume.
        this.season = new double[12];
        for (int m = 0; m < 12; m++) {
            season[m] = factors[m] / sum;
        }
    }

    /** Value added over gross output. */
    double vaRatio() {
        return vaRatio;
    }

    /** Profit over revenue at last year's prices. */
    double margin() {
        return margin;
    }

    /** How much the margin moves with the sector's own price level (coal profits swing with coal prices). */
    double priceSensitivity() {
        return priceSensitivity;
    }

    /** Value added per employee per year, 万元. */
    double productivity() {
        return productivity;
    }

    /** Share of a year's volume falling in calendar month 1…12. */
    double season(int month) {
        return season[month - 1];
    }

    static Sector of(String code4) {
        int dl = Integer.parseInt(code4.substring(0, 2));
        if (dl >= 6 && dl <= 12) {
            return COAL;
        }
        if (code4.equals("4411") || code4.equals("4412")) {
            return THERMAL_POWER;
        }
        if (code4.startsWith("441")) {
            return RENEWABLE_POWER;
        }
        if (code4.equals("4430")) {
            return HEAT;
        }
        if (dl == 44 || dl == 45) {
            return GRID;
        }
        if (dl == 46) {
            return WATER;
        }
        if (dl == 25 || dl == 26 || dl == 28) {
            return CHEMICAL;
        }
        if (dl == 30) {
            return BUILDING_MATERIALS;
        }
        if (code4.equals("1373") || code4.equals("1453") || code4.equals("1523")) {
            return FRUIT;
        }
        if (code4.startsWith("135") || code4.startsWith("132")) {
            return MEAT_AND_FEED;
        }
        if (dl >= 13 && dl <= 21) {
            return FOOD;
        }
        if (dl == 22 || dl == 23 || dl == 29) {
            return PACKAGING;
        }
        if (dl == 27) {
            return PHARMA;
        }
        return EQUIPMENT;
    }
}
