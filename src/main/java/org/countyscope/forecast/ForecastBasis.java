package org.countyscope.forecast;

/**
 * What a region's forecast rests on, with the words every output prints for a forecast that is not a model's: a
 * series too short for the models is forecast by the base-effect rule ({@link TwoYearModel}) or, shorter still, by the
 * last value alone, and a planner must see that before reading the number.
 */
public enum ForecastBasis {
    /** A fitted model or the combination: no caveat. */
    MODEL(""),
    /** The base-effect rule alone: the series was too short for the models. */
    BASE_EFFECT("历史数据不足三年：按两年平均增速推算（基数效应），区间较宽，仅供参考"),
    /** The last value carried forward: the naive fallback, not a forecast model. */
    NAIVE("历史数据过短：仅沿用最近一期增速的简单外推，不是模型预测"),
    /** Nothing could be forecast. */
    NONE("无法预测：缺少已公布的增速");

    private final String label;

    ForecastBasis(String label) {
        this.label = label;
    }

    /** The caveat in Chinese, empty for {@link #MODEL}. */
    public String label() {
        return label;
    }

    /** The basis of forecasts made by the model named {@code model} (as {@link Forecast#model()} names it). */
    public static ForecastBasis of(String model) {
        if (model == null || model.isEmpty() || model.equals("none")) {
            return NONE;
        }
        if (model.startsWith("combined(") && model.endsWith(")") && !model.contains("+")) {
            // A combination left with one member is that member.
            return of(model.substring("combined(".length(), model.length() - 1));
        }
        if (model.equals("naive")) {
            return NAIVE;
        }
        return model.startsWith("two-year") ? BASE_EFFECT : MODEL;
    }

    /** Whether the report may make it a headline: only a model's forecast. */
    public boolean headline() {
        return this == MODEL;
    }
}
