package org.countyscope.notebook.kernel;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs snippets in the kernel's own JVM (so a cell shares the SparkSession and the product's classes) and keeps each
 * snippet's value as an object: JShell itself only hands back a string, while a notebook wants to draw a Dataset as a
 * table and a chart as a picture. The string JShell receives is a key into {@link #values}.
 */
final class KeptValuesControl extends DirectExecutionControl {
    private static final String KEY_PREFIX = "countyscope-value#";
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();
    private volatile Thread running;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        running = Thread.currentThread();
        try {
            Object value = doitMethod.invoke(null);
            String key = KEY_PREFIX + next.incrementAndGet();
            values.put(key, value == null ? NULL : value);
            return key;
        } finally {
            running = null;
            Thread.interrupted(); // an interrupt meant for the cell must not reach the kernel's socket I/O after it
        }
    }

    /** The object behind a key JShell reported as a snippet's value, removing it; {@code null} for a null value. */
    Object take(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return null;
        }
        Object v = values.remove(key);
        return v == NULL ? null : v;
    }

    /** Forgets values nobody took (declarations' values, earlier snippets of a cell). */
    void clear() {
        values.clear();
    }

    /**
     * Interrupts the thread running a snippet when it is waiting or sleeping. A running thread is left alone: it may
     * be writing the cell's output to a socket, which an interrupt would close for good.
     */
    void interruptRunning() {
        Thread t = running;
        if (t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            t.interrupt();
        }
    }

    private static final Object NULL = new Object();

    /** Hands JShell this control, and the kernel the same instance. */
    static final class Provider implements ExecutionControlProvider {
        private final KeptValuesControl control = new KeptValuesControl();

        KeptValuesControl control() {
            return control;
        }

        @Override
        public String name() {
            return "countyscope-kept-values";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
