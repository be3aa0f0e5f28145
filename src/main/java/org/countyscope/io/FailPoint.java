package org.countyscope.io;

/**
 * Named places in the jobs where a test can make the JVM die as in a power cut — {@link Runtime#halt}: no finally
 * blocks, no shutdown hooks, locks released only by the OS — to prove that running the job again after a crash there
 * leaves the warehouse as one uninterrupted run would have. Inactive unless {@code -Dcountyscope.failpoint=NAME}.
 */
public final class FailPoint {
    public static final String PROPERTY = "countyscope.failpoint";
    /** The exit status of a JVM halted at a fail point. */
    public static final int EXIT_STATUS = 86;

    private FailPoint() {
    }

    public static void hit(String name) {
        if (name.equals(System.getProperty(PROPERTY))) {
            System.err.println("countyscope: halting at fail point " + name);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
