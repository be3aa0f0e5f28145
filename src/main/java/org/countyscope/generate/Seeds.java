package org.countyscope.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Derives an independent random stream per dataset and entity from the run seed, so streams never shift each other. */
final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The stream for one named purpose and entity keys (region code, enterprise number, year…). */
    static SplittableRandom random(long seed, String stream, long... keys) {
        long h = base(seed, stream);
        for (long key : keys) {
            h = mix(h + GOLDEN * (key + 1));
        }
        return new SplittableRandom(h);
    }

    /** The hashed seed and stream name, for hot loops that derive many streams with {@link #random(long, long, long)}. */
    static long base(long seed, String stream) {
        return mix(mix(seed + GOLDEN) ^ fnv(stream));
    }

    /** Same as {@code random(seed, stream, key1, key2)} given {@code base(seed, stream)}. */
    static SplittableRandom random(long base, long key1, long key2) {
        return new SplittableRandom(mix(mix(base + GOLDEN * (key1 + 1)) + GOLDEN * (key2 + 1)));
    }

    /**
     * A standard normal draw by Box–Muller with StrictMath, so results depend neither on the JDK's algorithm nor on
     * the CPU.
     */
    static double gauss(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * Math.PI * v);
    }

    /** A uniform draw in [low, high). */
    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** A uniform integer in [low, high]. */
    static int between(SplittableRandom random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Picks an index with probability proportional to its weight. */
    static int pick(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static long fnv(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
