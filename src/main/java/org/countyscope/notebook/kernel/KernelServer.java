package org.countyscope.notebook.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.security.GeneralSecurityException;

/** A countyscope kernel serving one connection: what {@code countyscope kernel} runs, and notebooks in this JVM. */
public final class KernelServer implements AutoCloseable {
    private final CountyscopeKernel kernel;
    private final JupyterConnection connection;

    private KernelServer(CountyscopeKernel kernel, JupyterConnection connection) {
        this.kernel = kernel;
        this.connection = connection;
    }

    /** Starts a kernel listening on the connection's sockets; cells compile against {@code classpath}. */
    public static KernelServer start(ConnectionInfo info, String classpath) {
        CountyscopeKernel kernel = CountyscopeKernel.create(classpath);
        try {
            JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(info.toJson()));
            kernel.becomeHandlerForConnection(connection);
            kernel.onStartup();
            connection.connect();
            return new KernelServer(kernel, connection);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign messages with the connection's key", e);
        }
    }

    /** Blocks until a shutdown_request closes the connection. */
    public void awaitShutdown() {
        connection.waitUntilClose();
    }

    public CountyscopeKernel kernel() {
        return kernel;
    }

    @Override
    public void close() {
        connection.close();
        kernel.onShutdown(false);
    }
}
