package io.semsearch.resilience;

import java.io.IOException;
import java.net.ServerSocket;

final class FreePort {

    private FreePort() {
    }

    static int find() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
