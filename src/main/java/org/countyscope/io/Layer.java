package org.countyscope.io;

import java.util.Locale;

/** The warehouse layers: raw as received, cleaned and typed, business marts, and rejected rows. */
public enum Layer {
    BRONZE, SILVER, GOLD, QUARANTINE;

    public String dir() {
        return name().toLowerCase(Locale.ROOT);
    }
}
