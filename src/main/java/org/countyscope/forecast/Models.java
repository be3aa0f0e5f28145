package org.countyscope.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The models by name, and the standard forecaster: the combination, falling back model by model to naive. */
public final class Models {

    /** Names {@link #byName} knows. */
    public static final List<String> NAMES = List.of("naive", "seasonal-naive", "tramo", "local-level", "recent-mean",
        "two-year", "two-year-half");
    /** The members of the standard combination. */
    public static final List<String> COMBINED = List.of("tramo", "local-level", "two-year-half");

    private Models() {
    }

    /** One model by its {@link Model#name()}. */
    public static Model byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "naive" -> new NaiveModel();
            case "seasonal-naive" -> new SeasonalNaiveModel();
            case "tramo" -> new TramoModel();
            case "local-level" -> LocalLevelModel.fitted();
            case "recent-mean" -> LocalLevelModel.recentMean();
            case "two-year" -> new TwoYearModel("two-year", 1);
            case "two-year-half" -> new TwoYearModel("two-year-half", 0.5);
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }

    /** The combination of the named models, falling back to each of them in turn and finally to naive. */
    public static Model combination(List<String> names) {
        return combinationOf(names.stream().map(Models::byName).toList());
    }

    /**
     * The combination of {@code members}, falling back to each of them in turn, then to the base-effect rule
     * ({@link TwoYearModel}, for series too short for the members) and finally to naive.
     */
    public static Model combinationOf(List<Model> members) {
        List<Model> chain = new ArrayList<>();
        chain.add(new CombinedModel(members));
        chain.addAll(members);
        if (members.stream().noneMatch(m -> m instanceof TwoYearModel)) {
            // Thirteen months of growth suffice for the base-effect rule: short series get it before naive.
            chain.add(byName("two-year-half"));
        }
        chain.add(new NaiveModel());
        return new FallbackModel("combined", chain);
    }

    /** The standard forecaster: {@link #combination} of {@link #COMBINED}. */
    public static Model standard() {
        return combination(COMBINED);
    }
}
